package news.broadsheet.web;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import news.broadsheet.Api;
import news.broadsheet.ServiceProcess;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM while an import is streaming in: the request in flight finishes and is answered, the process then
 * exits, and what the answer reports is exactly what the database holds.
 */
class GracefulShutdownIT {

    private static final int ARTICLES = 3000;

    @Test
    void anImportInFlightAtSigtermFinishesAndItsReportMatchesTheDatabase() throws Exception {
        ServiceProcess.Database database = ServiceProcess.Database.embeddedOrExternal("target/postgres-shutdown-it");
        ServiceProcess service = ServiceProcess.start("shutdown", database.owningDatabase(true));
        String section = Api.unique("section");
        service.editor().contentType(ContentType.JSON).body(Map.of("name", "Shutdown"))
                .put("/api/v1/sections/" + section).then().statusCode(201);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < ARTICLES; i++) {
            lines.append("{\"slug\": \"").append(section).append("-story-").append(i).append("\", \"title\": \"Story ").append(i)
                    .append("\", \"section\": \"").append(section).append("\", \"status\": \"PUBLISHED\", \"body\": \"")
                    .append("Paragraph with *some* Markdown. ".repeat(40)).append("\"}\n");
        }
        byte[] file = lines.toString().getBytes(StandardCharsets.UTF_8);

        CompletableFuture<Response> importing = CompletableFuture.supplyAsync(() -> service.editor()
                .contentType("application/x-ndjson").body(file).post("/api/v1/articles/import"));
        // under way: a batch committed, and the answer not sent
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> storedIn(database, section) > 0);
        assertFalse(importing.isDone(), "the import is still running when the service is told to stop");
        long signalled = System.nanoTime();
        service.process().destroy(); // SIGTERM
        long storedAtSigterm = storedIn(database, section);
        Response answer = importing.get(60, TimeUnit.SECONDS);
        assertTrue(service.process().waitFor(30, TimeUnit.SECONDS), "the service exits after its last request");
        System.out.printf("graceful shutdown: the import in flight was answered %d ms after SIGTERM%n",
                (System.nanoTime() - signalled) / 1_000_000);

        assertEquals(200, answer.statusCode(), answer.asString());
        int created = answer.path("created");
        assertEquals(ARTICLES, created + (int) answer.path("updated") + (int) answer.path("unchanged")
                + answer.jsonPath().getList("rejected").size(), "every line is accounted for");
        ServiceProcess again = ServiceProcess.start("shutdown-again", database.owningDatabase(false));
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "select count(*) from article a join section s on s.id = a.section_id where s.slug = ? and a.body_html <> ''")) {
            query.setString(1, section);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertEquals(created, row.getLong(1), "the database holds what the answer reported");
                assertTrue(storedAtSigterm < created, "lines were still being written after SIGTERM: " + storedAtSigterm + " of " + created);
            }
        } finally {
            again.stop();
        }
    }

    private static long storedIn(ServiceProcess.Database database, String section) throws Exception {
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(
                "select count(*) from article a join section s on s.id = a.section_id where s.slug = ?")) {
            query.setString(1, section);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
