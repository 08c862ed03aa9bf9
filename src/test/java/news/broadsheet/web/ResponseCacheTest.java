package news.broadsheet.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import news.broadsheet.Api;
import news.broadsheet.CacheMetrics;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static news.broadsheet.Api.anonymous;
import static news.broadsheet.Api.editor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the in-process cache of public answers must never change: the answers themselves. */
@QuarkusTest
class ResponseCacheTest {

    private static ExtractableResponse<Response> read(String path) {
        return anonymous().get(path).then().statusCode(200).extract();
    }

    @Test
    void aKeptAnswerIsTheAnswerWithItsHeaders() {
        String slug = Api.create(Api.article(Api.section()));
        var built = read("/api/v1/articles/" + slug);
        var kept = read("/api/v1/articles/" + slug);
        assertEquals(built.body().asString(), kept.body().asString());
        for (String header : new String[]{"Content-Type", "ETag", "Cache-Control", "Vary"}) {
            assertEquals(built.header(header), kept.header(header), header);
        }
        var list = read("/api/v1/articles?limit=1");
        var keptList = read("/api/v1/articles?limit=1");
        assertEquals(list.header("Link"), keptList.header("Link"));
        assertEquals(list.body().asString(), keptList.body().asString());
    }

    private static double hits() {
        return CacheMetrics.hits("response_cache");
    }

    @Test
    void aSecondAnonymousReadIsAnsweredFromTheCache() {
        String slug = Api.create(Api.article(Api.section()));
        read("/api/v1/articles/" + slug);
        read("/api/v1/articles?limit=2");
        double before = hits();
        read("/api/v1/articles/" + slug);
        read("/api/v1/articles?limit=2");
        assertTrue(hits() - before >= 2, "the second reads were built again: nothing is kept");
    }

    @Test
    void aRevalidationFirstThenAFullReadStillGetsTheBody() {
        String slug = Api.create(Api.article(Api.section()));
        String etag = read("/api/v1/articles/" + slug).header("ETag");
        Api.editor().contentType("application/merge-patch+json").body(Map.of("subtitle", "Changed"))
                .patch("/api/v1/articles/" + slug).then().statusCode(200);
        String current = editor().get("/api/v1/articles/" + slug).then().extract().header("ETag");
        for (int i = 0; i < 2; i++) { // the second is answered from what the first left
            anonymous().header("If-None-Match", current).get("/api/v1/articles/" + slug).then().statusCode(304)
                    .header("ETag", current);
            anonymous().header("If-None-Match", etag).get("/api/v1/articles/" + slug).then().statusCode(200)
                    .body("subtitle", equalTo("Changed"));
        }
        anonymous().get("/api/v1/articles/" + slug).then().statusCode(200).body("subtitle", equalTo("Changed"));
    }

    @Test
    void aWriteIsServedAtOnceByTheInstanceThatTookIt() {
        String section = Api.section();
        Map<String, Object> article = Api.article(section);
        String slug = Api.create(article);
        for (int edition = 1; edition <= 5; edition++) {
            read("/api/v1/articles/" + slug);
            read("/api/v1/articles?section=" + section);
            String title = "Edition " + edition;
            editor().contentType("application/merge-patch+json").body(Map.of("title", title))
                    .patch("/api/v1/articles/" + slug).then().statusCode(200);
            anonymous().get("/api/v1/articles/" + slug).then().body("title", equalTo(title));
            anonymous().get("/api/v1/articles?section=" + section).then().body("items[0].title", equalTo(title));
        }
        editor().contentType("application/merge-patch+json").body(Map.of("status", "DRAFT"))
                .patch("/api/v1/articles/" + slug).then().statusCode(200);
        anonymous().get("/api/v1/articles/" + slug).then().statusCode(404);
        editor().get("/api/v1/articles/" + slug).then().statusCode(200).header("Cache-Control", "private, no-store");
    }

    @Test
    void answersDifferByAcceptAndAreNeverSharedWithTokenHolders() {
        given().get("/api/v1/feeds/rss.xml").then().statusCode(200);
        given().accept("application/rss+xml").get("/api/v1/feeds/rss.xml").then().statusCode(200)
                .contentType(startsWith("application/rss+xml"));
        given().accept("text/xml").get("/api/v1/feeds/rss.xml").then().statusCode(200)
                .contentType(startsWith("text/xml"));
        given().accept("text/html").get("/api/v1/articles?limit=1").then().statusCode(406);
        read("/api/v1/articles?limit=1");
        given().accept("text/html").get("/api/v1/articles?limit=1").then().statusCode(406);
        editor().get("/api/v1/articles?limit=1").then().statusCode(200).header("Cache-Control", "private, no-store");
        anonymous().contentType(ContentType.JSON).get("/api/v1/articles/no-such-story").then().statusCode(404)
                .header("Cache-Control", "no-store");
    }
}
