package news.broadsheet.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static news.broadsheet.Api.anonymous;
import static news.broadsheet.Api.editor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Every error, the framework's own included, is problem+json that says what to fix and nothing internal. */
@QuarkusTest
class ErrorResponsesTest {

    private static ValidatableResponse isProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("type", notNullValue())
                .body("detail", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("at news.")))
                .body(not(containsString("java.")))
                .body(not(containsString("com.fasterxml")));
    }

    @Test
    void unknownPathIs404() {
        isProblem(anonymous().get("/no/such/path").then(), 404).body("instance", equalTo("/no/such/path"));
        isProblem(anonymous().get("/api/v1/nothing-here").then(), 404);
    }

    @Test
    void unknownArticleAndSectionAre404() {
        isProblem(anonymous().get("/api/v1/articles/no-such-article").then(), 404)
                .body("type", equalTo("urn:broadsheet:problem:not-found"));
        isProblem(anonymous().get("/api/v1/sections/no-such-section").then(), 404);
        isProblem(editor().contentType("application/merge-patch+json").body("{}").patch("/api/v1/articles/no-such-article").then(), 404);
    }

    @Test
    void wrongMethodIs405() {
        isProblem(anonymous().delete("/api/v1/articles").then(), 405);
        isProblem(editor().delete("/api/v1/sections").then(), 405);
    }

    @Test
    void unacceptableMediaTypeIs406() {
        isProblem(given().accept("application/xml").get("/api/v1/articles").then(), 406);
    }

    @Test
    void wrongContentTypeIs415() {
        isProblem(editor().contentType(ContentType.XML).body("<article/>").post("/api/v1/articles").then(), 415);
        isProblem(editor().contentType(ContentType.TEXT).body("x").put("/api/v1/sections/x").then(), 415);
    }

    @Test
    void malformedJsonIs400() {
        isProblem(editor().contentType(ContentType.JSON).body("{\"title\": ").post("/api/v1/articles").then(), 400)
                .body("type", equalTo("urn:broadsheet:problem:malformed-json"));
        isProblem(editor().contentType(ContentType.JSON).body("[1,2]").post("/api/v1/sections").then(), 400);
        isProblem(editor().contentType(ContentType.JSON).body("\"just a string\"").post("/api/v1/sections").then(), 400);
    }

    @Test
    void missingBodyIs400() {
        isProblem(editor().contentType(ContentType.JSON).post("/api/v1/sections").then(), 400);
    }

    @Test
    void invalidUtf8Is400() {
        byte[] body = "{\"name\": \"bad \u0000".getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(body, body.length + 3);
        broken[body.length] = (byte) 0xC3;
        broken[body.length + 1] = (byte) 0x28;
        broken[body.length + 2] = '"';
        isProblem(editor().contentType("application/json; charset=UTF-8").body(broken).post("/api/v1/sections").then(), 400);
    }

    @Test
    void unknownFieldIs400AndNamed() {
        isProblem(editor().contentType(ContentType.JSON).body(Map.of("name", "x", "colour", "red")).post("/api/v1/sections").then(), 400)
                .body("errors[0].field", equalTo("colour"));
        Map<String, Object> article = Api.article(Api.section());
        article.put("heroImage", Map.of("url", "https://images.example.org/1.jpg", "size", 3));
        isProblem(editor().contentType(ContentType.JSON).body(article).post("/api/v1/articles").then(), 400)
                .body("errors[0].field", equalTo("heroImage.size"));
    }

    @Test
    void wrongJsonTypeIs400AndNamed() {
        isProblem(editor().contentType(ContentType.JSON).body("{\"name\": \"x\", \"position\": \"first\"}").post("/api/v1/sections").then(), 400)
                .body("errors[0].field", equalTo("position"));
        Map<String, Object> article = Api.article(Api.section());
        article.put("publishedAt", "yesterday");
        isProblem(editor().contentType(ContentType.JSON).body(article).post("/api/v1/articles").then(), 400)
                .body("errors[0].field", equalTo("publishedAt"));
        article = Api.article(Api.section());
        article.put("status", "LIVE");
        isProblem(editor().contentType(ContentType.JSON).body(article).post("/api/v1/articles").then(), 400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void validationListsEachField() {
        Map<String, Object> article = Map.of("title", " ", "slug", "Bad Slug!", "tags", java.util.List.of("Not A Tag"),
                "heroImage", Map.of("url", "javascript:alert(1)"));
        isProblem(editor().contentType(ContentType.JSON).body(article).post("/api/v1/articles").then(), 400)
                .body("type", equalTo("urn:broadsheet:problem:validation"))
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("slug"))
                .body("errors.field", hasItem("section"))
                .body("errors.field", hasItem("tags[0]"))
                .body("errors.field", hasItem("heroImage.url"));
    }

    @Test
    void invalidSlugInPutPathIs400() {
        isProblem(editor().contentType(ContentType.JSON).body(Map.of("name", "x")).put("/api/v1/sections/Not_A_Slug").then(), 400)
                .body("errors[0].field", equalTo("slug"));
    }

    @Test
    void tooLongFieldsAre400() {
        Map<String, Object> article = Api.article(Api.section());
        article.put("title", "t".repeat(301));
        isProblem(editor().contentType(ContentType.JSON).body(article).post("/api/v1/articles").then(), 400)
                .body("errors[0].field", equalTo("title"));
    }

    @Test
    void nulCharactersAre400Everywhere() {
        isProblem(editor().contentType(ContentType.JSON).body("{\"name\": \"a\\u0000b\"}").post("/api/v1/sections").then(), 400)
                .body("errors[0].field", equalTo("name"));
        Map<String, Object> article = Api.article(Api.section());
        article.put("tags", java.util.List.of("ok", "bad\u0000"));
        isProblem(editor().contentType(ContentType.JSON).body(article).post("/api/v1/articles").then(), 400)
                .body("errors[0].field", equalTo("tags[1]"));
        isProblem(anonymous().urlEncodingEnabled(false).get("/api/v1/articles?tag=a%00b").then(), 400);
        isProblem(anonymous().urlEncodingEnabled(false).get("/api/v1/articles/a%00b").then(), 400);
    }

    @Test
    void timesOutsideTheStorableRangeAre400() {
        Map<String, Object> article = Api.article(Api.section());
        article.put("publishedAt", "+20000-01-01T00:00:00Z");
        isProblem(editor().contentType(ContentType.JSON).body(article).post("/api/v1/articles").then(), 400)
                .body("errors[0].field", equalTo("publishedAt"));
        isProblem(anonymous().queryParam("from", "+300000-01-01T00:00:00Z").get("/api/v1/articles").then(), 400)
                .body("errors[0].field", equalTo("from"));
        String farFuture = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("v1|-publishedAt|+300000-01-01T00:00:00Z|" + java.util.UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        isProblem(anonymous().queryParam("cursor", farFuture).get("/api/v1/articles").then(), 400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void overlongSlugInPutPathIs400() {
        isProblem(editor().contentType(ContentType.JSON).body(Map.of("name", "x")).put("/api/v1/sections/" + "a".repeat(121)).then(), 400)
                .body("errors[0].field", equalTo("slug"));
        isProblem(anonymous().get("/api/v1/articles/" + "a".repeat(1000)).then(), 404);
    }

    @Test
    void bodyOverTheLimitIs413() {
        byte[] huge = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        isProblem(editor().contentType(ContentType.JSON).body(huge).post("/api/v1/articles").then(), 413);
    }

    @Test
    void chunkedBodiesAreReadUpToTheSameLimit() {
        String slug = Api.unique("section");
        byte[] small = ("{\"name\": \"Chunked\"}").getBytes(StandardCharsets.UTF_8);
        editor().contentType(ContentType.JSON).body(new java.io.ByteArrayInputStream(small))
                .put("/api/v1/sections/" + slug).then().statusCode(201).body("name", equalTo("Chunked"));
        byte[] huge = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        isProblem(editor().contentType(ContentType.JSON).body(new java.io.ByteArrayInputStream(huge))
                .post("/api/v1/articles").then(), 413);
    }

    @Test
    void overlongRequestLineIs414() {
        isProblem(anonymous().queryParam("q", "a".repeat(9000)).get("/api/v1/articles").then(), 414);
        anonymous().queryParam("q", "a".repeat(400)).get("/api/v1/articles").then().statusCode(200);
    }

    private static io.restassured.specification.RequestSpecification given() {
        return io.restassured.RestAssured.given();
    }
}
