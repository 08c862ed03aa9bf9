package news.broadsheet.web;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import news.broadsheet.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two instances of the packaged service on one database, each with its response cache: an answer cached by one
 * must not outlive a write made through the other by more than the invalidation delay (the database's change
 * notification reaching it), and the instance that made the write serves it at once.
 * Runs against the embedded PostgreSQL of the first instance, or the server the QUARKUS_DATASOURCE_* variables name.
 */
class TwoInstancesIT {

    /** TEST DEFAULT, not a secret. */
    private static final String TOKEN = "it-admin-token";
    /** The delay the README documents; notifications arrive in milliseconds, this leaves room for a busy CI machine. */
    private static final Duration INVALIDATION_DELAY = Duration.ofSeconds(1);
    private static final int WRITES = 40;

    private static Instance first;
    private static Instance second;

    private record Instance(String name, int port, Process process) {

        static Instance start(String name, Map<String, String> environment) throws IOException, InterruptedException {
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(
                    new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx256m",
                    "-jar", System.getProperty("quarkus-app.jar", "target/quarkus-app/quarkus-run.jar"));
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("BROADSHEET_ADMIN_TOKEN", TOKEN);
            builder.redirectErrorStream(true).redirectOutput(new File("target/instance-" + name + ".log"));
            Instance instance = new Instance(name, port, builder.start());
            try {
                instance.awaitReady();
            } catch (RuntimeException | Error | InterruptedException e) {
                instance.stop();
                throw e;
            }
            return instance;
        }

        private void awaitReady() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    fail("instance " + name + " exited; see target/instance-" + name + ".log");
                }
                try {
                    if (given().baseUri("http://localhost:" + port).get("/q/health/ready").statusCode() == 200) {
                        return;
                    }
                } catch (Exception notYetListening) { // REST Assured throws ConnectException unchecked
                    // try again
                }
                Thread.sleep(200);
            }
            fail("instance " + name + " did not get ready; see target/instance-" + name + ".log");
        }

        RequestSpecification anonymous() {
            return given().baseUri("http://localhost:" + port).accept(ContentType.JSON);
        }

        RequestSpecification editor() {
            return anonymous().header("Authorization", "Bearer " + TOKEN);
        }

        String title(String slug) {
            return anonymous().get("/api/v1/articles/" + slug).then().statusCode(200).extract().path("title");
        }

        String latestTitle(String section) {
            return anonymous().queryParam("section", section).get("/api/v1/articles")
                    .then().statusCode(200).extract().path("items[0].title");
        }

        void stop() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    @BeforeAll
    static void startTwoInstances() throws IOException, InterruptedException {
        Map<String, String> firstEnvironment = new HashMap<>();
        Map<String, String> secondEnvironment = new HashMap<>();
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null) {
            int databasePort = freePort();
            firstEnvironment.put("BROADSHEET_EMBEDDED_POSTGRES_DATA_DIR", "target/postgres-it");
            firstEnvironment.put("BROADSHEET_EMBEDDED_POSTGRES_PORT", Integer.toString(databasePort));
            firstEnvironment.put("BROADSHEET_EMBEDDED_POSTGRES_CLEAN", "true");
            firstEnvironment.put("BROADSHEET_EMBEDDED_POSTGRES_DURABLE", "false");
            secondEnvironment.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + databasePort + "/postgres");
            secondEnvironment.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        }
        first = Instance.start("first", firstEnvironment);
        second = Instance.start("second", secondEnvironment);
    }

    @AfterAll
    static void stopThem() throws InterruptedException {
        if (second != null) {
            second.stop();
        }
        if (first != null) {
            first.stop();
        }
    }

    @Test
    void noInstanceServesAnArticleOrListOlderThanAWriteThroughTheOther() throws InterruptedException {
        String section = Api.unique("section");
        first.editor().contentType(ContentType.JSON).body(Map.of("name", "Two instances"))
                .put("/api/v1/sections/" + section).then().statusCode(201);
        Map<String, Object> article = new HashMap<>(Api.article(section));
        String slug = (String) article.get("slug");
        first.editor().contentType(ContentType.JSON).body(article).put("/api/v1/articles/" + slug).then().statusCode(201);

        long[] delays = new long[WRITES];
        for (int write = 0; write < WRITES; write++) {
            Instance writer = write % 2 == 0 ? first : second;
            Instance reader = writer == first ? second : first;
            for (Instance instance : new Instance[]{first, second}) { // both hold the current answers in their caches
                instance.title(slug);
                instance.latestTitle(section);
            }
            String title = "Edition " + write;
            writer.editor().contentType("application/merge-patch+json").body(Map.of("title", title))
                    .patch("/api/v1/articles/" + slug).then().statusCode(200);
            long written = System.nanoTime();
            while (!title.equals(reader.title(slug))) {
                if (System.nanoTime() - written > INVALIDATION_DELAY.toNanos()) {
                    fail(reader.name() + " still served the article as it was before write " + write + " after "
                            + INVALIDATION_DELAY.toMillis() + " ms");
                }
            }
            delays[write] = System.nanoTime() - written;
            assertEquals(title, reader.latestTitle(section), "the list is as fresh as the article");
            assertEquals(title, writer.title(slug), "the instance that took the write serves it at once");
            assertEquals(title, writer.latestTitle(section));
        }
        Arrays.sort(delays);
        System.out.printf("two instances: %d writes; the other instance served each after %.1f ms (median), %.1f ms (worst)%n",
                WRITES, delays[WRITES / 2] / 1e6, delays[WRITES - 1] / 1e6);
        assertTrue(delays[WRITES - 1] < INVALIDATION_DELAY.toNanos());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
