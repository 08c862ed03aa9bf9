package news.broadsheet.author;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import news.broadsheet.Api;
import news.broadsheet.slug.Slugs;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import static news.broadsheet.Api.anonymous;
import static news.broadsheet.Api.editor;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Authors as people: bylines that name them, their pages, who sees them, and when they may go. */
@QuarkusTest
class AuthorResourceTest {

    @Inject
    DataSource dataSource;

    @Test
    void bylinesAnswerSlugAndNameInTheOrderGiven() {
        String first = Api.unique("Zofia Wiśniewska");
        String second = Api.unique("Adam Kowalski");
        Map<String, Object> article = Api.article(Api.section());
        article.put("authors", List.of(first, second));
        String slug = Api.create(article);

        anonymous().get("/api/v1/articles/" + slug).then()
                .body("authors.name", contains(first, second))
                .body("authors.slug", contains(slugOf(first), slugOf(second)));
        anonymous().queryParam("author", slugOf(second)).get("/api/v1/articles").then()
                .body("items[0].slug", equalTo(slug))
                .body("items[0].authors.name", contains(first, second));
    }

    @Test
    void aSlugOrAnyNameThatDerivesItNamesTheSameAuthor() throws Exception {
        String name = Api.unique("Hanna Łukasik");
        String section = Api.section();
        Map<String, Object> byName = Api.article(section);
        byName.put("authors", List.of(name));
        Api.create(byName);
        Map<String, Object> bySlug = Api.article(section);
        bySlug.put("authors", List.of(slugOf(name), name.toUpperCase()));
        String slug = Api.create(bySlug);

        anonymous().get("/api/v1/articles/" + slug).then().body("authors.name", contains(name)); // once, named as first written
        assertEquals(1, authorsWithSlug(slugOf(name)));
        anonymous().queryParam("author", slugOf(name)).queryParam("count", "true").get("/api/v1/articles").then().body("total", equalTo(2));
    }

    @Test
    void aBylineWithoutLetterOrDigitIsRefusedAndNothingIsStored() {
        Map<String, Object> article = Api.article(Api.section());
        article.put("authors", List.of("Ola Nowak", "—"));
        editor().contentType(ContentType.JSON).body(article).put("/api/v1/articles/" + article.get("slug")).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("authors"));
        editor().get("/api/v1/articles/" + article.get("slug")).then().statusCode(404);
    }

    @Test
    void editorsFillInAnAuthorThatABylineCreated() {
        String name = Api.unique("Mei Tanaka");
        Map<String, Object> article = Api.article(Api.section());
        article.put("authors", List.of(name));
        String articleSlug = Api.create(article);
        String slug = slugOf(name);
        String before = anonymous().get("/api/v1/articles/" + articleSlug).then().extract().header("ETag");

        Map<String, Object> author = new HashMap<>();
        author.put("name", name);
        author.put("jobTitle", "Tokyo correspondent");
        author.put("bio", "Mei writes about <script>alert(1)</script> **trade**.");
        author.put("links", List.of("https://mastodon.example/@mei"));
        author.put("email", "mei@news.example");
        author.put("photo", Map.of("url", "https://images.example.org/mei.jpg", "alt", name));
        editor().contentType(ContentType.JSON).body(author).put("/api/v1/authors/" + slug).then().statusCode(200)
                .body("email", equalTo("mei@news.example"));

        anonymous().get("/api/v1/authors/" + slug).then().statusCode(200)
                .header("Cache-Control", containsString("public"))
                .body("jobTitle", equalTo("Tokyo correspondent"))
                .body("bioHtml", containsString("<strong>trade</strong>"))
                .body("bioHtml", not(containsString("script")))
                .body("photo.url", equalTo("https://images.example.org/mei.jpg"))
                .body("links", contains("https://mastodon.example/@mei"))
                .body("$", not(org.hamcrest.Matchers.hasKey("email")));
        editor().get("/api/v1/authors/" + slug).then().header("Cache-Control", "private, no-store").body("email", equalTo("mei@news.example"));

        // renamed: the article's byline follows, and its ETag moves with it
        editor().contentType("application/merge-patch+json").body("{\"name\": \"Mei Tanaka-Sato\", \"slug\": \"" + slug + "-sato\"}")
                .patch("/api/v1/authors/" + slug).then().statusCode(200);
        anonymous().get("/api/v1/articles/" + articleSlug).then()
                .body("authors[0].slug", equalTo(slug + "-sato"))
                .body("authors[0].name", equalTo("Mei Tanaka-Sato"))
                .header("ETag", not(equalTo(before)));
        anonymous().get("/api/v1/authors/" + slug).then().statusCode(404);
    }

    @Test
    void thePublicSeesOnlyAuthorsOfPublishedArticles() {
        String published = Api.unique("Published Person");
        String drafted = Api.unique("Draft Person");
        String scheduled = Api.unique("Scheduled Person");
        String section = Api.section();
        Map<String, Object> a = Api.article(section);
        a.put("authors", List.of(published));
        Api.create(a);
        Map<String, Object> b = Api.article(section);
        b.put("authors", List.of(drafted));
        b.put("status", "DRAFT");
        Api.create(b);
        Map<String, Object> c = Api.article(section);
        c.put("authors", List.of(scheduled));
        c.put("publishedAt", Instant.now().plusSeconds(3600).toString());
        Api.create(c);

        anonymous().get("/api/v1/authors/" + slugOf(published)).then().statusCode(200);
        anonymous().get("/api/v1/authors/" + slugOf(drafted)).then().statusCode(404).contentType("application/problem+json");
        anonymous().get("/api/v1/authors/" + slugOf(scheduled)).then().statusCode(404);
        editor().get("/api/v1/authors/" + slugOf(drafted)).then().statusCode(200);

        List<String> publicSlugs = allSlugs(false);
        List<String> editorSlugs = allSlugs(true);
        assertEquals(true, publicSlugs.contains(slugOf(published)));
        assertEquals(false, publicSlugs.contains(slugOf(drafted)));
        assertEquals(false, publicSlugs.contains(slugOf(scheduled)));
        assertEquals(true, editorSlugs.contains(slugOf(drafted)));
        assertEquals(publicSlugs.stream().sorted().toList(), publicSlugs, "by slug");
    }

    @Test
    void anAuthorCreditedOnAnArticleCannotBeDeleted() {
        String name = Api.unique("Oleh Bondar");
        Map<String, Object> article = Api.article(Api.section());
        article.put("authors", List.of(name));
        article.put("status", "DRAFT");
        String articleSlug = Api.create(article);

        editor().delete("/api/v1/authors/" + slugOf(name)).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:broadsheet:problem:author-in-use"))
                .body("detail", containsString("credited on 1 article(s)"));
        editor().get("/api/v1/authors/" + slugOf(name)).then().statusCode(200);

        editor().delete("/api/v1/articles/" + articleSlug).then().statusCode(204);
        editor().delete("/api/v1/authors/" + slugOf(name)).then().statusCode(204);
        editor().get("/api/v1/authors/" + slugOf(name)).then().statusCode(404);
    }

    @Test
    void authorsAreCreatedWithDerivedSlugsAndPagedByCursor() {
        String name = Api.unique("Ana Pérez");
        Map<String, Object> body = Map.of("name", name);
        String first = editor().contentType(ContentType.JSON).body(body).post("/api/v1/authors").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/authors/" + slugOf(name))).extract().path("slug");
        String second = editor().contentType(ContentType.JSON).body(body).post("/api/v1/authors").then().statusCode(201)
                .extract().path("slug");
        assertEquals(slugOf(name), first);
        assertEquals(slugOf(name) + "-2", second, "a namesake is another person");
        editor().contentType(ContentType.JSON).body(Map.of("name", name, "slug", first)).post("/api/v1/authors").then().statusCode(409);
        editor().contentType(ContentType.JSON).body(Map.of("name", "x", "links", List.of("javascript:alert(1)"))).post("/api/v1/authors")
                .then().statusCode(400).body("errors.field", hasItem("links[0]"));
        editor().contentType(ContentType.JSON).body(Map.of("name", "x", "email", "not an address")).post("/api/v1/authors")
                .then().statusCode(400).body("errors.field", hasItem("email"));

        List<String> pages = new ArrayList<>();
        String cursor = null;
        do {
            var request = editor().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/authors").then().statusCode(200).extract();
            pages.addAll(page.path("items.slug"));
            cursor = page.path("next");
        } while (cursor != null && pages.size() < 10_000);
        assertEquals(pages.stream().distinct().sorted().toList(), pages, "each author once, by slug");
        editor().queryParam("cursor", "bm9wZQ").get("/api/v1/authors").then().statusCode(400);
        editor().queryParam("limit", 0).get("/api/v1/authors").then().statusCode(400);
    }

    @Test
    void feedsTakeAnAuthor() {
        String name = Api.unique("Feed Writer");
        String section = Api.section();
        Map<String, Object> mine = Api.article(section);
        mine.put("authors", List.of(name));
        mine.put("title", "By the feed writer");
        Api.create(mine);
        Api.create(Api.article(section));

        anonymous().accept("application/feed+json").queryParam("author", slugOf(name)).get("/api/v1/feeds/feed.json").then()
                .statusCode(200)
                .body("title", containsString(name))
                .body("items.title", contains("By the feed writer"))
                .body("items[0].authors[0].name", equalTo(name));
        anonymous().accept("application/feed+json").queryParam("author", "nobody-at-all").get("/api/v1/feeds/feed.json").then()
                .statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void oneNewAuthorNamedByParallelWritersIsOneRow() throws Exception {
        String name = Api.unique("Parallel Person");
        String section = Api.section();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> writes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Map<String, Object> article = Api.article(section);
                article.put("authors", List.of(name));
                Callable<Integer> write = () -> editor().contentType(ContentType.JSON).body(article)
                        .put("/api/v1/articles/" + article.get("slug")).then().extract().statusCode();
                writes.add(pool.submit(write));
            }
            for (Future<Integer> write : writes) {
                assertEquals(201, write.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, authorsWithSlug(slugOf(name)));
        anonymous().queryParam("author", slugOf(name)).queryParam("count", "true").get("/api/v1/articles").then().body("total", equalTo(8));
    }

    @Test
    void guestAuthorsComeFromAnImportOnceAcrossItsLanes() throws Exception {
        String guest = Api.unique("Guest Writer");
        String section = Api.section();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            ndjson.append("{\"slug\":\"").append(Api.unique("imported")).append("\",\"title\":\"Imported ").append(i)
                    .append("\",\"section\":\"").append(section).append("\",\"status\":\"PUBLISHED\",\"authors\":[\"")
                    .append(i % 2 == 0 ? guest : slugOf(guest)).append("\",\"").append(guest).append(" ").append(i % 3)
                    .append("\"]}\n");
        }
        ndjson.append("{\"title\":\"Nameless\",\"section\":\"").append(section).append("\",\"authors\":[\"???\"]}\n");
        editor().contentType("application/x-ndjson").body(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles/import").then().statusCode(200)
                .body("created", equalTo(60))
                .body("rejected[0].line", equalTo(61))
                .body("rejected[0].problem.errors[0].field", equalTo("authors"));

        assertEquals(1, authorsWithSlug(slugOf(guest)));
        anonymous().queryParam("author", slugOf(guest)).queryParam("count", "true").get("/api/v1/articles").then()
                .body("total", equalTo(60))
                .body("items[0].authors[0].name", equalTo(guest))
                .body("items[0].authors[1].name", org.hamcrest.Matchers.startsWith(guest + " "));
        anonymous().get("/api/v1/authors/" + slugOf(guest)).then().statusCode(200).body("bio", equalTo("")).body("jobTitle", nullValue());

        // the same file again changes nothing
        editor().contentType("application/x-ndjson").body(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles/import").then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0));
    }

    @Test
    void anArticleCachedAnswerMovesWhenItsAuthorIsRenamed() {
        String name = Api.unique("Cached Writer");
        Map<String, Object> article = Api.article(Api.section());
        article.put("authors", List.of(name));
        String slug = Api.create(article);
        anonymous().get("/api/v1/articles/" + slug).then().body("authors[0].name", equalTo(name));
        anonymous().get("/api/v1/articles").then().statusCode(200);
        String listTag = anonymous().queryParam("author", slugOf(name)).get("/api/v1/articles").then().extract().header("ETag");

        editor().contentType("application/merge-patch+json").body("{\"name\": \"" + name + " Jr\"}")
                .patch("/api/v1/authors/" + slugOf(name)).then().statusCode(200);

        anonymous().get("/api/v1/articles/" + slug).then().body("authors[0].name", equalTo(name + " Jr"));
        anonymous().queryParam("author", slugOf(name)).get("/api/v1/articles").then()
                .body("items[0].authors[0].name", equalTo(name + " Jr"))
                .header("ETag", not(equalTo(listTag)));
        assertNotEquals(null, listTag);
    }

    private List<String> allSlugs(boolean asEditor) {
        List<String> slugs = new ArrayList<>();
        String cursor = null;
        do {
            var request = (asEditor ? editor() : anonymous()).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/authors").then().statusCode(200).extract();
            slugs.addAll(page.path("items.slug"));
            cursor = page.path("next");
        } while (cursor != null);
        return slugs;
    }

    private int authorsWithSlug(String slug) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select count(*) from author where slug = ?")) {
            query.setString(1, slug);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static String slugOf(String name) {
        return Slugs.derive(name).orElseThrow();
    }
}
