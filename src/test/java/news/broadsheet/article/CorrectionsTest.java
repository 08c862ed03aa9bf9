package news.broadsheet.article;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static news.broadsheet.Api.anonymous;
import static news.broadsheet.Api.editor;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Corrections, updates and clarifications readers are owed, and the modifiedAt they move. */
@QuarkusTest
class CorrectionsTest {

    private static final String TYPO_FIX = "{\"body\": \"Some **Markdown** text, with its typo fixed.\\n\"}";

    private static JsonPath correct(String slug, String kind, String text) {
        return editor().contentType(ContentType.JSON).body(Map.of("kind", kind, "text", text))
                .post("/api/v1/articles/" + slug + "/corrections")
                .then().statusCode(201).header("Location", endsWith("/api/v1/articles/" + slug))
                .extract().jsonPath();
    }

    @Test
    void notesAreShownOldestFirstAndMoveModifiedAtAndTheETag() {
        String slug = Api.create(Api.article(Api.section()));
        var before = anonymous().get("/api/v1/articles/" + slug).then().statusCode(200)
                .body("corrections", empty()).extract();
        assertEquals(before.path("publishedAt"), before.<String>path("modifiedAt"));

        JsonPath first = correct(slug, "CORRECTION", "An earlier version misspelled the mayor's name.");
        assertEquals(first.getString("corrections[0].createdAt"), first.getString("modifiedAt"));
        JsonPath second = correct(slug, "UPDATE", "  Updated with the council's statement.  ");
        assertEquals(second.getString("corrections[1].createdAt"), second.getString("modifiedAt"));

        for (int read = 0; read < 2; read++) {
            var after = anonymous().get("/api/v1/articles/" + slug).then().statusCode(200)
                    .body("corrections.kind", contains("CORRECTION", "UPDATE"))
                    .body("corrections.text", contains("An earlier version misspelled the mayor's name.",
                            "Updated with the council's statement."))
                    .body("modifiedAt", equalTo(second.getString("modifiedAt")))
                    .body("updatedAt", equalTo(second.getString("modifiedAt")))
                    .extract();
            assertNotEquals(before.header("ETag"), after.header("ETag"));
        }
        anonymous().header("If-None-Match", before.header("ETag")).get("/api/v1/articles/" + slug).then().statusCode(200);
        anonymous().queryParam("q", "").get("/api/v1/articles?limit=100").then().statusCode(200);
    }

    @Test
    void listsFeedsAndStructuredDataGiveModifiedAt() {
        String section = Api.section();
        String slug = Api.create(Api.article(section));
        String modifiedAt = correct(slug, "CLARIFICATION", "The strike affects buses, not trams.").getString("modifiedAt");

        anonymous().get("/api/v1/articles?section=" + section).then().statusCode(200)
                .body("items[0].modifiedAt", equalTo(modifiedAt));
        given().get("/api/v1/feeds/feed.json?section=" + section).then().statusCode(200)
                .body("items[0].date_modified", equalTo(modifiedAt));
        given().accept("application/ld+json").get("/api/v1/articles/" + slug).then().statusCode(200)
                .body("dateModified", equalTo(modifiedAt))
                .body("correction[0].'@type'", equalTo("CorrectionComment"))
                .body("correction[0].text", equalTo("The strike affects buses, not trams."));
    }

    @Test
    void aTypoFixWithoutANoteMovesUpdatedAtButNotModifiedAt() {
        String slug = Api.create(Api.article(Api.section()));
        var before = editor().get("/api/v1/articles/" + slug).then().extract();
        editor().contentType("application/merge-patch+json").body(TYPO_FIX).patch("/api/v1/articles/" + slug)
                .then().statusCode(200)
                .body("modifiedAt", equalTo(before.path("modifiedAt")))
                .body("updatedAt", org.hamcrest.Matchers.not(equalTo(before.path("updatedAt"))));
    }

    @Test
    void aPutThatLeavesTheCorrectionsOutKeepsThem() {
        Map<String, Object> article = new HashMap<>(Api.article(Api.section()));
        String slug = Api.create(article);
        correct(slug, "CORRECTION", "A figure was wrong.");
        article.put("title", "Retitled");
        editor().contentType(ContentType.JSON).body(article).put("/api/v1/articles/" + slug).then().statusCode(200)
                .body("corrections.text", contains("A figure was wrong."));
    }

    @Test
    void badNotesAreRefusedFieldByFieldAndChangeNothing() {
        String slug = Api.create(Api.article(Api.section()));
        String etag = editor().get("/api/v1/articles/" + slug).then().extract().header("ETag");
        for (var body : List.of(Map.of("kind", "ERRATUM", "text", "x"), Map.of("kind", "CORRECTION", "text", " "),
                Map.of("text", "No kind"), Map.of("kind", "UPDATE", "text", "x".repeat(2001)))) {
            editor().contentType(ContentType.JSON).body(body).post("/api/v1/articles/" + slug + "/corrections")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(body.containsKey("kind") && !body.get("kind").equals("ERRATUM") ? "text" : "kind"));
        }
        editor().contentType(ContentType.JSON).body("{\"kind\": \"UPDATE\", \"text\": \"x\", \"by\": \"me\"}")
                .post("/api/v1/articles/" + slug + "/corrections").then().statusCode(400);
        editor().contentType(ContentType.JSON).header("If-Match", "\"stale\"").body(Map.of("kind", "UPDATE", "text", "x"))
                .post("/api/v1/articles/" + slug + "/corrections").then().statusCode(412);
        editor().get("/api/v1/articles/" + slug).then().header("ETag", etag).body("corrections", empty());
        editor().contentType(ContentType.JSON).body(Map.of("kind", "UPDATE", "text", "x"))
                .post("/api/v1/articles/no-such-" + slug + "/corrections").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("kind", "UPDATE", "text", "x"))
                .post("/api/v1/articles/" + slug + "/corrections").then().statusCode(401);
    }

    @Test
    void aNoteNamesTheIfMatchItWasWrittenAgainst() {
        String slug = Api.create(Api.article(Api.section()));
        String etag = editor().get("/api/v1/articles/" + slug).then().extract().header("ETag");
        String after = editor().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("kind", "UPDATE", "text", "x"))
                .post("/api/v1/articles/" + slug + "/corrections").then().statusCode(201).extract().header("ETag");
        assertTrue(after != null && !after.equals(etag));
        editor().get("/api/v1/articles/" + slug).then().header("ETag", after).body("modifiedAt", containsString("T"));
    }
}
