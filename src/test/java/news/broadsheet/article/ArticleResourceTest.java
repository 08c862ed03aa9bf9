package news.broadsheet.article;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import news.broadsheet.Api;
import news.broadsheet.slug.Slugs;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static news.broadsheet.Api.anonymous;
import static news.broadsheet.Api.editor;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ArticleResourceTest {

    @Test
    void createdArticleIsAnsweredInFullWithLocation() {
        String section = Api.section();
        Map<String, Object> article = Api.article(section);
        article.remove("slug");
        article.put("title", "Kastuś Kalinoŭski " + Api.unique("x"));
        article.put("subtitle", "A subtitle");
        article.put("summary", "A summary");
        article.put("tags", List.of("history", "belarus"));
        article.put("authors", List.of("Hanna Łukasik"));
        article.put("dateline", "Vilnius");
        article.put("featured", true);
        article.put("heroImage", Map.of("url", "https://images.example.org/1.jpg", "alt", "A statue", "credit", "Zoë Martin"));

        String location = editor().contentType(ContentType.JSON).body(article).post("/api/v1/articles")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/articles/kastus-kalinouski-x-"))
                .body("id", notNullValue())
                .body("slug", containsString("kastus-kalinouski-x-"))
                .body("section.slug", equalTo(section))
                .body("section.name", equalTo("Section " + section))
                .body("bodyHtml", equalTo("<p>Some <strong>Markdown</strong> text.</p>\n"))
                .body("wordCount", equalTo(3))
                .body("readingTimeMinutes", equalTo(1))
                .extract().header("Location");

        anonymous().get(location).then().statusCode(200)
                .body("tags", contains("history", "belarus"))
                .body("authors.slug", contains("hanna-lukasik"))
                .body("authors.name", contains("Hanna Łukasik"))
                .body("dateline", equalTo("Vilnius"))
                .body("featured", equalTo(true))
                .body("heroImage.url", equalTo("https://images.example.org/1.jpg"))
                .body("heroImage.caption", nullValue())
                .body("status", equalTo("PUBLISHED"))
                .body("subtitle", equalTo("A subtitle"))
                .body("summary", equalTo("A summary"));
    }

    @Test
    void bodyIsKeptByteForByte() {
        String markdown = "  Leading spaces,\ttabs,\r\nCRLF line ends, “quotes” and trailing spaces   \n\n\n";
        Map<String, Object> article = Api.article(Api.section());
        article.put("body", markdown);
        String slug = Api.create(article);
        String stored = anonymous().get("/api/v1/articles/" + slug).then().statusCode(200).extract().path("body");
        assertEquals(markdown, stored);
    }

    @Test
    void sectionMayBeGivenAsAnObject() {
        String section = Api.section();
        Map<String, Object> article = Api.article(section);
        article.put("section", Map.of("slug", section));
        editor().contentType(ContentType.JSON).body(article).post("/api/v1/articles")
                .then().statusCode(201).body("section.slug", equalTo(section));
    }

    @Test
    void unknownSectionIsRejected() {
        Map<String, Object> article = Api.article("no-such-section");
        editor().contentType(ContentType.JSON).body(article).post("/api/v1/articles")
                .then().statusCode(400).body("errors[0].field", equalTo("section"));
        anonymous().get("/api/v1/articles/" + article.get("slug")).then().statusCode(404);
    }

    @Test
    void derivedSlugThatIsTakenGetsANumber() {
        String section = Api.section();
        String title = "Same headline " + Api.unique("h");
        Map<String, Object> first = Api.article(section);
        first.remove("slug");
        first.put("title", title);
        String firstSlug = editor().contentType(ContentType.JSON).body(first).post("/api/v1/articles")
                .then().statusCode(201).extract().path("slug");
        String secondSlug = editor().contentType(ContentType.JSON).body(first).post("/api/v1/articles")
                .then().statusCode(201).extract().path("slug");
        assertEquals(firstSlug + "-2", secondSlug);
    }

    @Test
    void explicitSlugThatIsTakenIs409AndChangesNothing() {
        Map<String, Object> article = Api.article(Api.section());
        String slug = Api.create(article);
        article.put("title", "Another title");
        editor().contentType(ContentType.JSON).body(article).post("/api/v1/articles")
                .then().statusCode(409).body("type", equalTo("urn:broadsheet:problem:slug-taken"));
        anonymous().get("/api/v1/articles/" + slug).then().body("title", equalTo("A story for the test"));
    }

    @Test
    void putCreatesThenReplaces() {
        Map<String, Object> article = Api.article(Api.section());
        String slug = (String) article.get("slug");
        editor().contentType(ContentType.JSON).body(article).put("/api/v1/articles/" + slug)
                .then().statusCode(201).header("Location", endsWith("/api/v1/articles/" + slug));
        article.put("title", "Corrected title");
        article.remove("publishedAt");
        editor().contentType(ContentType.JSON).body(article).put("/api/v1/articles/" + slug)
                .then().statusCode(200).body("title", equalTo("Corrected title"));
    }

    @Test
    void rerunningTheSamePutChangesNothing() {
        Map<String, Object> article = Api.article(Api.section());
        String slug = Api.create(article);
        var before = anonymous().get("/api/v1/articles/" + slug).then().extract().jsonPath();
        editor().contentType(ContentType.JSON).body(article).put("/api/v1/articles/" + slug).then().statusCode(200);
        var after = anonymous().get("/api/v1/articles/" + slug).then().extract().jsonPath();
        assertEquals(before.getString("updatedAt"), after.getString("updatedAt"));
        assertEquals(before.getMap(""), after.getMap(""));
    }

    @Test
    void publishingWithoutATimeKeepsTheFirstPublicationTime() {
        Map<String, Object> article = Api.article(Api.section());
        article.remove("publishedAt");
        String slug = Api.create(article);
        String firstPublished = anonymous().get("/api/v1/articles/" + slug).then().extract().path("publishedAt");
        article.put("title", "Updated");
        editor().contentType(ContentType.JSON).body(article).put("/api/v1/articles/" + slug).then().statusCode(200)
                .body("publishedAt", equalTo(firstPublished));
    }

    @Test
    void mergePatchChangesOnlyTheFieldsGiven() {
        Map<String, Object> article = Api.article(Api.section());
        article.put("tags", List.of("one", "two"));
        article.put("heroImage", Map.of("url", "https://images.example.org/2.jpg", "alt", "old alt"));
        String slug = Api.create(article);

        editor().contentType("application/merge-patch+json")
                .body("{\"summary\": \"Now with a summary\", \"heroImage\": {\"alt\": \"new alt\"}, \"tags\": [\"three\"]}")
                .patch("/api/v1/articles/" + slug)
                .then().statusCode(200)
                .body("summary", equalTo("Now with a summary"))
                .body("title", equalTo("A story for the test"))
                .body("heroImage.url", equalTo("https://images.example.org/2.jpg"))
                .body("heroImage.alt", equalTo("new alt"))
                .body("tags", contains("three"))
                .body("body", equalTo("Some **Markdown** text.\n"));
    }

    @Test
    void mergePatchNullRemovesAField() {
        Map<String, Object> article = Api.article(Api.section());
        article.put("heroImage", Map.of("url", "https://images.example.org/3.jpg"));
        article.put("dateline", "Kyiv");
        String slug = Api.create(article);
        editor().contentType("application/merge-patch+json").body("{\"heroImage\": null, \"dateline\": null}")
                .patch("/api/v1/articles/" + slug)
                .then().statusCode(200).body("heroImage", nullValue()).body("dateline", nullValue());
    }

    @Test
    void mergePatchThatBreaksValidationChangesNothing() {
        String slug = Api.create(Api.article(Api.section()));
        editor().contentType("application/merge-patch+json").body("{\"title\": null, \"section\": \"no-such-section\"}")
                .patch("/api/v1/articles/" + slug)
                .then().statusCode(400).body("errors.field", hasItem("title"));
        editor().contentType("application/merge-patch+json").body("{\"bogus\": 1}")
                .patch("/api/v1/articles/" + slug)
                .then().statusCode(400).body("errors[0].field", equalTo("bogus"));
        editor().contentType("application/merge-patch+json").body("[1, 2]")
                .patch("/api/v1/articles/" + slug)
                .then().statusCode(400).contentType("application/problem+json");
        editor().contentType("application/merge-patch+json").body("{\"title\": ")
                .patch("/api/v1/articles/" + slug)
                .then().statusCode(400).body("type", equalTo("urn:broadsheet:problem:malformed-json"));
        anonymous().get("/api/v1/articles/" + slug).then().body("title", equalTo("A story for the test"));
    }

    @Test
    void mergePatchCanMoveTheArticleToAnotherSection() {
        String slug = Api.create(Api.article(Api.section()));
        String other = Api.section();
        editor().contentType("application/merge-patch+json").body(Map.of("section", other))
                .patch("/api/v1/articles/" + slug)
                .then().statusCode(200).body("section.slug", equalTo(other));
    }

    @Test
    void mergePatchRenamingToATakenSlugIs409() {
        String section = Api.section();
        String taken = Api.create(Api.article(section));
        String slug = Api.create(Api.article(section));
        editor().contentType("application/merge-patch+json").body(Map.of("slug", taken))
                .patch("/api/v1/articles/" + slug).then().statusCode(409);
    }

    @Test
    void deletedArticleIsGone() {
        String slug = Api.create(Api.article(Api.section()));
        editor().delete("/api/v1/articles/" + slug).then().statusCode(204);
        anonymous().get("/api/v1/articles/" + slug).then().statusCode(404);
        editor().delete("/api/v1/articles/" + slug).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void writesNeedAToken() {
        String slug = Api.create(Api.article(Api.section()));
        Map<String, Object> article = Api.article(Api.section());
        anonymous().contentType(ContentType.JSON).body(article).post("/api/v1/articles")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer").contentType("application/problem+json");
        anonymous().contentType(ContentType.JSON).body(article).put("/api/v1/articles/" + slug).then().statusCode(401);
        anonymous().contentType("application/merge-patch+json").body("{}").patch("/api/v1/articles/" + slug).then().statusCode(401);
        anonymous().delete("/api/v1/articles/" + slug).then().statusCode(401);
        anonymous().header("Authorization", "Bearer wrong-token").delete("/api/v1/articles/" + slug)
                .then().statusCode(401).body("detail", containsString("unknown"));
        anonymous().get("/api/v1/articles/" + slug).then().statusCode(200);
    }

    @Test
    void draftsArchivedAndScheduledArticlesAreInvisibleToThePublic() {
        String section = Api.section();
        String published = Api.create(Api.article(section));
        Map<String, Object> draft = Api.article(section);
        draft.put("status", "DRAFT");
        Map<String, Object> archived = Api.article(section);
        archived.put("status", "ARCHIVED");
        Map<String, Object> scheduled = Api.article(section);
        scheduled.put("publishedAt", Instant.now().plusSeconds(86400).toString());
        List<String> hidden = List.of(Api.create(draft), Api.create(archived), Api.create(scheduled));

        for (String slug : hidden) {
            anonymous().get("/api/v1/articles/" + slug).then().statusCode(404);
            editor().get("/api/v1/articles/" + slug).then().statusCode(200).header("Cache-Control", containsString("no-store"));
        }
        anonymous().queryParam("section", section).get("/api/v1/articles")
                .then().statusCode(200).body("items.slug", contains(published));
        editor().queryParam("section", section).get("/api/v1/articles")
                .then().statusCode(200).body("items.slug", contains(published));
    }

    @Test
    void editorsListByStatus() {
        String section = Api.section();
        Map<String, Object> draft = Api.article(section);
        draft.put("status", "DRAFT");
        draft.remove("publishedAt");
        String draftSlug = Api.create(draft);
        Map<String, Object> scheduled = Api.article(section);
        scheduled.put("publishedAt", Instant.now().plusSeconds(86400).toString());
        String scheduledSlug = Api.create(scheduled);
        String published = Api.create(Api.article(section));

        editor().queryParam("section", section).queryParam("status", "DRAFT").get("/api/v1/articles")
                .then().statusCode(200).body("items.slug", contains(draftSlug));
        editor().queryParam("section", section).queryParam("status", "PUBLISHED").get("/api/v1/articles")
                .then().statusCode(200).body("items.slug", contains(scheduledSlug, published));
        editor().queryParam("section", section).queryParam("status", "ANY").queryParam("count", "true").get("/api/v1/articles")
                .then().statusCode(200).body("total", equalTo(3));
        anonymous().queryParam("status", "DRAFT").get("/api/v1/articles").then().statusCode(401);
        editor().queryParam("status", "LIVE").get("/api/v1/articles").then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void listLeavesOutBodies() {
        String section = Api.section();
        Api.create(Api.article(section));
        anonymous().queryParam("section", section).get("/api/v1/articles").then().statusCode(200)
                .body("items[0].title", equalTo("A story for the test"))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("body")))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("bodyHtml")))
                .body("items[0].section.slug", equalTo(section))
                .body("next", nullValue())
                .body("$", not(org.hamcrest.Matchers.hasKey("total")));
    }

    @Test
    void sectionFilterIncludesChildSections() {
        String parent = Api.section();
        String child = Api.section(parent);
        String other = Api.section();
        String inParent = publishedAt(parent, "2026-01-01T10:00:00Z");
        String inChild = publishedAt(child, "2026-01-01T11:00:00Z");
        publishedAt(other, "2026-01-01T12:00:00Z");
        anonymous().queryParam("section", parent).get("/api/v1/articles")
                .then().statusCode(200).body("items.slug", contains(inChild, inParent));
        anonymous().queryParam("section", child).get("/api/v1/articles")
                .then().statusCode(200).body("items.slug", contains(inChild));
        anonymous().queryParam("section", "no-such-section").get("/api/v1/articles")
                .then().statusCode(400).body("errors[0].field", equalTo("section"));
    }

    @Test
    void filtersByTagAuthorFeaturedAndTime() {
        String tag = Api.unique("tag");
        String author = Api.unique("Author");
        String section = Api.section();
        Map<String, Object> a = Api.article(section);
        a.put("tags", List.of(tag, "common"));
        a.put("authors", List.of(author));
        a.put("featured", true);
        a.put("publishedAt", "2025-03-01T08:00:00Z");
        Map<String, Object> b = Api.article(section);
        b.put("tags", List.of(tag));
        b.put("publishedAt", "2025-03-05T08:00:00Z");
        String slugA = Api.create(a);
        String slugB = Api.create(b);

        anonymous().queryParam("tag", tag).get("/api/v1/articles").then().body("items.slug", contains(slugB, slugA));
        anonymous().queryParam("author", Slugs.derive(author).orElseThrow()).get("/api/v1/articles").then().body("items.slug", contains(slugA));
        anonymous().queryParam("author", "nobody-" + tag).get("/api/v1/articles").then().statusCode(200).body("items", empty());
        anonymous().queryParam("tag", tag).queryParam("featured", "true").get("/api/v1/articles").then().body("items.slug", contains(slugA));
        anonymous().queryParam("tag", tag).queryParam("featured", "false").get("/api/v1/articles").then().body("items.slug", contains(slugB));
        anonymous().queryParam("tag", tag).queryParam("from", "2025-03-02").get("/api/v1/articles").then().body("items.slug", contains(slugB));
        anonymous().queryParam("tag", tag).queryParam("to", "2025-03-01").get("/api/v1/articles").then().body("items.slug", contains(slugA));
        anonymous().queryParam("tag", tag).queryParam("from", "2025-03-01T08:00:00Z").queryParam("to", "2025-03-05T08:00:00Z")
                .get("/api/v1/articles").then().body("items.slug", contains(slugB, slugA));
        anonymous().queryParam("tag", tag).queryParam("sort", "publishedAt").get("/api/v1/articles").then().body("items.slug", contains(slugA, slugB));
        anonymous().queryParam("tag", tag).queryParam("count", "true").get("/api/v1/articles").then().body("total", equalTo(2));
    }

    @Test
    void sortByRecentlyUpdated() {
        String tag = Api.unique("tag");
        Map<String, Object> older = Api.article(Api.section());
        older.put("tags", List.of(tag));
        older.put("publishedAt", "2025-01-01T00:00:00Z");
        Map<String, Object> newer = Api.article(Api.section());
        newer.put("tags", List.of(tag));
        newer.put("publishedAt", "2025-06-01T00:00:00Z");
        String olderSlug = Api.create(older);
        String newerSlug = Api.create(newer);
        editor().contentType("application/merge-patch+json").body("{\"summary\": \"touched\"}")
                .patch("/api/v1/articles/" + olderSlug).then().statusCode(200);
        anonymous().queryParam("tag", tag).queryParam("sort", "-updatedAt").get("/api/v1/articles")
                .then().body("items.slug", contains(olderSlug, newerSlug));
    }

    @Test
    void badListParametersAreEachNamed() {
        anonymous().queryParam("limit", "101").queryParam("sort", "title").queryParam("from", "last week")
                .queryParam("featured", "yes").queryParam("count", "1").queryParam("cursor", "not-a-cursor")
                .get("/api/v1/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("limit", "sort", "from", "featured", "count"));
        anonymous().queryParam("limit", "abc").get("/api/v1/articles").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        anonymous().queryParam("limit", "0").get("/api/v1/articles").then().statusCode(400);
        anonymous().queryParam("cursor", "bm90LWEtY3Vyc29y").get("/api/v1/articles").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void cursorOfAnotherSortIsRefused() {
        String tag = Api.unique("tag");
        for (int i = 0; i < 2; i++) {
            Map<String, Object> a = Api.article(Api.section());
            a.put("tags", List.of(tag));
            Api.create(a);
        }
        String next = anonymous().queryParam("tag", tag).queryParam("limit", 1).get("/api/v1/articles").then().extract().path("next");
        anonymous().queryParam("tag", tag).queryParam("cursor", next).queryParam("sort", "publishedAt").get("/api/v1/articles")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void pageWalkSeesNoDuplicateAndNoGapWhenAnArticleIsPublishedMeanwhile() {
        String tag = Api.unique("paging");
        String section = Api.section();
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Map<String, Object> a = Api.article(section);
            a.put("tags", List.of(tag));
            // two share a publication time, so the id must break the tie
            a.put("publishedAt", Instant.parse("2026-02-01T00:00:00Z").minusSeconds(i == 4 ? 3 * 60 : i * 60L).toString());
            expected.add(Api.create(a));
        }
        List<String> seen = new java.util.ArrayList<>();
        var first = anonymous().queryParam("tag", tag).queryParam("limit", 3).get("/api/v1/articles")
                .then().statusCode(200).header("Link", containsString("rel=\"next\"")).extract();
        seen.addAll(first.jsonPath().getList("items.slug"));
        String cursor = first.path("next");

        Map<String, Object> breaking = Api.article(section);
        breaking.put("tags", List.of(tag));
        breaking.put("publishedAt", Instant.now().minusSeconds(1).toString());
        Api.create(breaking);

        while (cursor != null) {
            var page = anonymous().queryParam("tag", tag).queryParam("limit", 3).queryParam("cursor", cursor).get("/api/v1/articles")
                    .then().statusCode(200).extract();
            seen.addAll(page.jsonPath().getList("items.slug"));
            cursor = page.path("next");
        }
        assertEquals(expected.size(), seen.size(), "no duplicates, no gaps: " + seen);
        assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(seen));
        List<String> newestFirst = anonymous().queryParam("tag", tag).queryParam("limit", 100).get("/api/v1/articles")
                .then().extract().jsonPath().getList("items.slug");
        assertEquals(newestFirst.subList(1, newestFirst.size()), seen, "pages follow the list order");
    }

    @Test
    void linkHeaderMirrorsNext() {
        String tag = Api.unique("link");
        for (int i = 0; i < 3; i++) {
            Map<String, Object> a = Api.article(Api.section());
            a.put("tags", List.of(tag));
            Api.create(a);
        }
        var page = anonymous().queryParam("tag", tag).queryParam("limit", 2).get("/api/v1/articles").then().extract();
        String next = page.path("next");
        String link = page.header("Link");
        org.hamcrest.MatcherAssert.assertThat(link, containsString("cursor=" + next));
        org.hamcrest.MatcherAssert.assertThat(link, containsString("tag=" + tag));
        org.hamcrest.MatcherAssert.assertThat(link, endsWith("; rel=\"next\""));
        String url = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        anonymous().get(url).then().statusCode(200).body("items.size()", equalTo(1)).body("next", nullValue());
        anonymous().get(url).then().header("Link", nullValue());
    }

    @Test
    void emptyListHasNoNext() {
        anonymous().queryParam("tag", Api.unique("none")).get("/api/v1/articles")
                .then().statusCode(200).body("items", empty()).body("next", nullValue());
    }

    @Test
    void readingTimeGrowsWithTheBody() {
        Map<String, Object> article = Api.article(Api.section());
        article.put("body", "word ".repeat(1000));
        String slug = Api.create(article);
        anonymous().get("/api/v1/articles/" + slug).then()
                .body("wordCount", equalTo(1000))
                .body("readingTimeMinutes", equalTo(4));
    }

    private static String publishedAt(String section, String time) {
        Map<String, Object> article = Api.article(section);
        article.put("publishedAt", time);
        return Api.create(article);
    }
}
