package news.broadsheet.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static news.broadsheet.Api.editor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class TokenResourceTest {

    private static String newToken(String role) {
        return editor().contentType(ContentType.JSON).body(Map.of("name", Api.unique("script"), "role", role))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
    }

    private static RequestSpecification as(String token) {
        return given().accept(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    @Test
    void createdTokenShowsItsSecretOnceAndNeverAgain() {
        String name = Api.unique("night desk");
        var created = editor().contentType(ContentType.JSON).body(Map.of("name", name, "role", "editor"))
                .post("/api/v1/tokens")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/tokens/"))
                .body("id", notNullValue())
                .body("name", equalTo(name))
                .body("role", equalTo("editor"))
                .body("createdAt", notNullValue())
                // 256 random bits, base64url: 43 characters after the prefix
                .body("token", matchesPattern("bst_[A-Za-z0-9_-]{43}"))
                .extract();
        String secret = created.path("token");
        String listed = editor().get("/api/v1/tokens").then().statusCode(200)
                .body("items.name", hasItem(name))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("token")))
                .body("next", nullValue())
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat(listed, not(containsString(secret.substring(4))));
    }

    @Test
    void editorTokenWritesContentButNotAdminThings() {
        String token = newToken("editor");
        String section = Api.section();
        as(token).contentType(ContentType.JSON).body(Api.article(section)).post("/api/v1/articles").then().statusCode(201);
        as(token).delete("/api/v1/sections/" + section)
                .then().statusCode(403).contentType("application/problem+json").body("type", equalTo("urn:broadsheet:problem:forbidden"));
        as(token).get("/api/v1/tokens").then().statusCode(403);
        as(token).contentType(ContentType.JSON).body(Map.of("name", "x", "role", "admin")).post("/api/v1/tokens").then().statusCode(403);
    }

    @Test
    void editorTokenSeesDrafts() {
        Map<String, Object> draft = Api.article(Api.section());
        draft.put("status", "DRAFT");
        String slug = Api.create(draft);
        as(newToken("editor")).get("/api/v1/articles/" + slug).then().statusCode(200);
    }

    @Test
    void adminTokenMayDoEverything() {
        String token = newToken("admin");
        String section = Api.section();
        as(token).get("/api/v1/tokens").then().statusCode(200);
        as(token).delete("/api/v1/sections/" + section).then().statusCode(204);
    }

    @Test
    void revokedTokenFailsOnTheVeryNextRequest() {
        var created = editor().contentType(ContentType.JSON).body(Map.of("name", Api.unique("temp"), "role", "editor"))
                .post("/api/v1/tokens").then().statusCode(201).extract();
        String token = created.path("token");
        String id = created.path("id");
        Map<String, Object> article = Api.article(Api.section());
        as(token).contentType(ContentType.JSON).body(article).post("/api/v1/articles").then().statusCode(201);

        editor().delete("/api/v1/tokens/" + id).then().statusCode(204);

        as(token).contentType(ContentType.JSON).body(Api.article(Api.section())).post("/api/v1/articles")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer").contentType("application/problem+json");
        editor().get("/api/v1/tokens").then().body("items.id", not(hasItem(id)));
        editor().delete("/api/v1/tokens/" + id).then().statusCode(404);
    }

    @Test
    void lastUseIsRecorded() {
        var created = editor().contentType(ContentType.JSON).body(Map.of("name", Api.unique("used"), "role", "editor"))
                .post("/api/v1/tokens").then().statusCode(201).extract();
        String id = created.path("id");
        editor().get("/api/v1/tokens").then().body("items.find { it.id == '" + id + "' }.lastUsedAt", nullValue());
        as(created.path("token")).get("/api/v1/articles?status=ANY&limit=1").then().statusCode(200);
        editor().get("/api/v1/tokens").then().body("items.find { it.id == '" + id + "' }.lastUsedAt", notNullValue());
    }

    @Test
    void badTokenRequestsAre400() {
        editor().contentType(ContentType.JSON).body(Map.of("name", "x", "role", "owner")).post("/api/v1/tokens")
                .then().statusCode(400).body("errors[0].field", equalTo("role")).body("errors[0].message", containsString("editor or admin"));
        editor().contentType(ContentType.JSON).body(Map.of("name", " ", "role", "editor")).post("/api/v1/tokens")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        editor().contentType(ContentType.JSON).body(Map.of("name", "x")).post("/api/v1/tokens")
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        editor().delete("/api/v1/tokens/not-a-uuid").then().statusCode(404);
    }

    @Test
    void malformedAuthorizationIs401() {
        given().header("Authorization", "Basic dXNlcjpwYXNz").delete("/api/v1/articles/x").then().statusCode(401);
        given().header("Authorization", "Bearer ").delete("/api/v1/articles/x").then().statusCode(401);
        given().header("Authorization", "Bearer bst_unknown").get("/api/v1/tokens").then().statusCode(401);
    }
}
