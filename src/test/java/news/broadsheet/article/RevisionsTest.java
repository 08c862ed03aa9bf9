package news.broadsheet.article;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static news.broadsheet.Api.editor;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every change to an article is a revision: listed, read in full, restored. */
@QuarkusTest
class RevisionsTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    DataSource dataSource;

    private static void patch(String slug, Object body) {
        editor().contentType(MERGE_PATCH).body(body).patch("/api/v1/articles/" + slug).then().statusCode(200);
    }

    private static JsonPath revisions(String slug) {
        return editor().get("/api/v1/articles/" + slug + "/revisions?limit=100").then().statusCode(200)
                .header("Cache-Control", "private, no-store").extract().jsonPath();
    }

    private static String etag(String slug) {
        return editor().get("/api/v1/articles/" + slug).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void eachChangeIsOneRevisionNamingTheFieldsItChanged() {
        Map<String, Object> article = new HashMap<>(Api.article(Api.section()));
        String slug = Api.create(article);
        patch(slug, Map.of("title", "A second title"));
        patch(slug, Map.of("body", "Another body.\n", "tags", List.of("trams")));
        editor().contentType(ContentType.JSON).body(Map.of("kind", "UPDATE", "text", "A note adds no revision"))
                .post("/api/v1/articles/" + slug + "/corrections").then().statusCode(201);
        patch(slug, Map.of("title", "A second title")); // unchanged
        editor().contentType(ContentType.JSON)
                .body("{\"title\": \"A second title\", \"body\": \"Another body.\\n\", \"tags\": [\"trams\"], \"section\": \""
                        + article.get("section") + "\", \"status\": \"PUBLISHED\", \"publishedAt\": \"" + article.get("publishedAt") + "\"}")
                .put("/api/v1/articles/" + slug).then().statusCode(200); // the same state again: unchanged
        patch(slug, "{\"status\": \"DRAFT\", \"publishedAt\": null}");

        JsonPath revisions = revisions(slug);
        assertEquals(List.of(4, 3, 2, 1), revisions.getList("items.number"));
        assertEquals(List.of("status", "publishedAt"), revisions.getList("items[0].changed"));
        assertEquals(List.of("body", "tags"), revisions.getList("items[1].changed"));
        assertEquals(List.of("title"), revisions.getList("items[2].changed"));
        assertEquals(List.of("slug", "title", "body", "section", "status", "publishedAt"), revisions.getList("items[3].changed"));
        assertEquals(List.of("bootstrap-admin"), revisions.getList("items.by").stream().distinct().toList());
    }

    @Test
    void aRevisionReadsInFullAndRestoresByteForByte() {
        Map<String, Object> article = new HashMap<>(Api.article(Api.section()));
        String original = "# Heading  \r\n\r\nLine with trailing spaces   \nÜnïcödé — “quotes” \u2028 and a tab\t.\n\n\n";
        article.put("body", original);
        article.put("tags", List.of("one", "two"));
        article.put("authors", List.of("Revision Writer"));
        article.put("heroImage", Map.of("url", "https://images.example.org/a.jpg", "alt", "An image"));
        String slug = Api.create(article);
        patch(slug, Map.of("body", "Rewritten.\n", "title", "Rewritten title", "tags", List.of("three"),
                "authors", List.of(), "heroImage", Map.of("url", "https://images.example.org/b.jpg"), "featured", true));

        JsonPath first = editor().get("/api/v1/articles/" + slug + "/revisions/1").then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.notNullValue()).extract().jsonPath();
        assertEquals(original, first.getString("article.body"));
        assertEquals("A story for the test", first.getString("article.title"));
        assertEquals(List.of("one", "two"), first.getList("article.tags"));
        assertEquals(List.of("revision-writer"), first.getList("article.authors"));
        assertEquals("An image", first.getString("article.heroImage.alt"));

        String restored = editor().header("If-Match", etag(slug)).post("/api/v1/articles/" + slug + "/revisions/1/restore")
                .then().statusCode(200)
                .body("title", equalTo("A story for the test"))
                .body("tags", contains("one", "two"))
                .body("authors.slug", contains("revision-writer"))
                .body("heroImage.url", equalTo("https://images.example.org/a.jpg"))
                .body("featured", equalTo(false))
                .extract().asString();
        String body = editor().get("/api/v1/articles/" + slug).then().extract().jsonPath().getString("body");
        assertEquals(original, body);
        assertTrue(restored.contains("\"slug\":\"" + slug + "\""));

        JsonPath revisions = revisions(slug);
        assertEquals(List.of(3, 2, 1), revisions.getList("items.number"));
        assertEquals(List.of("title", "body", "tags", "authors", "heroImage", "featured"), revisions.getList("items[0].changed"));
        editor().get("/api/v1/articles/" + slug + "/revisions/2").then().statusCode(200)
                .body("article.body", equalTo("Rewritten.\n")).body("article.featured", equalTo(true));

        editor().header("If-Match", etag(slug)).post("/api/v1/articles/" + slug + "/revisions/3/restore").then().statusCode(200);
        assertEquals(3, revisions(slug).getList("items").size(), "restoring the current state adds no revision");
    }

    @Test
    void aRestoreKeepsTheCurrentSlugThoughTheRevisionHadAnother() {
        String slug = Api.create(Api.article(Api.section()));
        patch(slug, Map.of("slug", slug + "-renamed", "title", "Renamed"));
        editor().get("/api/v1/articles/" + slug + "-renamed/revisions/1").then().body("article.slug", equalTo(slug));
        editor().post("/api/v1/articles/" + slug + "-renamed/revisions/1/restore").then().statusCode(200)
                .body("slug", equalTo(slug + "-renamed")).body("title", equalTo("A story for the test"));
    }

    @Test
    void aStaleOrUnknownRestoreChangesNothing() {
        String slug = Api.create(Api.article(Api.section()));
        String stale = etag(slug);
        patch(slug, Map.of("title", "Changed meanwhile"));
        editor().header("If-Match", stale).post("/api/v1/articles/" + slug + "/revisions/1/restore").then().statusCode(412)
                .contentType("application/problem+json");
        editor().post("/api/v1/articles/" + slug + "/revisions/9/restore").then().statusCode(404);
        editor().get("/api/v1/articles/" + slug + "/revisions/9").then().statusCode(404);
        editor().post("/api/v1/articles/" + slug + "/revisions/one/restore").then().statusCode(400);
        editor().get("/api/v1/articles/" + slug + "/revisions/0").then().statusCode(400);
        editor().post("/api/v1/articles/no-such-" + slug + "/revisions/1/restore").then().statusCode(404);
        given().post("/api/v1/articles/" + slug + "/revisions/1/restore").then().statusCode(401);
        given().get("/api/v1/articles/" + slug + "/revisions").then().statusCode(401);
        editor().get("/api/v1/articles/" + slug).then().body("title", equalTo("Changed meanwhile"));
        assertEquals(2, revisions(slug).getList("items").size());
    }

    @Test
    void concurrentPatchesGiveOneRevisionEachAndLoseNoUpdate() {
        String slug = Api.create(Api.article(Api.section()));
        int writers = 12;
        List<CompletableFuture<Integer>> patches = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String tag = "tag-" + i;
            patches.add(CompletableFuture.supplyAsync(() -> editor().contentType(MERGE_PATCH)
                    .body(Map.of("title", "Title " + tag, "dateline", tag)).patch("/api/v1/articles/" + slug).statusCode()));
        }
        patches.forEach(patch -> assertEquals(200, patch.join()));
        JsonPath revisions = revisions(slug);
        assertEquals(IntStream.rangeClosed(1, writers + 1).boxed().sorted((a, b) -> b - a).toList(), revisions.getList("items.number"));
        Set<String> datelines = new HashSet<>();
        for (int number = 2; number <= writers + 1; number++) {
            JsonPath state = editor().get("/api/v1/articles/" + slug + "/revisions/" + number).then().statusCode(200).extract().jsonPath();
            assertEquals("Title " + state.getString("article.dateline"), state.getString("article.title"), "one write's whole state");
            datelines.add(state.getString("article.dateline"));
        }
        assertEquals(writers, datelines.size(), "every write is a revision of its own");
    }

    @Test
    void anImportLineThatChangesSomethingIsARevisionAndAnUnchangedOneIsNot() {
        String section = Api.section();
        String slug = Api.unique("imported");
        String line = "{\"slug\": \"" + slug + "\", \"title\": \"%s\", \"body\": \"Text\", \"section\": \"" + section + "\"}\n";
        for (String title : List.of("First", "First", "Second")) {
            editor().contentType("application/x-ndjson").body(line.formatted(title).getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/articles/import").then().statusCode(200);
        }
        JsonPath revisions = revisions(slug);
        assertEquals(List.of(2, 1), revisions.getList("items.number"));
        assertEquals(List.of("title"), revisions.getList("items[0].changed"));
        assertEquals("bootstrap-admin", revisions.getString("items[0].by"));
        editor().get("/api/v1/articles/" + slug + "/revisions/1").then().body("article.title", equalTo("First"));
    }

    @Test
    void revisionsArePagedNewestFirst() {
        String slug = Api.create(Api.article(Api.section()));
        for (int i = 0; i < 4; i++) {
            patch(slug, Map.of("title", "Edit " + i));
        }
        List<Integer> numbers = new ArrayList<>();
        String cursor = null;
        do {
            var request = editor().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/articles/" + slug + "/revisions").then().statusCode(200).extract().jsonPath();
            numbers.addAll(page.getList("items.number"));
            cursor = page.getString("next");
        } while (cursor != null);
        assertEquals(List.of(5, 4, 3, 2, 1), numbers);
        String other = Api.create(Api.article(Api.section()));
        String foreign = editor().queryParam("limit", 1).get("/api/v1/articles/" + slug + "/revisions").then().extract().path("next");
        editor().queryParam("cursor", foreign).get("/api/v1/articles/" + other + "/revisions").then().statusCode(400);
    }

    @Test
    void deletingTheArticleErasesItsHistory() throws Exception {
        String slug = Api.create(Api.article(Api.section()));
        patch(slug, Map.of("title", "Edited"));
        String id = editor().get("/api/v1/articles/" + slug).then().extract().path("id");
        editor().delete("/api/v1/articles/" + slug).then().statusCode(204);
        editor().get("/api/v1/articles/" + slug + "/revisions").then().statusCode(404);
        assertEquals(0, count("select count(*) from article_revision where article_id = ?::uuid", id));
    }

    /**
     * Storage of a long-lived article: 100 revisions of a 5,000-word article, printed for the record. Title-only edits
     * keep no copy of the body; body edits keep the replaced body once each, compressed by PostgreSQL.
     */
    @Test
    void aHundredRevisionsOfALongArticleKeepStorageBounded() throws Exception {
        Map<String, Object> article = new HashMap<>(Api.article(Api.section()));
        StringBuilder body = new StringBuilder();
        java.util.Random random = new java.util.Random(5000); // words of random letters: text compresses less than prose does
        for (int i = 0; i < 5000; i++) {
            for (int letter = 3 + random.nextInt(7); letter > 0; letter--) {
                body.append((char) ('a' + random.nextInt(26)));
            }
            body.append(i % 17 == 16 ? ".\n\n" : " ");
        }
        article.put("body", body.toString());
        String slug = Api.create(article);
        String id = editor().get("/api/v1/articles/" + slug).then().extract().path("id");
        for (int i = 1; i <= 50; i++) {
            patch(slug, Map.of("title", "Title edit " + i));
        }
        long titleEdits = count("select sum(pg_column_size(r.*)) from article_revision r where article_id = ?::uuid", id);
        for (int i = 1; i <= 49; i++) {
            patch(slug, Map.of("body", body + "\nUpdate " + i + ".\n"));
        }
        long all = count("select sum(pg_column_size(r.*)) from article_revision r where article_id = ?::uuid", id);
        int bodyBytes = body.toString().getBytes(StandardCharsets.UTF_8).length;
        System.out.printf("revisions: 100 of a 5,000-word article (%d bytes): %d bytes in all; the 51 of title edits %d bytes%n",
                bodyBytes, all, titleEdits);
        assertEquals(100, revisions(slug).getList("items").size());
        assertTrue(titleEdits < bodyBytes / 4, "title edits keep no body: " + titleEdits);
    }

    private long count(String sql, String value) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, value);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
