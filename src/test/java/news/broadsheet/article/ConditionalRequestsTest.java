package news.broadsheet.article;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static news.broadsheet.Api.anonymous;
import static news.broadsheet.Api.editor;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** ETags on reads, If-None-Match for revalidation, If-Match for safe concurrent edits. */
@QuarkusTest
class ConditionalRequestsTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void readAnswersAStrongETagAndRevalidatesWith304() {
        String slug = Api.create(Api.article(Api.section()));
        String etag = anonymous().get("/api/v1/articles/" + slug).then().statusCode(200)
                .header("ETag", matchesPattern("\"[A-Za-z0-9_-]+\"")).extract().header("ETag");
        anonymous().header("If-None-Match", etag).get("/api/v1/articles/" + slug)
                .then().statusCode(304).header("ETag", etag).body(emptyString());
        anonymous().header("If-None-Match", "W/" + etag).get("/api/v1/articles/" + slug).then().statusCode(304);
        anonymous().header("If-None-Match", "\"something-else\"").get("/api/v1/articles/" + slug).then().statusCode(200);
    }

    @Test
    void writesAnswerTheTagThatReadsAnswer() {
        String slug = Api.create(Api.article(Api.section()));
        String written = editor().contentType(MERGE_PATCH).body("{\"summary\": \"new\"}").patch("/api/v1/articles/" + slug)
                .then().statusCode(200).extract().header("ETag");
        String read = anonymous().get("/api/v1/articles/" + slug).then().extract().header("ETag");
        assertEquals(read, written);
    }

    @Test
    void editChangesTheETagAndTheOldOneNoLongerRevalidates() {
        String slug = Api.create(Api.article(Api.section()));
        String before = anonymous().get("/api/v1/articles/" + slug).then().extract().header("ETag");
        editor().contentType(MERGE_PATCH).body("{\"title\": \"Changed\"}").patch("/api/v1/articles/" + slug).then().statusCode(200);
        String after = anonymous().get("/api/v1/articles/" + slug).then().extract().header("ETag");
        assertNotEquals(before, after);
        anonymous().header("If-None-Match", before).get("/api/v1/articles/" + slug).then().statusCode(200).body("title", equalTo("Changed"));
    }

    @Test
    void renamingTheSectionChangesTheArticlesETag() {
        String section = Api.section();
        String slug = Api.create(Api.article(section));
        String before = anonymous().get("/api/v1/articles/" + slug).then().extract().header("ETag");
        editor().contentType(MERGE_PATCH).body("{\"name\": \"Renamed desk\"}").patch("/api/v1/sections/" + section).then().statusCode(200);
        anonymous().header("If-None-Match", before).get("/api/v1/articles/" + slug)
                .then().statusCode(200).body("section.name", equalTo("Renamed desk")).header("ETag", not(before));
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        Map<String, Object> article = Api.article(Api.section());
        String slug = Api.create(article);
        String stale = anonymous().get("/api/v1/articles/" + slug).then().extract().header("ETag");
        editor().contentType(MERGE_PATCH).body("{\"title\": \"First edit\"}").patch("/api/v1/articles/" + slug).then().statusCode(200);

        editor().header("If-Match", stale).contentType(MERGE_PATCH).body("{\"title\": \"Lost update\"}")
                .patch("/api/v1/articles/" + slug)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("urn:broadsheet:problem:stale-version"));
        article.put("title", "Lost update");
        editor().header("If-Match", stale).contentType(ContentType.JSON).body(article).put("/api/v1/articles/" + slug).then().statusCode(412);
        editor().header("If-Match", stale).delete("/api/v1/articles/" + slug).then().statusCode(412);
        anonymous().get("/api/v1/articles/" + slug).then().statusCode(200).body("title", equalTo("First edit"));
    }

    @Test
    void currentIfMatchIsAccepted() {
        String slug = Api.create(Api.article(Api.section()));
        String current = anonymous().get("/api/v1/articles/" + slug).then().extract().header("ETag");
        String next = editor().header("If-Match", current).contentType(MERGE_PATCH).body("{\"title\": \"Edited\"}")
                .patch("/api/v1/articles/" + slug).then().statusCode(200).extract().header("ETag");
        editor().header("If-Match", "\"other\", " + next).delete("/api/v1/articles/" + slug).then().statusCode(204);
    }

    @Test
    void ifMatchOnAMissingArticleIs412() {
        Map<String, Object> article = Api.article(Api.section());
        editor().header("If-Match", "*").contentType(ContentType.JSON).body(article).put("/api/v1/articles/" + article.get("slug"))
                .then().statusCode(412);
        anonymous().get("/api/v1/articles/" + article.get("slug")).then().statusCode(404);
    }

    @Test
    void ifNoneMatchStarCreatesOnly() {
        Map<String, Object> article = Api.article(Api.section());
        String path = "/api/v1/articles/" + article.get("slug");
        editor().header("If-None-Match", "*").contentType(ContentType.JSON).body(article).put(path).then().statusCode(201);
        article.put("title", "Overwritten");
        editor().header("If-None-Match", "*").contentType(ContentType.JSON).body(article).put(path).then().statusCode(412);
        anonymous().get(path).then().body("title", equalTo("A story for the test"));
    }

    @Test
    void sectionsTakeIfMatchToo() {
        String slug = Api.section();
        String etag = anonymous().get("/api/v1/sections/" + slug).then().statusCode(200).extract().header("ETag");
        anonymous().header("If-None-Match", etag).get("/api/v1/sections/" + slug).then().statusCode(304);
        editor().header("If-Match", etag).contentType(MERGE_PATCH).body("{\"name\": \"One\"}").patch("/api/v1/sections/" + slug).then().statusCode(200);
        editor().header("If-Match", etag).contentType(MERGE_PATCH).body("{\"name\": \"Two\"}").patch("/api/v1/sections/" + slug).then().statusCode(412);
        editor().header("If-Match", etag).delete("/api/v1/sections/" + slug).then().statusCode(412);
        anonymous().get("/api/v1/sections/" + slug).then().body("name", equalTo("One"));
    }

    @Test
    void parallelPutsOfOneNewSlugCreateOneArticle() throws Exception {
        Map<String, Object> article = Api.article(Api.section());
        String tag = Api.unique("race");
        article.put("tags", List.of(tag));
        List<Integer> statuses = inParallel(20, () -> editor().contentType(ContentType.JSON).body(article)
                .put("/api/v1/articles/" + article.get("slug")).statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        anonymous().queryParam("tag", tag).queryParam("count", "true").get("/api/v1/articles").then().body("total", equalTo(1));
    }

    @Test
    void parallelPatchesWithOneIfMatchHaveOneWinner() throws Exception {
        String slug = Api.create(Api.article(Api.section()));
        String etag = anonymous().get("/api/v1/articles/" + slug).then().extract().header("ETag");
        List<Integer> statuses = inParallel(10, () -> editor().header("If-Match", etag).contentType(MERGE_PATCH)
                .body("{\"summary\": \"" + Thread.currentThread().getName() + "\"}")
                .patch("/api/v1/articles/" + slug).statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(9, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
    }

    @Test
    void parallelPatchesWithoutIfMatchAllApplyInTurn() throws Exception {
        String slug = Api.create(Api.article(Api.section()));
        long versionBefore = version(slug);
        List<Integer> statuses = inParallel(10, () -> editor().contentType(MERGE_PATCH)
                .body("{\"summary\": \"" + Thread.currentThread().getName() + "\"}")
                .patch("/api/v1/articles/" + slug).statusCode());
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200), statuses);
        assertEquals(versionBefore + 10, version(slug), "each patch applied once, none lost");
    }

    @Inject
    DataSource dataSource;

    private long version(String slug) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select version from article where slug = ?")) {
            query.setString(1, slug);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static List<Integer> inParallel(int count, Callable<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(request));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
