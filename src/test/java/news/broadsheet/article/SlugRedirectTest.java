package news.broadsheet.article;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static news.broadsheet.Api.anonymous;
import static news.broadsheet.Api.editor;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Links shared before a rename keep working: an old slug answers 301 to the current one, in one hop. */
@QuarkusTest
class SlugRedirectTest {

    @Inject
    DataSource dataSource;

    private static RequestSpecification notFollowing(RequestSpecification request) {
        return request.redirects().follow(false);
    }

    private static void rename(String path, String from, String to) {
        editor().contentType("application/merge-patch+json").body(Map.of("slug", to))
                .patch(path + from).then().statusCode(200).body("slug", equalTo(to));
    }

    private static void answersMovedTo(String path, String old, String current) {
        for (int read = 0; read < 2; read++) {
            notFollowing(anonymous()).get(path + old).then().statusCode(301)
                    .header("Location", endsWith(path + current))
                    .header("Cache-Control", startsWith("public, max-age="));
        }
    }

    @Test
    void threeRenamesAnswerOneHopFromEveryOldSlugToTheCurrentOne() {
        String first = Api.create(Api.article(Api.section()));
        List<String> slugs = List.of(first, first + "-b", first + "-c", first + "-d");
        for (int i = 1; i < slugs.size(); i++) {
            for (String old : slugs.subList(0, i)) {
                anonymous().get("/api/v1/articles/" + old); // cached answers of the slugs as they were
            }
            rename("/api/v1/articles/", slugs.get(i - 1), slugs.get(i));
        }
        for (String old : slugs.subList(0, 3)) {
            answersMovedTo("/api/v1/articles/", old, slugs.get(3));
        }
        anonymous().get("/api/v1/articles/" + first).then().statusCode(200).body("slug", equalTo(slugs.get(3)));

        rename("/api/v1/articles/", slugs.get(3), first + "-e"); // the cached 301s move with it
        for (String old : slugs) {
            answersMovedTo("/api/v1/articles/", old, first + "-e");
        }
    }

    @Test
    void theRedirectKeepsTheQueryAndWorksForEveryFormat() {
        String slug = Api.create(Api.article(Api.section()));
        rename("/api/v1/articles/", slug, slug + "-new");
        notFollowing(anonymous()).accept("application/ld+json").queryParam("utm_source", "mail")
                .get("/api/v1/articles/" + slug).then().statusCode(301)
                .header("Location", endsWith("/api/v1/articles/" + slug + "-new?utm_source=mail"));
    }

    @Test
    void aNewArticleThatTakesAnOldSlugAnswersThereItself() {
        String section = Api.section();
        String slug = Api.create(Api.article(section));
        rename("/api/v1/articles/", slug, slug + "-moved");
        notFollowing(anonymous()).get("/api/v1/articles/" + slug).then().statusCode(301);

        Map<String, Object> newcomer = new HashMap<>(Api.article(section));
        newcomer.put("slug", slug);
        newcomer.put("title", "The newcomer");
        Api.create(newcomer);
        anonymous().get("/api/v1/articles/" + slug).then().statusCode(200).body("title", equalTo("The newcomer"));
        anonymous().get("/api/v1/articles/" + slug + "-moved").then().statusCode(200).body("title", equalTo("A story for the test"));
        assertEquals(0, count("select count(*) from article_slug_redirect where slug = ?", slug));

        rename("/api/v1/articles/", slug, slug + "-newcomer"); // the old slug now follows the newcomer
        answersMovedTo("/api/v1/articles/", slug, slug + "-newcomer");
    }

    @Test
    void anImportLineForAnOldSlugCreatesTheArticleThatTakesIt() {
        String section = Api.section();
        String slug = Api.create(Api.article(section));
        rename("/api/v1/articles/", slug, slug + "-moved");
        String line = "{\"slug\": \"" + slug + "\", \"title\": \"Imported\", \"body\": \"Text\", \"section\": \"" + section
                + "\", \"status\": \"PUBLISHED\", \"publishedAt\": \"2026-01-01T00:00:00Z\"}\n";
        editor().contentType("application/x-ndjson").body(line.getBytes(StandardCharsets.UTF_8)).post("/api/v1/articles/import").then().statusCode(200)
                .body("created", equalTo(1));
        anonymous().get("/api/v1/articles/" + slug).then().statusCode(200).body("title", equalTo("Imported"));
    }

    @Test
    void renamingBackMakesTheNewerSlugTheOldOne() {
        String slug = Api.create(Api.article(Api.section()));
        rename("/api/v1/articles/", slug, slug + "-other");
        rename("/api/v1/articles/", slug + "-other", slug);
        anonymous().get("/api/v1/articles/" + slug).then().statusCode(200);
        answersMovedTo("/api/v1/articles/", slug + "-other", slug);
    }

    @Test
    void deletingTheArticleErasesItsOldSlugs() {
        String slug = Api.create(Api.article(Api.section()));
        rename("/api/v1/articles/", slug, slug + "-moved");
        editor().delete("/api/v1/articles/" + slug + "-moved").then().statusCode(204);
        notFollowing(anonymous()).get("/api/v1/articles/" + slug).then().statusCode(404);
        notFollowing(editor()).get("/api/v1/articles/" + slug).then().statusCode(404);
        assertEquals(0, count("select count(*) from article_slug_redirect where slug = ?", slug));
    }

    @Test
    void aRenamedDraftIsNotRevealedToThePublic() {
        Map<String, Object> draft = new HashMap<>(Api.article(Api.section()));
        draft.put("status", "DRAFT");
        String slug = Api.create(draft);
        rename("/api/v1/articles/", slug, slug + "-final");
        notFollowing(anonymous()).get("/api/v1/articles/" + slug).then().statusCode(404);
        notFollowing(editor()).get("/api/v1/articles/" + slug).then().statusCode(301)
                .header("Location", endsWith("/api/v1/articles/" + slug + "-final"))
                .header("Cache-Control", equalTo("private, no-store"));
    }

    @Test
    void aRenameOntoALiveArticleIsAConflictAndChangesNothing() {
        String section = Api.section();
        String one = Api.create(Api.article(section));
        String other = Api.create(Api.article(section));
        editor().contentType("application/merge-patch+json").body(Map.of("slug", other))
                .patch("/api/v1/articles/" + one).then().statusCode(409)
                .contentType("application/problem+json");
        anonymous().get("/api/v1/articles/" + one).then().statusCode(200);
        assertEquals(0, count("select count(*) from article_slug_redirect where slug = ?", one));
    }

    @Test
    void aRenamedSectionRedirectsAndItsOldSlugStillFiltersArticlesAndFeeds() {
        String section = Api.section();
        Map<String, Object> article = new HashMap<>(Api.article(section));
        article.put("title", "Filed under the old name");
        Api.create(article);
        anonymous().get("/api/v1/articles?section=" + section).then().statusCode(200); // cached under the old slug
        rename("/api/v1/sections/", section, section + "-renamed");

        answersMovedTo("/api/v1/sections/", section, section + "-renamed");
        for (int read = 0; read < 2; read++) {
            anonymous().get("/api/v1/articles?section=" + section).then().statusCode(200)
                    .body("items.title", hasItem("Filed under the old name"))
                    .body("items[0].section.slug", equalTo(section + "-renamed"));
        }
        anonymous().accept(ContentType.ANY).get("/api/v1/feeds/rss.xml?section=" + section).then().statusCode(200);
        anonymous().get("/api/v1/articles?section=no-such-" + section).then().statusCode(400);
    }

    private long count(String sql, String value) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, value);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
