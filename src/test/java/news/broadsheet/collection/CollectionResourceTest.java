package news.broadsheet.collection;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static news.broadsheet.Api.anonymous;
import static news.broadsheet.Api.editor;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Curated collections: the editors' order, what the public sees of it and when, and safe edits. */
@QuarkusTest
class CollectionResourceTest {

    @Test
    void thePublicSeesPublishedArticlesInTheEditorsOrder() {
        String section = Api.section();
        String older = Api.create(Api.article(section));
        String newer = Api.create(Api.article(section));
        Map<String, Object> draft = Api.article(section);
        draft.put("status", "DRAFT");
        String draftSlug = Api.create(draft);
        String slug = Api.unique("picks");

        editor().contentType(ContentType.JSON).body(collection("Picks", older, draftSlug, newer)).put("/api/v1/collections/" + slug)
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/collections/" + slug))
                .body("articles.slug", contains(older, draftSlug, newer));

        for (int view = 0; view < 2; view++) { // the second answer comes from the response cache
            anonymous().get("/api/v1/collections/" + slug).then().statusCode(200)
                    .header("Cache-Control", containsString("public"))
                    .body("name", equalTo("Picks"))
                    .body("articles.slug", contains(older, newer))
                    .body("articles[0].body", nullValue());
        }
        editor().get("/api/v1/collections/" + slug).then().header("Cache-Control", "private, no-store")
                .body("articles.slug", contains(older, draftSlug, newer))
                .body("articles[1].status", equalTo("DRAFT"));
        anonymous().get("/api/v1/collections").then().body("items.slug", hasItem(slug)).body("next", nullValue());
    }

    @Test
    void aScheduledArticleEntersAtItsTimeThroughTheCache() {
        String section = Api.section();
        String live = Api.create(Api.article(section));
        Map<String, Object> scheduled = Api.article(section);
        Instant goesLive = Instant.now().plusSeconds(2);
        scheduled.put("publishedAt", goesLive.toString());
        String scheduledSlug = Api.create(scheduled);
        String slug = Api.unique("top");
        editor().contentType(ContentType.JSON).body(collection("Top", scheduledSlug, live)).put("/api/v1/collections/" + slug)
                .then().statusCode(201);

        String before = anonymous().get("/api/v1/collections/" + slug).then().body("articles.slug", contains(live)).extract().header("ETag");
        anonymous().get("/api/v1/collections/" + slug).then().body("articles.slug", contains(live));
        anonymous().header("If-None-Match", before).get("/api/v1/collections/" + slug).then().statusCode(304);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> Instant.now().isAfter(goesLive.plusMillis(20)));
        anonymous().header("If-None-Match", before).get("/api/v1/collections/" + slug).then().statusCode(200)
                .body("articles.slug", contains(scheduledSlug, live));
    }

    @Test
    void unpublishedAndDeletedArticlesDropOutWithoutAnError() {
        String section = Api.section();
        String kept = Api.create(Api.article(section));
        String unpublished = Api.create(Api.article(section));
        String deleted = Api.create(Api.article(section));
        String slug = Api.unique("picks");
        editor().contentType(ContentType.JSON).body(collection("Picks", unpublished, kept, deleted)).put("/api/v1/collections/" + slug)
                .then().statusCode(201);
        anonymous().get("/api/v1/collections/" + slug).then().body("articles.slug", contains(unpublished, kept, deleted));

        editor().contentType("application/merge-patch+json").body("{\"status\": \"DRAFT\"}").patch("/api/v1/articles/" + unpublished)
                .then().statusCode(200);
        editor().delete("/api/v1/articles/" + deleted).then().statusCode(204);
        anonymous().get("/api/v1/collections/" + slug).then().statusCode(200).body("articles.slug", contains(kept));

        // a renamed article stays in, under its new slug; a new article on the deleted one's slug does not come in
        editor().contentType("application/merge-patch+json").body("{\"slug\": \"" + kept + "-renamed\"}").patch("/api/v1/articles/" + kept)
                .then().statusCode(200);
        Map<String, Object> reused = Api.article(section);
        reused.put("slug", deleted);
        Api.create(reused);
        anonymous().get("/api/v1/collections/" + slug).then().body("articles.slug", contains(kept + "-renamed"));
    }

    @Test
    void badArticleListsAreRefusedNamingTheSlugAndChangeNothing() {
        String section = Api.section();
        String a = Api.create(Api.article(section));
        String slug = Api.unique("picks");
        editor().contentType(ContentType.JSON).body(collection("Picks", a)).put("/api/v1/collections/" + slug).then().statusCode(201);

        editor().contentType(ContentType.JSON).body(collection("Renamed", a, "no-such-story", a)).put("/api/v1/collections/" + slug)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("articles[1]", "articles[2]"))
                .body("errors[0].message", containsString("no-such-story"))
                .body("errors[1].message", containsString("second time"));
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(a + "-" + i);
        }
        editor().contentType(ContentType.JSON).body(collection("Renamed", tooMany.toArray(String[]::new))).put("/api/v1/collections/" + slug)
                .then().statusCode(400).body("errors.field", hasItem("articles"));
        editor().contentType("application/merge-patch+json").body("{\"articles\": [\"no-such-story\"]}").patch("/api/v1/collections/" + slug)
                .then().statusCode(400).body("errors.field", contains("articles[0]"));
        editor().contentType(ContentType.JSON).body(Map.of("name", "x", "articles", List.of(a), "extra", 1)).put("/api/v1/collections/" + slug)
                .then().statusCode(400);
        anonymous().get("/api/v1/collections/" + slug).then().body("name", equalTo("Picks")).body("articles.slug", contains(a));
        anonymous().get("/api/v1/collections/no-such-collection").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void twoEditorsCannotOverwriteEachOthersPicksUnseen() {
        String section = Api.section();
        String a = Api.create(Api.article(section));
        String b = Api.create(Api.article(section));
        String slug = Api.unique("picks");
        String created = editor().contentType(ContentType.JSON).body(collection("Picks", a)).put("/api/v1/collections/" + slug)
                .then().statusCode(201).extract().header("ETag");
        String read = editor().get("/api/v1/collections/" + slug).then().extract().header("ETag");

        // a change to one of its articles is not an edit of the collection: the tag read before still matches
        editor().contentType("application/merge-patch+json").body("{\"title\": \"Retitled\"}").patch("/api/v1/articles/" + a)
                .then().statusCode(200);
        editor().contentType(ContentType.JSON).header("If-Match", read).body(collection("Picks", b, a)).put("/api/v1/collections/" + slug)
                .then().statusCode(200).body("articles.slug", contains(b, a)).body("articles[1].title", equalTo("Retitled"));
        // the other editor's tag is now stale
        editor().contentType(ContentType.JSON).header("If-Match", created).body(collection("Picks", a)).put("/api/v1/collections/" + slug)
                .then().statusCode(412);
        editor().contentType("application/merge-patch+json").header("If-Match", created).body("{\"name\": \"Mine\"}")
                .patch("/api/v1/collections/" + slug).then().statusCode(412);
        editor().header("If-Match", created).delete("/api/v1/collections/" + slug).then().statusCode(412);
        anonymous().get("/api/v1/collections/" + slug).then().body("articles.slug", contains(b, a));

        // an identical rerun changes nothing; PATCH reorders; DELETE goes
        String updatedAt = editor().get("/api/v1/collections/" + slug).then().extract().path("updatedAt");
        editor().contentType(ContentType.JSON).body(collection("Picks", b, a)).put("/api/v1/collections/" + slug)
                .then().statusCode(200).body("updatedAt", equalTo(updatedAt));
        editor().contentType("application/merge-patch+json").body("{\"articles\": [\"" + a + "\"], \"description\": \"Today\"}")
                .patch("/api/v1/collections/" + slug).then().statusCode(200).body("articles.slug", contains(a))
                .body("description", equalTo("Today"));
        editor().delete("/api/v1/collections/" + slug).then().statusCode(204);
        anonymous().get("/api/v1/collections/" + slug).then().statusCode(404);
        anonymous().get("/api/v1/collections").then().body("items.slug", not(hasItem(slug)));
    }

    @Test
    void writesNeedAnEditorsToken() {
        anonymous().contentType(ContentType.JSON).body(collection("Picks")).put("/api/v1/collections/" + Api.unique("c")).then().statusCode(401);
        anonymous().delete("/api/v1/collections/dont-miss").then().statusCode(401);
        anonymous().get("/api/v1/collections/dont-miss").then().statusCode(200).body("articles", not(empty()));
    }

    private static Map<String, Object> collection(String name, String... articles) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("articles", List.of(articles));
        return body;
    }
}
