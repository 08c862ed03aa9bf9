package news.broadsheet.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import jakarta.inject.Inject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import java.time.Duration;

import static news.broadsheet.Api.anonymous;
import static news.broadsheet.Api.editor;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

/** NDJSON bulk import: streamed, upserted by slug in batches, bad lines reported and never fatal. */
@QuarkusTest
class ArticleImportTest {

    private static final String NDJSON = "application/x-ndjson";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String line(Map<String, Object> article) {
        try {
            return JSON.writeValueAsString(article);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> article(String section, String tag) {
        Map<String, Object> article = new LinkedHashMap<>(Api.article(section));
        article.put("tags", List.of(tag));
        return article;
    }

    @Test
    void goodLinesAreImportedAndBadOnesReportedWithTheirLineNumbers() {
        String section = Api.section();
        String tag = Api.unique("import");
        Map<String, Object> first = article(section, tag);
        Map<String, Object> second = article(section, tag);
        Map<String, Object> invalid = article(section, tag);
        invalid.put("title", "");
        Map<String, Object> unknownSection = article("no-such-section", tag);
        Map<String, Object> unknownField = article(section, tag);
        unknownField.put("colour", "red");
        String body = String.join("\n",
                line(first),
                "{\"title\": ",
                "",
                line(invalid),
                line(second),
                line(unknownSection),
                line(unknownField)) + "\n";

        editor().contentType(NDJSON).body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/articles/import")
                .then().statusCode(200)
                .body("created", equalTo(2))
                .body("updated", equalTo(0))
                .body("rejected.line", contains(2, 4, 6, 7))
                .body("rejected[0].problem.type", equalTo("urn:broadsheet:problem:malformed-json"))
                .body("rejected[0].problem.status", equalTo(400))
                .body("rejected[1].problem.errors[0].field", equalTo("title"))
                .body("rejected[2].problem.errors[0].field", equalTo("section"))
                .body("rejected[3].problem.errors[0].field", equalTo("colour"));
        anonymous().queryParam("tag", tag).get("/api/v1/articles").then().body("items", hasSize(2));
        anonymous().get("/api/v1/articles/" + first.get("slug")).then().statusCode(200)
                .body("bodyHtml", equalTo("<p>Some <strong>Markdown</strong> text.</p>\n"))
                .body("body", equalTo("Some **Markdown** text.\n"))
                .body("wordCount", equalTo(3));
    }

    @Test
    void reimportingTheSameFileChangesNothing() {
        String section = Api.section();
        String tag = Api.unique("again");
        Map<String, Object> published = article(section, tag);
        published.remove("publishedAt");
        String body = line(published) + "\n" + line(article(section, tag)) + "\n";
        editor().contentType(NDJSON).body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/articles/import").then().statusCode(200).body("created", equalTo(2));
        var before = anonymous().get("/api/v1/articles/" + published.get("slug")).then().extract().jsonPath();

        editor().contentType(NDJSON).body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/articles/import")
                .then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2));
        var after = anonymous().get("/api/v1/articles/" + published.get("slug")).then().extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(before.getMap(""), after.getMap(""));
    }

    @Test
    void changedLinesUpdateAndKeepTheFirstPublicationTime() {
        String section = Api.section();
        Map<String, Object> story = article(section, Api.unique("t"));
        story.remove("publishedAt");
        editor().contentType(NDJSON).body(line(story).getBytes(StandardCharsets.UTF_8)).post("/api/v1/articles/import").then().body("created", equalTo(1));
        String firstPublished = anonymous().get("/api/v1/articles/" + story.get("slug")).then().extract().path("publishedAt");
        story.put("title", "Corrected headline");
        story.put("body", "New *body*.\n");
        editor().contentType(NDJSON).body(line(story).getBytes(StandardCharsets.UTF_8)).post("/api/v1/articles/import").then().body("updated", equalTo(1));
        anonymous().get("/api/v1/articles/" + story.get("slug")).then()
                .body("title", equalTo("Corrected headline"))
                .body("bodyHtml", containsString("<em>body</em>"))
                .body("publishedAt", equalTo(firstPublished));
    }

    @Test
    void lineWithoutSlugIsKeyedByItsTitle() {
        Map<String, Object> story = article(Api.section(), Api.unique("t"));
        story.remove("slug");
        story.put("title", "Zürich votes " + Api.unique("v"));
        editor().contentType(NDJSON).body(line(story).getBytes(StandardCharsets.UTF_8)).post("/api/v1/articles/import").then().body("created", equalTo(1));
        editor().contentType(NDJSON).body(line(story).getBytes(StandardCharsets.UTF_8)).post("/api/v1/articles/import").then().body("unchanged", equalTo(1));
        anonymous().queryParam("tag", ((List<?>) story.get("tags")).get(0)).get("/api/v1/articles")
                .then().body("items", hasSize(1)).body("items[0].slug", startsWith("zurich-votes-v-"));
    }

    @Test
    void aSlugTwiceInOneFileTakesTheLaterLine() {
        Map<String, Object> story = article(Api.section(), Api.unique("t"));
        String first = line(story);
        story.put("title", "Second version");
        editor().contentType(NDJSON).body((first + "\n" + line(story) + "\n").getBytes(StandardCharsets.UTF_8)).post("/api/v1/articles/import")
                .then().statusCode(200).body("created", equalTo(1)).body("updated", equalTo(1));
        anonymous().get("/api/v1/articles/" + story.get("slug")).then().body("title", equalTo("Second version"));
    }

    @Test
    void filesLargerThanABatchAreImportedWhole() {
        String section = Api.section();
        String tag = Api.unique("many");
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (int i = 0; i < 1234; i++) {
            Map<String, Object> story = article(section, tag);
            story.put("body", "Paragraph " + i + " with *emphasis*.\n");
            file.writeBytes((line(story) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        editor().contentType(NDJSON).body(file.toByteArray()).post("/api/v1/articles/import")
                .then().statusCode(200).body("created", equalTo(1234)).body("rejected", hasSize(0));
        anonymous().queryParam("tag", tag).queryParam("count", "true").queryParam("limit", 1).get("/api/v1/articles")
                .then().body("total", equalTo(1234));
    }

    @Test
    void invalidUtf8LineIsRejectedAlone() {
        String section = Api.section();
        Map<String, Object> good = article(section, Api.unique("t"));
        byte[] goodLine = (line(good) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] badLine = "{\"title\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(badLine);
        file.writeBytes(goodLine);
        editor().contentType(NDJSON).body(file.toByteArray()).post("/api/v1/articles/import")
                .then().statusCode(200).body("created", equalTo(1)).body("rejected.line", contains(1));
    }

    @Test
    void importNeedsATokenAndNdjson() {
        anonymous().contentType(NDJSON).body("{}\n".getBytes(StandardCharsets.UTF_8)).post("/api/v1/articles/import").then().statusCode(401);
        editor().contentType("application/json").body("{}").post("/api/v1/articles/import").then().statusCode(415);
    }

    @Test
    void aFileOfBadLinesReportsTheFirstThousandAndCountsThemAll() {
        String lines = "1\n".repeat(1500);
        editor().contentType("application/x-ndjson").body(lines.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/articles/import").then().statusCode(200)
                .body("rejectedCount", org.hamcrest.Matchers.equalTo(1500))
                .body("rejected.size()", org.hamcrest.Matchers.equalTo(1000))
                .body("rejected[999].line", org.hamcrest.Matchers.equalTo(1000));
    }

    /** Finding 10: each import holds two connections for its whole run, so one instance runs two and refuses the next. */
    @Test
    void aThirdImportWhileTwoRunIsRefusedWith429() throws Exception {
        String section = Api.section();
        List<HeldImport> held = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                held.add(new HeldImport(line(Api.article(section)) + "\n"));
            }
            // the two held imports start once the service has read their first chunks: until then a third may still run
            var third = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> editor()
                    .contentType(NDJSON).body("\n".getBytes(StandardCharsets.UTF_8)).post("/api/v1/articles/import"),
                    answer -> answer.statusCode() == 429);
            third.then().contentType("application/problem+json").header("Retry-After", "10")
                    .body("type", equalTo("urn:broadsheet:problem:imports-busy"));
            for (HeldImport running : held) {
                String answer = running.finish();
                assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
                assertTrue(answer.contains("\"created\":1"), answer);
            }
        } finally {
            for (HeldImport running : held) {
                running.close();
            }
        }
        editor().contentType(NDJSON).body("\n".getBytes(StandardCharsets.UTF_8)).post("/api/v1/articles/import").then().statusCode(200);
    }

    /** Finding 10: a batch the database refuses ends the import, and the client still learns which lines were stored. */
    @Test
    void anImportInterruptedMidwayReportsWhatItStored() throws Exception {
        String section = Api.section();
        String tag = Api.unique("interrupted");
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 1200; i++) {
            file.append(line(article(section, tag))).append('\n');
        }
        Map<String, Object> poisoned = article(section, tag);
        poisoned.put("title", "Poisoned import line");
        file.append(line(poisoned)).append('\n');
        byte[] body = file.toString().getBytes(StandardCharsets.UTF_8);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("alter table article add constraint import_test_poison check (title <> 'Poisoned import line') not valid");
            try {
                var answer = editor().contentType(NDJSON).body(body).post("/api/v1/articles/import").then()
                        .statusCode(500).contentType("application/problem+json")
                        .body("type", equalTo("urn:broadsheet:problem:import-interrupted"))
                        .body("detail", containsString("Import the file again"))
                        .extract();
                int created = answer.path("report.created");
                assertTrue(created >= 500 && created <= 1200, "created " + created);
                assertEquals(created, articlesTagged(statement, tag), "every line reported as created is stored, no other");
            } finally {
                statement.execute("alter table article drop constraint import_test_poison");
            }
            int storedBefore = articlesTagged(statement, tag);
            editor().contentType(NDJSON).body(body).post("/api/v1/articles/import").then().statusCode(200)
                    .body("unchanged", equalTo(storedBefore))
                    .body("created", equalTo(1201 - storedBefore));
        }
    }

    /** A section deleted while an import runs refuses its lines, in the report; the other lines are stored, and nothing fails. */
    @Test
    @SuppressWarnings("unchecked")
    void linesOfASectionDeletedMidImportAreRefusedAndTheRestStored() throws Exception {
        String kept = Api.section();
        String deleted = Api.section();
        String tag = Api.unique("section-gone");
        String lines = line(article(kept, tag)) + "\n" + line(article(deleted, tag)) + "\n" + line(article(kept, tag)) + "\n";
        try (HeldImport running = new HeldImport(lines)) {
            // the lines are read and wait in their batch, which is written when the file ends
            editor().delete("/api/v1/sections/" + deleted).then().statusCode(204);
            String answer = running.finish();
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            Map<String, Object> report = new ObjectMapper().readValue(answer.substring(answer.indexOf('{'), answer.lastIndexOf('}') + 1), Map.class);
            assertEquals(2, report.get("created"), answer);
            assertEquals(1, report.get("rejectedCount"), answer);
            Map<String, Object> refused = ((List<Map<String, Object>>) report.get("rejected")).get(0);
            assertEquals(2, refused.get("line"), answer);
            Map<String, Object> problem = (Map<String, Object>) refused.get("problem");
            assertEquals("urn:broadsheet:problem:validation", problem.get("type"), answer);
            assertEquals("The field 'section' must name an existing section; there is no '" + deleted + "'", problem.get("detail"), answer);
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertEquals(2, articlesTagged(statement, tag));
        }
    }

    @Inject
    DataSource dataSource;

    private static int articlesTagged(Statement statement, String tag) throws Exception {
        try (ResultSet count = statement.executeQuery("select count(*) from article where '" + tag + "' = any(tags)")) {
            count.next();
            return count.getInt(1);
        }
    }

    /** An import whose first chunk is sent at once and whose end waits for {@link #finish()}: an import that keeps running. */
    private static final class HeldImport implements AutoCloseable {
        private final Socket socket;

        HeldImport(String firstLines) throws IOException {
            socket = new Socket("localhost", RestAssured.port);
            socket.setSoTimeout(60_000);
            byte[] chunk = firstLines.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/articles/import HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Api.TOKEN
                    + "\r\nContent-Type: " + NDJSON + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        String finish() throws IOException {
            socket.getOutputStream().write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
