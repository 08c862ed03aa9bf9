package news.broadsheet.web;

import io.quarkus.test.junit.QuarkusTest;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static news.broadsheet.Api.anonymous;
import static news.broadsheet.Api.editor;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The caching contract: what a CDN may keep, for how long, and how it revalidates. */
@QuarkusTest
class HttpCachingTest {

    private static final List<String> COLLECTIONS = List.of("/api/v1/articles?limit=5", "/api/v1/sections", "/api/v1/tags",
            "/api/v1/feeds/rss.xml", "/api/v1/feeds/atom.xml", "/api/v1/feeds/feed.json");

    @Test
    void everyPublicCollectionRevalidatesWith304() {
        Api.create(Api.article(Api.section()));
        for (String path : COLLECTIONS) {
            String etag = anonymous().accept("*/*").get(path).then().statusCode(200)
                    .header("ETag", matchesPattern("\"[A-Za-z0-9_-]+\""))
                    .header("Cache-Control", "public, max-age=60, stale-while-revalidate=300")
                    .extract().header("ETag");
            anonymous().accept("*/*").header("If-None-Match", etag).get(path).then()
                    .statusCode(304).header("ETag", etag).body(emptyString());
        }
    }

    @Test
    void anyWriteChangesTheCollectionsETag() {
        String before = anonymous().get("/api/v1/articles?limit=5").then().extract().header("ETag");
        Api.create(Api.article(Api.section()));
        anonymous().header("If-None-Match", before).get("/api/v1/articles?limit=5")
                .then().statusCode(200).header("ETag", not(before));
    }

    /**
     * No write happens when a scheduled article goes live, yet the first request after its time gets the new list: the
     * version knows when the next article is due. (The listener's own re-read every 2 s would be too late to pass.)
     */
    @Test
    void aScheduledArticleGoingLiveChangesTheETagAtItsTime() {
        Map<String, Object> scheduled = Api.article(Api.section());
        Instant goesLive = Instant.now().plusSeconds(2);
        scheduled.put("publishedAt", goesLive.toString());
        String slug = Api.create(scheduled);
        var before = anonymous().get("/api/v1/articles?limit=1").then().statusCode(200)
                .body("items[0].slug", not(equalTo(slug))).extract();
        anonymous().header("If-None-Match", before.header("ETag")).get("/api/v1/articles?limit=1").then().statusCode(304);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> Instant.now().isAfter(goesLive.plusMillis(20)));
        String after = anonymous().header("If-None-Match", before.header("ETag")).get("/api/v1/articles?limit=1")
                .then().statusCode(200).body("items[0].slug", equalTo(slug)).extract().header("ETag");
        anonymous().header("If-None-Match", after).get("/api/v1/articles?limit=1").then().statusCode(304);
    }

    @Test
    void differentQueriesHaveDifferentETags() {
        String all = anonymous().get("/api/v1/articles").then().extract().header("ETag");
        String page = anonymous().get("/api/v1/articles?limit=3").then().extract().header("ETag");
        assertNotEquals(all, page);
    }

    @Test
    void singleArticlesAreCacheableAndRevalidate() {
        String slug = Api.create(Api.article(Api.section()));
        String etag = anonymous().get("/api/v1/articles/" + slug).then().statusCode(200)
                .header("Cache-Control", containsString("public")).extract().header("ETag");
        anonymous().header("If-None-Match", etag).get("/api/v1/articles/" + slug).then().statusCode(304)
                .header("Cache-Control", containsString("max-age=60"));
    }

    @Test
    void authenticatedAnswersAreNeverStored() {
        editor().get("/api/v1/articles?status=ANY&limit=1").then().statusCode(200).header("Cache-Control", "private, no-store");
        editor().get("/api/v1/tokens").then().statusCode(200).header("Cache-Control", "private, no-store");
        anonymous().get("/api/v1/articles").then().header("Vary", containsString("Authorization"))
                .header("Vary", containsString("Accept-Encoding"));
    }

    @Test
    void errorsAndWritesAreNeverStored() {
        anonymous().get("/api/v1/articles/no-such-article").then().statusCode(404).header("Cache-Control", "no-store");
        anonymous().get("/api/v1/articles?limit=0").then().statusCode(400).header("Cache-Control", "no-store");
        editor().contentType("application/json").body(Api.article(Api.section())).post("/api/v1/articles")
                .then().statusCode(201).header("Cache-Control", containsString("no-store"));
    }

    @Test
    void jsonAndFeedsAreCompressed() {
        for (String path : List.of("/api/v1/articles", "/api/v1/feeds/rss.xml", "/api/v1/feeds/feed.json")) {
            given().header("Accept-Encoding", "gzip").get(path).then().statusCode(200).header("Content-Encoding", "gzip");
        }
    }

    @Test
    void securityHeadersAreOnEveryAnswer() {
        for (String path : List.of("/api/v1/articles", "/api/v1/feeds/atom.xml", "/no/such/path", "/q/openapi")) {
            given().get(path).then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", notNullValue());
        }
        given().get("/api/v1/feeds/rss.xml").then().header("Content-Security-Policy", containsString("default-src 'none'"));
        given().get("/api/v1/articles").then().header("Content-Security-Policy", nullValue());
    }
}
