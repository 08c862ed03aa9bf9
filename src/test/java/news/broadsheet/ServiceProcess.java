package news.broadsheet;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

/** The packaged service as a process of its own, for tests of what only separate processes show (*IT, run by failsafe). */
public record ServiceProcess(String name, int port, Process process) {

    /** TEST DEFAULT, not a secret. */
    public static final String TOKEN = "it-admin-token";

    /**
     * The database the processes share: the external server CI names in QUARKUS_DATASOURCE_*, or else an embedded
     * one that the first process started with {@link #owningDatabase} runs in {@code dataDir}.
     */
    public record Database(int embeddedPort, String dataDir) {

        public static Database embeddedOrExternal(String dataDir) throws IOException {
            return new Database(System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null ? TestServers.freePort() : 0, dataDir);
        }

        /** The environment of the process that starts the embedded server (clean says whether to empty it first). */
        public Map<String, String> owningDatabase(boolean clean) {
            Map<String, String> environment = new HashMap<>();
            if (embeddedPort > 0) {
                environment.put("BROADSHEET_EMBEDDED_POSTGRES_DATA_DIR", dataDir);
                environment.put("BROADSHEET_EMBEDDED_POSTGRES_PORT", Integer.toString(embeddedPort));
                environment.put("BROADSHEET_EMBEDDED_POSTGRES_CLEAN", Boolean.toString(clean));
                environment.put("BROADSHEET_EMBEDDED_POSTGRES_DURABLE", "false");
            }
            return environment;
        }

        /** The environment of a process that uses the database another one owns. */
        public Map<String, String> sharingDatabase() {
            Map<String, String> environment = new HashMap<>();
            if (embeddedPort > 0) {
                environment.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + embeddedPort + "/postgres");
                environment.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
                environment.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
            }
            return environment;
        }

        public Connection connect() throws SQLException {
            if (embeddedPort > 0) {
                return DriverManager.getConnection("jdbc:postgresql://localhost:" + embeddedPort + "/postgres", "postgres", "postgres");
            }
            return DriverManager.getConnection(System.getenv("QUARKUS_DATASOURCE_JDBC_URL"),
                    System.getenv("QUARKUS_DATASOURCE_USERNAME"), System.getenv("QUARKUS_DATASOURCE_PASSWORD"));
        }
    }

    public static ServiceProcess start(String name, Map<String, String> environment) throws IOException, InterruptedException {
        int port = TestServers.freePort();
        ProcessBuilder builder = new ProcessBuilder(
                new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                "-jar", System.getProperty("quarkus-app.jar", "target/quarkus-app/quarkus-run.jar"));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("BROADSHEET_ADMIN_TOKEN", TOKEN);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/instance-" + name + ".log")));
        ServiceProcess service = new ServiceProcess(name, port, builder.start());
        try {
            service.awaitReady();
        } catch (RuntimeException | Error | InterruptedException e) {
            service.stop();
            throw e;
        }
        return service;
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("instance " + name + " exited; see target/instance-" + name + ".log");
            }
            try {
                if (given().baseUri(baseUri()).get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYetListening) { // REST Assured throws ConnectException unchecked
                // try again
            }
            Thread.sleep(200);
        }
        fail("instance " + name + " did not get ready; see target/instance-" + name + ".log");
    }

    public String baseUri() {
        return "http://localhost:" + port;
    }

    public RequestSpecification anonymous() {
        return given().baseUri(baseUri()).accept(ContentType.JSON);
    }

    public RequestSpecification editor() {
        return anonymous().header("Authorization", "Bearer " + TOKEN);
    }

    /** SIGTERM, then waits for the process to end. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
