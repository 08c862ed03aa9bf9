package news.broadsheet.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static news.broadsheet.Api.editor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Browsers on the frontends' origins (the test profile lists https://news.example) read the API on every page view, so
 * every answer, built or kept by the response cache, carries the same grant; other origins read public content too,
 * without a grant, and never get a 403 for it.
 */
@QuarkusTest
class CrossOriginTest {

    private static final String FRONTEND = "https://news.example";
    private static final String STRANGER = "https://elsewhere.example";
    private static final List<String> PUBLIC_READS = List.of("/api/v1/articles?limit=3", "/api/v1/sections", "/api/v1/tags",
            "/api/v1/feeds/rss.xml", "/api/v1/feeds/atom.xml", "/api/v1/feeds/feed.json");

    private static ValidatableResponse read(String origin, String path) {
        return given().header("Origin", origin).accept("*/*").get(path).then().statusCode(200);
    }

    @Test
    void everyRepeatedPublicReadFromAFrontendCarriesTheGrant() {
        String slug = Api.create(Api.article(Api.section()));
        for (String path : concat(PUBLIC_READS, "/api/v1/articles/" + slug)) {
            for (int view = 1; view <= 3; view++) { // the second and third are answered from the response cache
                read(FRONTEND, path)
                        .header("Access-Control-Allow-Origin", FRONTEND)
                        .header("Access-Control-Expose-Headers", containsString("ETag"))
                        .header("Vary", containsString("Origin"))
                        .header("X-Content-Type-Options", "nosniff")
                        .header("X-Frame-Options", "DENY");
            }
        }
    }

    @Test
    void anotherOriginReadsPublicContentWithoutAGrant() {
        String slug = Api.create(Api.article(Api.section()));
        for (String path : concat(PUBLIC_READS, "/api/v1/articles/" + slug)) {
            for (int view = 1; view <= 3; view++) {
                read(STRANGER, path)
                        .header("Access-Control-Allow-Origin", nullValue())
                        .header("Vary", containsString("Origin"));
            }
        }
    }

    @Test
    void answersWithoutAnOriginSayTheyVaryByOrigin() {
        // a CDN must not hand an answer without a grant to a browser that needs one, nor the reverse
        given().get("/api/v1/articles?limit=2").then().statusCode(200).header("Vary", containsString("Origin"));
        given().get("/api/v1/articles?limit=2").then().statusCode(200).header("Vary", containsString("Origin"))
                .header("Vary", containsString("Authorization"));
    }

    @Test
    void aRevalidationFromAFrontendCarriesTheGrant() {
        String etag = read(FRONTEND, "/api/v1/sections").extract().header("ETag");
        for (int view = 1; view <= 2; view++) {
            given().header("Origin", FRONTEND).header("If-None-Match", etag).get("/api/v1/sections").then().statusCode(304)
                    .header("Access-Control-Allow-Origin", FRONTEND);
        }
    }

    @Test
    void errorsForAFrontendCarryTheGrantAndStayProblems() {
        given().header("Origin", FRONTEND).get("/api/v1/articles/no-such-story").then().statusCode(404)
                .contentType("application/problem+json").header("Access-Control-Allow-Origin", FRONTEND);
        given().header("Origin", FRONTEND).get("/api/v1/articles?limit=0").then().statusCode(400)
                .contentType("application/problem+json").header("Access-Control-Allow-Origin", FRONTEND);
        given().header("Origin", FRONTEND).get("/no/such/path").then().statusCode(404)
                .contentType("application/problem+json").header("Access-Control-Allow-Origin", FRONTEND);
    }

    @Test
    void aFrontendMayPreflightWritesWithATokenAndPreconditions() {
        given().header("Origin", FRONTEND).header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization, content-type, if-match")
                .options("/api/v1/articles/some-story")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", FRONTEND)
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Max-Age", notNullValue())
                .header("Vary", containsString("Origin"));
    }

    @Test
    void anotherOriginGetsNoGrantForPreflightsAndItsWritesAreRefused() {
        given().header("Origin", STRANGER).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/api/v1/subscriptions")
                .then().statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue())
                .body("detail", containsString(STRANGER));
        given().header("Origin", STRANGER).contentType("application/json").body("{\"email\": \"a@example.com\", \"consent\": true}")
                .post("/api/v1/subscriptions")
                .then().statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue());
        editor().header("Origin", STRANGER).contentType("application/json").body(Api.article(Api.section()))
                .post("/api/v1/articles").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void theServiceIsItsOwnOrigin() {
        // Swagger UI at /q/swagger-ui and the demo site in dev mode call the API from the API's own origin
        String self = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
        given().header("Origin", self).contentType("application/json").body("{\"email\": \"not an address\", \"consent\": true}")
                .post("/api/v1/subscriptions").then().statusCode(400).contentType("application/problem+json");
    }

    private static List<String> concat(List<String> paths, String more) {
        var all = new java.util.ArrayList<>(paths);
        all.add(more);
        return all;
    }
}
