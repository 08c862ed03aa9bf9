package news.broadsheet.article;

import io.quarkus.test.junit.QuarkusTest;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static news.broadsheet.Api.anonymous;
import static news.broadsheet.Api.editor;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** "Read more": what shares tags, section and title words with an article, and never what the public may not see. */
@QuarkusTest
class RelatedArticlesTest {

    @Test
    void relatedArticlesShareTagsSectionAndWordsMostRelatedFirst() {
        String tag = Api.unique("harbours");
        String word = "w" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
        String section = Api.section();
        String other = "w" + UUID.randomUUID().toString().substring(0, 8);
        String source = article(section, "The " + word + " " + other, List.of(tag), "PUBLISHED", 3);
        String sameTagAndSection = article(section, "Fishing boats wait", List.of(tag), "PUBLISHED", 5);
        String sameWordElsewhere = article(Api.section(), "Why the " + word + " matters", List.of(), "PUBLISHED", 4);
        String draft = article(section, "The " + word + " draft", List.of(tag), "DRAFT", 2);
        String scheduled = article(section, "The " + word + " plans", List.of(tag), "PUBLISHED", -2);
        String archived = article(section, "The " + word + " archive", List.of(tag), "ARCHIVED", 6);

        for (int view = 0; view < 2; view++) {
            anonymous().get("/api/v1/articles/" + source + "/related").then().statusCode(200)
                    .header("Cache-Control", containsString("public"))
                    .body("items.slug", contains(sameTagAndSection, sameWordElsewhere))
                    .body("items[0].body", org.hamcrest.Matchers.nullValue());
        }
        anonymous().queryParam("limit", 1).get("/api/v1/articles/" + source + "/related").then()
                .body("items.slug", contains(sameTagAndSection));
        // editors may ask about a draft; what they get is still only what the public sees
        anonymous().get("/api/v1/articles/" + draft + "/related").then().statusCode(404).contentType("application/problem+json");
        editor().get("/api/v1/articles/" + draft + "/related").then().statusCode(200)
                .body("items.slug", hasItem(source))
                .body("items.slug", not(hasItem(draft)))
                .body("items.slug", not(hasItem(scheduled)))
                .body("items.slug", not(hasItem(archived)));
    }

    @Test
    void badLimitsAndUnknownArticlesAreProblems() {
        String slug = Api.create(Api.article(Api.section()));
        for (String limit : List.of("0", "21", "many")) {
            anonymous().queryParam("limit", limit).get("/api/v1/articles/" + slug + "/related").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("limit"));
        }
        anonymous().get("/api/v1/articles/no-such-story/related").then().statusCode(404);
        anonymous().get("/api/v1/articles/" + slug + "/related").then().statusCode(200).body("items.slug", not(hasItem(slug)));
    }

    private static String article(String section, String title, List<String> tags, String status, int hoursAgo) {
        Map<String, Object> article = Api.article(section);
        article.put("title", title);
        article.put("tags", tags);
        article.put("status", status);
        article.put("publishedAt", Instant.now().minusSeconds(hoursAgo * 3600L).toString());
        return Api.create(article);
    }
}
