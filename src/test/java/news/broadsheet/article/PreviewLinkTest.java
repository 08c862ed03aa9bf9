package news.broadsheet.article;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import news.broadsheet.Api;
import news.broadsheet.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static news.broadsheet.Api.anonymous;
import static news.broadsheet.Api.editor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Preview links show an unpublished article to whoever holds one, privately, until they expire or are revoked. */
@QuarkusTest
class PreviewLinkTest {

    @Inject
    MovableClock clock;

    @Inject
    DataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String draft() {
        Map<String, Object> draft = new HashMap<>(Api.article(Api.section()));
        draft.put("status", "DRAFT");
        draft.put("title", "Not out yet");
        return Api.create(draft);
    }

    private static void opens(String slug, String token) {
        for (int read = 0; read < 2; read++) { // never answered from a cache: the second is built again
            anonymous().queryParam("preview", token).get("/api/v1/articles/" + slug).then().statusCode(200)
                    .body("title", equalTo("Not out yet")).body("status", equalTo("DRAFT"))
                    .header("Cache-Control", "private, no-store")
                    .header("X-Robots-Tag", "noindex");
        }
    }

    private static void refused(String slug, String token) {
        for (int read = 0; read < 2; read++) {
            anonymous().queryParam("preview", token).get("/api/v1/articles/" + slug).then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aLinkShowsTheDraftToAnyoneWhoHoldsItAndNobodyElse() {
        String slug = draft();
        var created = editor().contentType(ContentType.JSON).body("{}").post("/api/v1/articles/" + slug + "/preview-links")
                .then().statusCode(201).extract();
        String token = created.path("token");
        assertTrue(token.length() >= 43, "at least 256 bits, base64url");
        assertTrue(created.<String>path("url").endsWith("/api/v1/articles/" + slug + "?preview=" + token));
        assertEquals(created.header("Location"), created.path("url"));
        Instant expiresAt = Instant.parse(created.path("expiresAt"));
        assertTrue(Duration.between(Instant.now(), expiresAt).compareTo(Duration.ofHours(23)) > 0, "24 hours by default");

        opens(slug, token);
        given().queryParam("preview", token).accept("application/ld+json").get("/api/v1/articles/" + slug).then().statusCode(200)
                .header("Cache-Control", "private, no-store");
        anonymous().get("/api/v1/articles/" + slug).then().statusCode(404); // without it, the public sees nothing
        anonymous().get("/api/v1/articles/" + slug).then().statusCode(404);
        assertEquals(1, storedLinks(token), "kept as its SHA-256 only");
    }

    @Test
    void aLinkStopsAtItsExpiryOnTheClock() {
        String slug = draft();
        String token = linkFor(slug, "PT2H");
        opens(slug, token);
        clock.moveBy(Duration.ofMinutes(119));
        opens(slug, token);
        clock.moveBy(Duration.ofMinutes(121));
        refused(slug, token);
    }

    @Test
    void revokingStopsEveryLinkOfTheArticleAndNoOther() {
        String slug = draft();
        String other = draft();
        String first = linkFor(slug, null);
        String second = linkFor(slug, "P30D");
        String others = linkFor(other, null);
        opens(slug, first);
        editor().delete("/api/v1/articles/" + slug + "/preview-links").then().statusCode(204);
        refused(slug, first);
        refused(slug, second);
        opens(other, others);
        editor().delete("/api/v1/articles/no-such-" + slug + "/preview-links").then().statusCode(404);
    }

    @Test
    void aTokenOfAnotherArticleOrATamperedOneOpensNothing() {
        String slug = draft();
        String other = draft();
        String token = linkFor(other, null);
        refused(slug, token);
        refused(other, token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A'));
        refused(other, "");
        refused(other, "x".repeat(5000));
        String published = Api.create(Api.article(Api.section()));
        refused(published, token); // a link decides alone: a wrong one is a 404 even where the public may read
    }

    @Test
    void aPreviewOfAPublishedArticleIsNeverKeptForThePublic() {
        String slug = Api.create(Api.article(Api.section()));
        String token = linkFor(slug, null);
        anonymous().queryParam("preview", token).get("/api/v1/articles/" + slug).then().statusCode(200)
                .header("Cache-Control", "private, no-store");
        editor().delete("/api/v1/articles/" + slug + "/preview-links").then().statusCode(204);
        refused(slug, token);
        anonymous().get("/api/v1/articles/" + slug).then().statusCode(200).header("Cache-Control", containsString("public"));
    }

    @Test
    void aRenamedDraftsLinkFollowsTheRenamePrivately() {
        String slug = draft();
        String token = linkFor(slug, null);
        editor().contentType("application/merge-patch+json").body(Map.of("slug", slug + "-final"))
                .patch("/api/v1/articles/" + slug).then().statusCode(200);
        anonymous().redirects().follow(false).queryParam("preview", token).get("/api/v1/articles/" + slug)
                .then().statusCode(301)
                .header("Location", endsWith("/api/v1/articles/" + slug + "-final?preview=" + token))
                .header("Cache-Control", "private, no-store");
        opens(slug + "-final", token);
    }

    @Test
    void badLifetimesAreRefused() {
        String slug = draft();
        for (String expiresIn : new String[]{"P31D", "PT0S", "-PT1H", "tomorrow", "P1M"}) {
            editor().contentType(ContentType.JSON).body(Map.of("expiresIn", expiresIn))
                    .post("/api/v1/articles/" + slug + "/preview-links").then().statusCode(400)
                    .body("errors[0].field", equalTo("expiresIn"));
        }
        editor().contentType(ContentType.JSON).body(Map.of("expiresIn", "PT1H"))
                .post("/api/v1/articles/no-such-" + slug + "/preview-links").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/articles/" + slug + "/preview-links").then().statusCode(401);
        assertEquals(0, linksOf(slug));
    }

    private static String linkFor(String slug, String expiresIn) {
        var request = editor().contentType(ContentType.JSON).body(expiresIn == null ? Map.of() : Map.of("expiresIn", expiresIn));
        return request.post("/api/v1/articles/" + slug + "/preview-links").then().statusCode(201).extract().path("token");
    }

    private long storedLinks(String token) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "select count(*) from article_preview_link where token_hash = ? and position(convert_to(?, 'UTF8') in token_hash) = 0")) {
            query.setBytes(1, MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
            query.setString(2, token);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long linksOf(String slug) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "select count(*) from article_preview_link l join article a on a.id = l.article_id where a.slug = ?")) {
            query.setString(1, slug);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
