package news.broadsheet.tag;

import io.quarkus.test.junit.QuarkusTest;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static news.broadsheet.Api.anonymous;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class TagResourceTest {

    @Test
    void tagsCountPublishedArticlesOnly() {
        String common = Api.unique("common");
        String rare = Api.unique("rare");
        String hidden = Api.unique("hidden");
        String section = Api.section();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> article = Api.article(section);
            article.put("tags", i == 0 ? List.of(common, rare) : List.of(common));
            Api.create(article);
        }
        Map<String, Object> draft = Api.article(section);
        draft.put("status", "DRAFT");
        draft.put("tags", List.of(common, hidden));
        Api.create(draft);
        Map<String, Object> scheduled = Api.article(section);
        scheduled.put("publishedAt", Instant.now().plusSeconds(3600).toString());
        scheduled.put("tags", List.of(hidden));
        Api.create(scheduled);

        var tags = anonymous().get("/api/v1/tags").then().statusCode(200).body("next", nullValue()).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(3, tags.getInt("items.find { it.slug == '" + common + "' }.articleCount"));
        org.junit.jupiter.api.Assertions.assertEquals(1, tags.getInt("items.find { it.slug == '" + rare + "' }.articleCount"));
        anonymous().get("/api/v1/tags").then().body("items.find { it.slug == '" + hidden + "' }", nullValue());
    }

    /** Three tags of one run: used three times, then two tied at twice, the tie broken by name. */
    @Test
    void mostUsedTagsComeFirstAndTiesGoByName() {
        String prefix = Api.unique("order");
        String most = prefix + "-zulu", tiedFirst = prefix + "-alpha", tiedSecond = prefix + "-bravo";
        String section = Api.section();
        List<List<String>> tagsOfArticles = List.of(List.of(most, tiedSecond), List.of(most, tiedFirst), List.of(most, tiedFirst, tiedSecond));
        for (List<String> tags : tagsOfArticles) {
            Map<String, Object> article = Api.article(section);
            article.put("tags", tags);
            Api.create(article);
        }
        List<String> slugs = anonymous().get("/api/v1/tags").then().statusCode(200).extract().jsonPath().getList("items.slug");
        List<String> ours = slugs.stream().filter(slug -> slug.startsWith(prefix)).toList();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(most, tiedFirst, tiedSecond), ours);
        List<Integer> counts = anonymous().get("/api/v1/tags").then().statusCode(200).extract().jsonPath().getList("items.articleCount");
        for (int i = 1; i < counts.size(); i++) {
            org.junit.jupiter.api.Assertions.assertTrue(counts.get(i - 1) >= counts.get(i), counts.toString());
        }
        anonymous().get("/api/v1/tags").then().body("items.size()", equalTo(counts.size()));
    }
}
