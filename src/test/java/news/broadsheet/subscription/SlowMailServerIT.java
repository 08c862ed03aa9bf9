package news.broadsheet.subscription;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import news.broadsheet.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 19, finding 7: a mail server that takes seconds per message. The outbox used to send a batch inside one
 * transaction that timed out after the deliveries and rolled back, so mails went out two or three times and others
 * never; now each mail is claimed, sent and recorded on its own and goes out once. The service's transactions are
 * limited to 3 s here and each mail takes about 2 s, so one batch of them in one transaction would time out.
 */
class SlowMailServerIT {

    private static final int SIGN_UPS = 8;
    private static final Duration PER_REPLY = Duration.ofMillis(300); // an SMTP exchange is about six replies

    @Test
    void aSlowMailServerGetsEveryMailOnce() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        SlowProxy proxy = new SlowProxy(smtp.getSmtp().getPort());
        ServiceProcess.Database database = ServiceProcess.Database.embeddedOrExternal("target/postgres-slow-mail-it");
        Map<String, String> environment = new HashMap<>(database.owningDatabase(true));
        environment.put("BROADSHEET_SMTP_HOST", "127.0.0.1");
        environment.put("BROADSHEET_SMTP_PORT", Integer.toString(proxy.port()));
        environment.put("QUARKUS_TRANSACTION_MANAGER_DEFAULT_TRANSACTION_TIMEOUT", "3s");
        environment.put("BROADSHEET_SUBSCRIPTIONS_OUTBOX_INTERVAL", "1s");
        environment.put("BROADSHEET_SUBSCRIPTIONS_RATE_LIMIT_BURST", "100");
        ServiceProcess service = ServiceProcess.start("slow-mail", environment);
        try {
            List<String> addresses = new ArrayList<>();
            for (int i = 0; i < SIGN_UPS; i++) {
                String address = "reader." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
                addresses.add(address);
                service.anonymous().contentType("application/json").body(Map.of("email", address, "consent", true))
                        .post("/api/v1/subscriptions").then().statusCode(202);
            }
            // once every mail is recorded as sent, none can be claimed again: a second send would have come before it
            // (and counted a second attempt, asserted below)
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    smtp.getReceivedMessages().length >= SIGN_UPS && unsent(database, addresses) == 0);
            Map<String, Integer> received = new TreeMap<>();
            for (MimeMessage mail : smtp.getReceivedMessages()) {
                for (var to : mail.getRecipients(Message.RecipientType.TO)) {
                    received.merge(to.toString(), 1, Integer::sum);
                }
            }
            Map<String, Integer> once = new TreeMap<>();
            addresses.forEach(address -> once.put(address, 1));
            assertEquals(once, received, "each subscriber gets one confirmation");
            // an external test database also holds the mails of the tests before this one
            try (var connection = database.connect(); var statement = connection.prepareStatement(
                    "select count(*) filter (where sent_at is not null and attempts = 1), count(*) from outbox_mail where recipient = any (?)")) {
                statement.setArray(1, connection.createArrayOf("varchar", addresses.toArray()));
                var row = statement.executeQuery();
                row.next();
                assertEquals(List.of(SIGN_UPS, SIGN_UPS), List.of(row.getInt(1), row.getInt(2)), "every mail recorded as sent at its first attempt");
            }
        } finally {
            service.stop();
            proxy.close();
            smtp.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A TCP proxy in front of the real SMTP server that holds each of the server's replies for {@link #PER_REPLY}. */
    private static int unsent(ServiceProcess.Database database, List<String> addresses) throws Exception {
        try (var connection = database.connect(); var statement = connection.prepareStatement(
                "select count(*) from outbox_mail where sent_at is null and recipient = any (?)")) {
            statement.setArray(1, connection.createArrayOf("varchar", addresses.toArray()));
            try (var count = statement.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        }
    }

    private static final class SlowProxy implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0);

        SlowProxy(int serverPort) throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket client = listener.accept();
                        Socket server = new Socket("127.0.0.1", serverPort);
                        pump(client.getInputStream(), server.getOutputStream(), Duration.ZERO);
                        pump(server.getInputStream(), client.getOutputStream(), PER_REPLY);
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "slow-smtp-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private static void pump(InputStream from, OutputStream to, Duration delay) {
            Thread pump = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (from; to) {
                    for (int read; (read = from.read(buffer)) >= 0; ) {
                        Thread.sleep(delay.toMillis());
                        to.write(Arrays.copyOf(buffer, read));
                        to.flush();
                    }
                } catch (IOException | InterruptedException ended) {
                    // either side closed the connection
                }
            }, "slow-smtp-pump");
            pump.setDaemon(true);
            pump.start();
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
