package news.broadsheet.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static news.broadsheet.Api.anonymous;
import static news.broadsheet.Api.editor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * A JSON value of the wrong type is a client's mistake to fix, never guessed at: a number, boolean, array or object
 * where a string is expected (and the reverse) is 400 naming the field, and nothing is stored.
 */
@QuarkusTest
class StrictJsonTypesTest {

    private static void refusedArticle(String field, Object value) {
        String section = Api.section();
        Map<String, Object> article = new HashMap<>(Api.article(section));
        String slug = (String) article.get("slug");
        article.put(field, value);
        editor().contentType(ContentType.JSON).body(article).put("/api/v1/articles/" + slug)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(startsWith(field)));
        editor().get("/api/v1/articles/" + slug).then().statusCode(404);
    }

    @Test
    void numbersBooleansArraysAndObjectsAreNotStrings() {
        refusedArticle("title", 123);
        refusedArticle("title", 1.5);
        refusedArticle("title", true);
        refusedArticle("title", List.of("a title"));
        refusedArticle("title", Map.of("text", "a title"));
        refusedArticle("summary", false);
        refusedArticle("body", 7);
        refusedArticle("dateline", List.of());
        refusedArticle("tags", List.of(1, 2));
        refusedArticle("authors", List.of(true));
        refusedArticle("section", 42);
        refusedArticle("heroImage", Map.of("url", 5));
    }

    @Test
    void stringsAndNumbersAreNotBooleans() {
        refusedArticle("featured", "true");
        refusedArticle("featured", 1);
        refusedArticle("featured", 0);
    }

    @Test
    void timesAreRfc3339StringsNotNumbers() {
        refusedArticle("publishedAt", 1700000000);
        refusedArticle("publishedAt", 1700000000.5);
    }

    @Test
    void enumsAreNamesNotNumbers() {
        refusedArticle("status", 1);
        refusedArticle("status", true);
    }

    @Test
    void arraysAreNotSingleValues() {
        refusedArticle("tags", "transport");
        refusedArticle("authors", "Hanna Łukasik");
    }

    @Test
    void stringsAreNotNumbers() {
        editor().contentType(ContentType.JSON).body(Map.of("name", "Numbers", "position", "3"))
                .post("/api/v1/sections").then().statusCode(400).body("errors[0].field", equalTo("position"));
        editor().contentType(ContentType.JSON).body(Map.of("name", "Numbers", "position", 2.5))
                .post("/api/v1/sections").then().statusCode(400).body("errors[0].field", equalTo("position"));
        editor().contentType(ContentType.JSON).body(Map.of("name", "Numbers", "position", true))
                .post("/api/v1/sections").then().statusCode(400).body("errors[0].field", equalTo("position"));
    }

    @Test
    void signUpsAndTokensAreTypedToo() {
        anonymous().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100.77")
                .body(Map.of("email", "typed@example.com", "consent", "true"))
                .post("/api/v1/subscriptions").then().statusCode(400).body("errors[0].field", equalTo("consent"));
        anonymous().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100.78")
                .body(Map.of("email", 12345, "consent", true))
                .post("/api/v1/subscriptions").then().statusCode(400).body("errors[0].field", equalTo("email"));
        editor().contentType(ContentType.JSON).body(Map.of("name", 99, "role", "editor"))
                .post("/api/v1/tokens").then().statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void importLinesAreTypedLikeUploads() {
        String section = Api.section();
        String ndjson = "{\"slug\": \"" + Api.unique("typed") + "\", \"title\": 123, \"section\": \"" + section + "\"}\n";
        editor().contentType("application/x-ndjson").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/articles/import")
                .then().statusCode(200).body("created", equalTo(0))
                .body("rejected[0].problem.errors[0].field", equalTo("title"));
    }
}
