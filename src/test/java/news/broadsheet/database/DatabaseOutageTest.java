package news.broadsheet.database;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static news.broadsheet.Api.anonymous;
import static news.broadsheet.Api.editor;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The embedded PostgreSQL dies under the running service (SIGKILL): readiness goes DOWN, requests answer 503
 * problem+json within the pool's acquisition timeout instead of piling up, then the service starts the database again
 * by itself (issue 19, finding 13) and recovers with every acknowledged write intact. (Against an external server,
 * which a test cannot stop, it is skipped.)
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final Duration QUICKLY = Duration.ofSeconds(5);
    private static final int PARALLEL_REQUESTS = 16;
    /** broadsheet.embedded-postgres.restart-delay in the test profile: long enough to see the outage first. */
    private static final Duration RESTART_DELAY = Duration.ofSeconds(20);

    @Inject
    DataSource dataSource;

    @Test
    void theServiceAnswers503WhileTheDatabaseIsDownAndRecoversByItself() throws Exception {
        String dataDir = EmbeddedPostgresServer.runningDataDir();
        assumeTrue(dataDir != null, "only the embedded server can be stopped from a test");
        String section = Api.section();
        String slug = Api.create(Api.article(section));

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("checkpoint"); // tests commit asynchronously: the write is on disk before the crash
        }
        long pid = Long.parseLong(Files.readAllLines(Path.of(dataDir, "postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        new ProcessBuilder("kill", "-KILL", Long.toString(pid)).start().waitFor(); // it dies, as under the OOM killer
        postmaster.onExit().get(30, TimeUnit.SECONDS);
        long died = System.nanoTime();
        awaitWithin(QUICKLY, () -> given().get("/q/health/ready").statusCode() == 503, "readiness went DOWN");

        ExecutorService clients = Executors.newFixedThreadPool(PARALLEL_REQUESTS);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < PARALLEL_REQUESTS; i++) {
            String query = Api.unique("outage"); // never answered from the cache
            answers.add(clients.submit(() -> anonymous().queryParam("q", query).get("/api/v1/articles")));
        }
        long started = System.nanoTime();
        for (Future<Response> answer : answers) {
            assertUnavailable(answer.get(30, TimeUnit.SECONDS));
        }
        long allAnswered = System.nanoTime() - started;
        clients.shutdown();
        System.out.printf("database outage: %d parallel requests all answered 503 within %d ms%n",
                PARALLEL_REQUESTS, allAnswered / 1_000_000);
        assertTrue(allAnswered < QUICKLY.toNanos(), "16 parallel requests took " + allAnswered / 1_000_000 + " ms");
        assertUnavailable(editor().contentType(ContentType.JSON).body(Map.of("title", "Lost?"))
                .contentType("application/merge-patch+json").patch("/api/v1/articles/" + slug));
        long outage = (System.nanoTime() - died) / 1_000_000;
        assertTrue(outage < RESTART_DELAY.toMillis(), "the 503s were seen before the restart, " + outage + " ms after the death");

        awaitWithin(RESTART_DELAY.plusSeconds(60), () -> given().get("/q/health/ready").statusCode() == 200
                && anonymous().get("/api/v1/articles/" + slug).statusCode() == 200, "the service started the database again");
        System.out.printf("database outage: the service answered again %d ms after the database died (restart delay %d s)%n",
                (System.nanoTime() - died) / 1_000_000, RESTART_DELAY.toSeconds());
        anonymous().get("/api/v1/articles/" + slug).then().body("slug", equalTo(slug));
        editor().contentType("application/merge-patch+json").body(Map.of("title", "After the outage"))
                .patch("/api/v1/articles/" + slug).then().statusCode(200);
        anonymous().get("/api/v1/articles/" + slug).then().body("title", equalTo("After the outage"));
    }

    private static void assertUnavailable(Response answer) {
        assertEquals(503, answer.statusCode(), answer.asString());
        assertEquals("application/problem+json", answer.contentType().split(";")[0]);
        assertEquals("urn:broadsheet:problem:database-unavailable", answer.path("type"));
        assertNotNull(answer.header("Retry-After"));
    }

    private static void awaitWithin(Duration limit, BooleanSupplier condition, String what) {
        await(what).atMost(limit).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(condition::getAsBoolean);
    }
}
