package news.broadsheet.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static news.broadsheet.Api.anonymous;
import static news.broadsheet.Api.editor;

/**
 * The security headers reach every kind of answer, whoever answers it: the REST layer, the response cache, a 304, the
 * HTTP layer's own refusals and its last-resort 404, a CORS preflight, a feed; non-JSON answers also carry a
 * Content-Security-Policy that lets nothing run.
 */
@QuarkusTest
class SecurityHeadersTest {

    private static void secured(ValidatableResponse answer) {
        answer.header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        String slug = Api.create(Api.article(Api.section()));
        String path = "/api/v1/articles/" + slug;
        secured(anonymous().get(path).then().statusCode(200));
        var kept = anonymous().get(path).then().statusCode(200); // from the response cache
        secured(kept);
        secured(anonymous().header("If-None-Match", kept.extract().header("ETag")).get(path).then().statusCode(304));
        secured(anonymous().get("/api/v1/articles/no-such-article").then().statusCode(404));
        secured(anonymous().get("/nothing/here").then().statusCode(404));
        secured(editor().contentType("application/json").body(new byte[11 * 1024 * 1024]).post("/api/v1/sections").then().statusCode(413));
        secured(given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/subscriptions").then().statusCode(403));
        secured(given().header("Origin", "https://news.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").options("/api/v1/subscriptions").then().statusCode(204));
        secured(anonymous().contentType("application/json").body(Map.of("email", "x")).post("/api/v1/subscriptions").then().statusCode(400));
        secured(given().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    void feedsAndOtherNonJsonAnswersMayNotRunAnything() {
        for (String feed : new String[]{"rss.xml", "atom.xml"}) {
            var answer = given().accept("*/*").get("/api/v1/feeds/" + feed).then().statusCode(200)
                    .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
            secured(answer);
        }
    }
}
