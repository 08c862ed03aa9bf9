package news.broadsheet.media;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import news.broadsheet.TestServers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A real S3-compatible server for the tests: Adobe S3Mock's standalone jar (copied to target/s3mock by the build) as a
 * process of its own, with an empty store, and the configuration that points the media library at it.
 */
public class S3MockServer implements QuarkusTestResourceLifecycleManager {

    static final String BUCKET = "broadsheet-media";
    /** TEST DEFAULTS, not secrets: S3Mock takes any credentials. */
    static final String ACCESS_KEY = "test-access-key";
    static final String SECRET_KEY = "test-secret-key";

    private static String endpoint;
    private Process process;

    static String endpoint() {
        return endpoint;
    }

    @Override
    public Map<String, String> start() {
        try {
            Path jar = Path.of(System.getProperty("s3mock.jar", "target/s3mock/s3mock.jar"));
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: the build copies it (maven-dependency-plugin, process-test-classes)");
            }
            int port = TestServers.freePort();
            Path store = Files.createTempDirectory("s3mock-");
            Path log = Files.createTempFile("s3mock-", ".log");
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                    jar.toString(), "--com.adobe.testing.s3mock.httpPort=" + port, "--server.port=" + TestServers.freePort(),
                    "--com.adobe.testing.s3mock.store.initialBuckets=" + BUCKET,
                    "--com.adobe.testing.s3mock.store.root=" + store)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            endpoint = "http://127.0.0.1:" + port;
            TestServers.awaitAnswer(process, "HEAD", endpoint + "/" + BUCKET, Duration.ofSeconds(60), log);
            return Map.of("broadsheet.media.storage", "s3", "broadsheet.media.s3.bucket", BUCKET,
                    "broadsheet.media.s3.endpoint", endpoint, "broadsheet.media.s3.access-key-id", ACCESS_KEY,
                    "broadsheet.media.s3.secret-access-key", SECRET_KEY);
        } catch (IOException e) {
            throw new IllegalStateException("S3Mock did not start", e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
    }
}
