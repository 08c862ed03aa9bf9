package news.broadsheet;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** For tests that start a server as a process of its own (S3Mock, OpenSearch, the packaged service). */
public final class TestServers {

    private TestServers() {
    }

    /** Below the kernel's range of local ports for outgoing connections (ip_local_port_range, 32768 up here). */
    private static final int LOWEST = 10_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A port no one listens on now, never handed out before in this JVM. It is below the range the kernel takes the
     * local ports of outgoing connections from, so no client connection (JDBC, HTTP) can take it before the server
     * binds it: a port asked of the kernel with bind(0) comes from that range, and a test lost such a race.
     */
    public static int freePort() throws IOException {
        int below = ephemeralRangeStart();
        for (int attempt = 0; attempt < 200 && below > LOWEST; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (!HANDED_OUT.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException inUse) {
                // try another
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int ephemeralRangeStart() {
        try {
            return Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return 32_768;
        }
    }

    /**
     * Waits until {@code url} answers 200 to {@code method}; @throws IllegalStateException with the process's log when
     * the process ends first or the time runs out
     */
    public static void awaitAnswer(Process process, String method, String url, Duration within, Path log) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(url + ": the server stopped at start: " + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
                connection.setRequestMethod(method);
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(url + " did not answer within " + within.toSeconds() + " s: " + Files.readString(log));
    }
}
