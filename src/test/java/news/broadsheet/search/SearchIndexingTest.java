package news.broadsheet.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static news.broadsheet.Api.anonymous;
import static news.broadsheet.Api.editor;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Every write path reaches the OpenSearch index by itself (no refresh asked by the test), and no change is lost while
 * the node is down: changes wait in the database's queue, searches answer 503 meanwhile, and everything is searchable
 * once the node is back.
 */
@QuarkusTest
@TestProfile(OnOpenSearch.class)
class SearchIndexingTest {

    /** A healthy cluster shows a change within a second; the wait allows for a loaded test machine. */
    private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(3);

    private static String word() {
        return Api.unique("zq").replaceAll("[^a-z]", "q");
    }

    private static List<String> found(String query) {
        return anonymous().queryParam("q", query).queryParam("limit", 100).get("/api/v1/articles")
                .then().statusCode(200).extract().jsonPath().getList("items.slug");
    }

    private static List<String> everyPage(String query) {
        return Api.slugsOfEveryPage(() -> anonymous().queryParam("q", query).queryParam("limit", 100));
    }

    private static void awaitFound(String query, String... slugs) {
        await().atMost(SEARCHABLE_WITHIN).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertEquals(List.of(slugs).stream().sorted().toList(), found(query).stream().sorted().toList()));
    }

    private static String publish(String section, String title) {
        Map<String, Object> article = Api.article(section);
        article.put("title", title);
        return Api.create(article);
    }

    @Inject
    ArticleIndex index;

    @Test
    void theIndexKnowsWhichMappingItWasBuiltWith() throws Exception {
        String live = index.liveIndex().orElseThrow();
        assertTrue(index.hasCurrentMapping(live));
        String mapping = given().baseUri(OpenSearchNode.address()).get("/" + live + "/_mapping").then().statusCode(200).extract().asString();
        String version = new ObjectMapper().readTree(mapping).path(live).path("mappings").path("_meta").path("mapping").asText();
        try {
            setMappingVersion(live, "an older version");
            assertFalse(index.hasCurrentMapping(live)); // which the indexer rebuilds
        } finally {
            setMappingVersion(live, version);
        }
    }

    private static void setMappingVersion(String index, String version) {
        given().baseUri(OpenSearchNode.address()).contentType(ContentType.JSON).body(Map.of("_meta", Map.of("mapping", version)))
                .put("/" + index + "/_mapping").then().statusCode(200);
    }

    @Test
    void singleWritesUpdatesAndDeletesReachTheIndex() {
        String word = word();
        String section = Api.section();
        String slug = publish(section, "The " + word + " returns");
        awaitFound(word, slug);

        String other = word();
        editor().contentType("application/merge-patch+json").body(Map.of("title", "The " + other + " instead"))
                .patch("/api/v1/articles/" + slug).then().statusCode(200);
        awaitFound(other, slug);
        awaitFound(word);

        editor().delete("/api/v1/articles/" + slug).then().statusCode(204);
        awaitFound(other);
    }

    /** Times from year 1 to 9999 are all the index's (nanosecond dates would end in 2262 and refuse the article). */
    @Test
    void articlesOfAnyStorableTimeAreIndexed() {
        String word = word();
        String section = Api.section();
        Map<String, Object> ancient = Api.article(section);
        ancient.put("title", "The " + word + " of old");
        ancient.put("publishedAt", "0001-01-01T00:00:00Z");
        String old = Api.create(ancient);
        Map<String, Object> distant = Api.article(section);
        distant.put("title", "The " + word + " to come");
        distant.put("publishedAt", "9999-12-31T23:59:59Z");
        String scheduled = Api.create(distant);
        String next = publish(section, "The " + word + " today");
        awaitFound(word, old, next);
        await().atMost(SEARCHABLE_WITHIN).untilAsserted(() -> editor().queryParam("q", word).queryParam("status", "ANY")
                .queryParam("sort", "-publishedAt").get("/api/v1/articles").then().statusCode(200)
                .body("items.slug", contains(scheduled, next, old)));
    }

    @Test
    void importedLinesReachTheIndex() {
        String word = word();
        String section = Api.section();
        StringBuilder lines = new StringBuilder();
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String slug = Api.unique("imported");
            slugs.add(slug);
            lines.append("{\"slug\":\"").append(slug).append("\",\"title\":\"Imported ").append(word).append(' ').append(i)
                    .append("\",\"body\":\"Text.\",\"section\":\"").append(section).append("\",\"status\":\"PUBLISHED\"}\n");
        }
        editor().contentType("application/x-ndjson").body(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/articles/import")
                .then().statusCode(200).body("created", equalTo(30));
        awaitFound(word, slugs.toArray(String[]::new));
    }

    @Test
    void sectionMovesAndRestoresReachTheIndex() {
        String word = word();
        String from = Api.section();
        String to = Api.section();
        String slug = publish(from, "The " + word + " moves");
        awaitFound(word, slug);
        editor().contentType("application/merge-patch+json").body(Map.of("section", to))
                .patch("/api/v1/articles/" + slug).then().statusCode(200);
        await().atMost(SEARCHABLE_WITHIN).untilAsserted(() -> anonymous().queryParam("q", word).queryParam("section", to)
                .get("/api/v1/articles").then().body("items.slug", contains(slug)));
        anonymous().queryParam("q", word).queryParam("section", from).get("/api/v1/articles").then().body("items", empty());

        // a section moved under another is found under its new parent at once: sections are resolved when searching
        String parent = Api.section();
        editor().contentType("application/merge-patch+json").body(Map.of("parent", parent))
                .patch("/api/v1/sections/" + to).then().statusCode(200);
        anonymous().queryParam("q", word).queryParam("section", parent).get("/api/v1/articles").then().body("items.slug", contains(slug));

        // revision 1 had the first section
        editor().post("/api/v1/articles/" + slug + "/revisions/1/restore").then().statusCode(200);
        await().atMost(SEARCHABLE_WITHIN).untilAsserted(() -> anonymous().queryParam("q", word).queryParam("section", from)
                .get("/api/v1/articles").then().body("items.slug", contains(slug)));
    }

    @Test
    void aScheduledArticleIsFoundWhenItsTimeComesWithoutAWrite() {
        String word = word();
        Map<String, Object> article = Api.article(Api.section());
        article.put("title", "The " + word + " at noon");
        article.put("publishedAt", Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString());
        String slug = Api.create(article);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(2)).until(() -> found(word).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> found(word).equals(List.of(slug)));
    }

    @Test
    void noChangeIsLostWhileTheNodeIsDown() throws Exception {
        String word = word();
        String section = Api.section();
        String kept = publish(section, "The " + word + " stays");
        String deleted = publish(section, "The " + word + " goes");
        awaitFound(word, kept, deleted);

        List<String> writtenDuringOutage = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            int i = 0;
            while (writing.get()) {
                writtenDuringOutage.add(publish(section, "The " + word + " during " + i++));
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        writer.start();
        try {
            OpenSearchNode.stopNode();
            editor().delete("/api/v1/articles/" + deleted).then().statusCode(204);
            editor().contentType("application/merge-patch+json").body(Map.of("summary", "Changed while search was down"))
                    .patch("/api/v1/articles/" + kept).then().statusCode(200);

            // the indexer's failed write makes every search 503 rather than an answer that misses changes
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> anonymous().queryParam("q", word).get("/api/v1/articles")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("type", equalTo("urn:broadsheet:problem:search-unavailable")));
            anonymous().queryParam("section", section).get("/api/v1/articles").then().statusCode(200);
            // the indexer finds the node gone at its next attempt; readiness stays UP and says so
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> anonymous().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'search' }.data.search", equalTo("degraded")));
            editor().get("/api/v1/search").then().statusCode(200).body("state", equalTo("degraded"))
                    .body("queuedChanges", not(equalTo(0)));
        } finally {
            OpenSearchNode.startNode();
            writing.set(false);
            writer.join(30_000);
        }
        List<String> expected = new ArrayList<>(writtenDuringOutage);
        expected.add(kept);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertEquals(expected.stream().sorted().toList(), everyPage(word).stream().sorted().toList()));
        anonymous().queryParam("q", word + " \"changed while search was down\"").get("/api/v1/articles")
                .then().body("items.slug", contains(kept));
        anonymous().get("/q/health/ready").then().statusCode(200).body("checks.find { it.name == 'search' }.data.search", equalTo("ok"));
    }

    @Test
    void aRebuildMovesTheAliasToAFullNewIndexWhileWritesGoOn() {
        String word = word();
        String section = Api.section();
        String before = publish(section, "The " + word + " before");
        awaitFound(word, before);
        String oldIndex = editor().get("/api/v1/search").then().statusCode(200).body("state", equalTo("ok"))
                .extract().path("index");

        editor().post("/api/v1/search/rebuild").then().statusCode(202).contentType(ContentType.JSON)
                .body("engine", equalTo("opensearch")).body("rebuild.requestedAt", not(equalTo(null)));
        String during = publish(section, "The " + word + " during");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> editor().get("/api/v1/search").then()
                .body("rebuild", equalTo(null)).body("index", not(equalTo(oldIndex))));
        String after = publish(section, "The " + word + " after");
        awaitFound(word, before, during, after);
        String newIndex = editor().get("/api/v1/search").then().extract().path("index");
        assertNotEquals(oldIndex, newIndex);
    }

    @Test
    void onlyAdminsSeeOrRebuildTheIndex() {
        anonymous().get("/api/v1/search").then().statusCode(401);
        anonymous().post("/api/v1/search/rebuild").then().statusCode(401);
    }
}
