package news.broadsheet;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** For tests that start a server as a process of its own (S3Mock, OpenSearch, the packaged service). */
public final class TestServers {

    private TestServers() {
    }

    /** A port no one listens on now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
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
