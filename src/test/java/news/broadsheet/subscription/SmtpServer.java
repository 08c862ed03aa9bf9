package news.broadsheet.subscription;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import news.broadsheet.TestServers;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** A real SMTP server (GreenMail) inside the test JVM, for the whole test run; tests read what it received. */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static ServerSetup setup;
    private static GreenMail server;

    @Override
    public Map<String, String> start() {
        try {
            setup = new ServerSetup(TestServers.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        startSmtp();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(setup.getPort()));
    }

    @Override
    public void stop() {
        stopSmtp();
    }

    static synchronized void startSmtp() {
        server = new GreenMail(setup);
        server.start();
    }

    static synchronized void stopSmtp() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** The mails received for this address so far. */
    public static synchronized List<MimeMessage> mailsTo(String address) {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages()).filter(message -> isTo(message, address)).toList();
    }

    /** Waits until {@code count} mails for this address have arrived. */
    public static List<MimeMessage> awaitMails(String address, int count, Duration timeout) {
        return await("%d mail(s) to %s".formatted(count, address)).atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> mailsTo(address), mails -> mails.size() >= count);
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return message.getRecipients(Message.RecipientType.TO) != null && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }
}
