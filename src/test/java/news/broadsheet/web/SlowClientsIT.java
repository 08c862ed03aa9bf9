package news.broadsheet.web;

import news.broadsheet.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19, finding 1, against the packaged service with the heap the README recommends (256 MB): 250 anonymous clients
 * post sign-ups whose bodies trickle in a byte at a time; everybody else is served meanwhile, and the trickling ones are
 * answered 408 problem+json and disconnected once the body read timeout (here 5 s) has passed.
 */
class SlowClientsIT {

    private static final int ATTACKERS = 250;

    @Test
    void bodiesThatTrickleInHoldNoWorkerAndEndIn408() throws Exception {
        ServiceProcess.Database database = ServiceProcess.Database.embeddedOrExternal("target/postgres-slow-clients-it");
        Map<String, String> environment = new HashMap<>(database.owningDatabase(true));
        environment.put("BROADSHEET_LIMITS_BODY_READ_TIMEOUT", "5s");
        Path log = Path.of("target/instance-slow-clients.log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        ServiceProcess service = ServiceProcess.start("slow-clients", environment);
        List<Socket> attackers = new ArrayList<>();
        try {
            for (int warmUp = 0; warmUp < 20; warmUp++) { // the client's and the service's first requests are slow anyway
                service.anonymous().get("/api/v1/sections").then().statusCode(200);
            }
            for (int i = 0; i < ATTACKERS; i++) {
                Socket socket = new Socket("localhost", service.port());
                socket.setSoTimeout(15_000);
                socket.getOutputStream().write(("POST /api/v1/subscriptions HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                attackers.add(socket);
            }
            long started = System.nanoTime();
            for (int read = 0; read < 8; read++) {
                long before = System.nanoTime();
                service.anonymous().queryParam("view", read).get("/api/v1/sections").then().statusCode(200);
                long millis = Duration.ofNanos(System.nanoTime() - before).toMillis();
                assertTrue(millis < 1000, "a normal read took " + millis + " ms while " + ATTACKERS + " bodies trickled in");
                for (Socket socket : attackers.subList(0, 20)) {
                    socket.getOutputStream().write(' '); // a byte now and then keeps a connection from looking idle
                }
                Thread.sleep(300);
            }
            Socket slowest = attackers.get(ATTACKERS - 1);
            String answer = readAll(slowest.getInputStream());
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("application/problem+json"), answer);
            assertTrue(seconds < 12, "the 408 came after " + seconds + " s");
            for (Socket socket : attackers) {
                socket.close();
            }
            Thread.sleep(500);
            String logged;
            try (var in = Files.newInputStream(log)) {
                in.skipNBytes(logStart);
                logged = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertFalse(logged.contains("ERROR"), "connections a 408 closed are no errors of the service's:\n" + logged);
        } finally {
            for (Socket socket : attackers) {
                socket.close();
            }
            service.stop();
        }
    }

    /** Until the service closes the connection (or the socket's timeout, which fails the test). */
    private static String readAll(InputStream in) throws Exception {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
