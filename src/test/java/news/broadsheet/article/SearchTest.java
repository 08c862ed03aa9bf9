package news.broadsheet.article;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import news.broadsheet.Api;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.time.Duration;

import static news.broadsheet.Api.anonymous;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

/** Full-text search with q: weighted, accent-insensitive, web-search syntax, combinable with filters and paging. */
@QuarkusTest
class SearchTest {

    private static final Random RANDOM = new Random();

    /** A made-up word no other test uses, so each test searches only its own articles. */
    static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    private static String publish(String section, String title, String summary, String body) {
        Map<String, Object> article = Api.article(section);
        article.put("title", title);
        article.put("summary", summary);
        article.put("body", body);
        return Api.create(article);
    }

    @Inject
    DataSource dataSource;

    /**
     * Issue 19, finding 9: a search that runs past broadsheet.limits.query-timeout (5 s in the test profile) is
     * cancelled and answered 503 with Retry-After, so it gives its connection back instead of holding it for minutes.
     * A lock held on the section table stands in for an expensive search: the list query waits on it.
     */
    @Test
    void aSearchThatRunsOutOfTimeIsCancelledAnd503() throws Exception {
        String word = uniqueWord();
        publish(Api.section(), "The " + word + " returns", "Summary", "Body.");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("lock table section in access exclusive mode");
            try {
                long started = System.nanoTime();
                anonymous().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                                .setParam("http.socket.timeout", 15_000))) // without a time limit, the search would wait for the lock
                        .queryParam("q", word).get("/api/v1/articles")
                        .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "10")
                        .body("type", equalTo("urn:broadsheet:problem:query-timeout"));
                long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
                assertTrue(seconds < 15, "answered after " + seconds + " s");
            } finally {
                connection.rollback();
            }
        }
        search().queryParam("q", word).get("/api/v1/articles").then().statusCode(200).body("items", hasSize(1));
    }

    /**
     * Issue 19, finding 9: searches take turns (broadsheet.limits.concurrent-searches, 2 in the test profile), so costly
     * ones in numbers cannot take every connection; one more waits 2 s for a turn, then is answered 503.
     */
    @Test
    void aSearchThatFindsNoTurnIs503AndListsStillAnswer() throws Exception {
        String word = uniqueWord();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("lock table section in access exclusive mode");
            List<Thread> searches = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    String query = word + " " + uniqueWord();
                    Thread search = new Thread(() -> search().queryParam("q", query).get("/api/v1/articles"));
                    search.start();
                    searches.add(search);
                }
                try (Connection observer = dataSource.getConnection(); Statement waiting = observer.createStatement()) {
                    // two searches hold their turns
                    await().atMost(Duration.ofSeconds(10)).until(() -> waitingOnTheLock(waiting) == 2);
                }
                search().queryParam("q", word).get("/api/v1/articles")
                        .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                        .body("type", equalTo("urn:broadsheet:problem:searches-busy"));
            } finally {
                connection.rollback();
            }
            for (Thread search : searches) {
                search.join(10_000);
            }
        }
        search().queryParam("q", word).get("/api/v1/articles").then().statusCode(200);
    }

    private static int waitingOnTheLock(Statement statement) throws Exception {
        // only searches count: a scheduled job that touches sections waits on the lock as well
        try (var row = statement.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and query like '%websearch_to_tsquery%'")) {
            row.next();
            return row.getInt(1);
        }
    }

    @Test
    void titleMatchesRankAboveSummaryAboveBody() {
        String word = uniqueWord();
        String section = Api.section();
        String inBody = publish(section, "Council meets", "Nothing here", "The " + word + " was discussed at length.");
        String inTitle = publish(section, "The " + word + " returns", "Nothing here", "Plain text.");
        String inSummary = publish(section, "Council adjourns", "About the " + word, "Plain text.");
        search().queryParam("q", word).get("/api/v1/articles")
                .then().statusCode(200).body("items.slug", contains(inTitle, inSummary, inBody));
    }

    /** The test profile ranks 5 candidates (broadsheet.search.ranked-candidates); production ranks 1,000. */
    @Test
    void relevanceRanksTheNewestHeadMatchesThenListsEveryOtherMatchNewestFirst() {
        String word = uniqueWord();
        String section = Api.section();
        List<String> headMatches = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            Map<String, Object> article = Api.article(section);
            // the even days match in the title, which ranks above a match in the summary
            article.put("title", day % 2 == 0 ? "The " + word + " on day " + day : "Day " + day);
            article.put("summary", day % 2 == 0 ? "Nothing here" : "About the " + word);
            article.put("publishedAt", "2025-03-0" + day + "T12:00:00Z");
            headMatches.add(Api.create(article));
        }
        Map<String, Object> bodyOnly = Api.article(section);
        bodyOnly.put("title", "Body only");
        bodyOnly.put("body", "The " + word + " in the body.");
        bodyOnly.put("publishedAt", "2025-03-04T18:00:00Z");
        String inBody = Api.create(bodyOnly);
        List<String> ranked = search().queryParam("q", word).queryParam("limit", 100).get("/api/v1/articles")
                .then().statusCode(200).extract().jsonPath().getList("items.slug");
        // days 3..7 are the 5 newest head matches: ranked, titles (days 4, 6) above summaries (days 3, 5, 7)
        assertEquals(Set.of(headMatches.get(3), headMatches.get(5)), Set.copyOf(ranked.subList(0, 2)));
        assertEquals(Set.of(headMatches.get(2), headMatches.get(4), headMatches.get(6)), Set.copyOf(ranked.subList(2, 5)));
        // then every other match, newest first: the body-only match, days 2 and 1
        assertEquals(List.of(inBody, headMatches.get(1), headMatches.get(0)), ranked.subList(5, 8));
        List<String> expected = ranked;
        for (int limit = 1; limit <= 4; limit++) {
            assertEquals(expected, allPages(word, limit), "pages of " + limit);
        }
    }

    /**
     * A search request, once what was written is searchable: at once on the database engine; the OpenSearch run waits
     * for its indexer.
     */
    RequestSpecification search() {
        return anonymous();
    }

    List<String> allPages(String word, int limit) {
        return Api.slugsOfEveryPage(() -> search().queryParam("q", word).queryParam("limit", limit));
    }

    @Test
    void relevancePagesNeitherRepeatNorSkipWhileArticlesArePublished() {
        String word = uniqueWord();
        String section = Api.section();
        Set<String> before = new HashSet<>();
        for (int day = 1; day <= 8; day++) {
            Map<String, Object> article = Api.article(section);
            article.put("title", day % 2 == 0 ? "The " + word + " on day " + day : "Day " + day);
            article.put("summary", day % 2 == 1 ? "About the " + word : "Nothing here");
            article.put("publishedAt", "2025-04-0" + day + "T12:00:00Z");
            before.add(Api.create(article));
        }
        for (int day = 1; day <= 2; day++) {
            Map<String, Object> bodyOnly = Api.article(section);
            bodyOnly.put("body", "The " + word + " in the body.");
            bodyOnly.put("publishedAt", "2025-03-1" + day + "T12:00:00Z");
            before.add(Api.create(bodyOnly));
        }
        var first = search().queryParam("q", word).queryParam("limit", 3).get("/api/v1/articles").then().statusCode(200).extract();
        List<String> seen = new ArrayList<>(first.jsonPath().getList("items.slug"));
        String cursor = first.path("next");
        for (int day = 1; day <= 4; day++) {
            Map<String, Object> newer = Api.article(section);
            newer.put("title", "The " + word + " later " + day);
            newer.put("publishedAt", "2025-04-2" + day + "T12:00:00Z");
            Api.create(newer);
        }
        while (cursor != null) {
            var page = search().queryParam("q", word).queryParam("limit", 3).queryParam("cursor", cursor).get("/api/v1/articles")
                    .then().statusCode(200).extract();
            seen.addAll(page.jsonPath().getList("items.slug"));
            cursor = page.path("next");
        }
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no article twice: " + seen);
        assertTrue(seen.containsAll(before), "every article that matched when paging began: " + seen);
    }

    @Test
    void searchIsAccentInsensitiveBothWays() {
        String word = uniqueWord();
        String section = Api.section();
        String krakow = publish(section, "Kraków " + word + " festival", null, "Text.");
        String lodz = publish(section, "Lodz " + word + " market", null, "Text.");
        search().queryParam("q", "Krakow " + word).get("/api/v1/articles").then().body("items.slug", contains(krakow));
        search().queryParam("q", "Łódź " + word).get("/api/v1/articles").then().body("items.slug", contains(lodz));
    }

    @Test
    void stemmingFindsOtherFormsOfAWord() {
        String word = uniqueWord();
        String slug = publish(Api.section(), "Elections in " + word, null, "Text.");
        search().queryParam("q", "election " + word).get("/api/v1/articles").then().body("items.slug", contains(slug));
    }

    @Test
    void webSearchSyntaxPhrasesOrAndExclusion() {
        String word = uniqueWord();
        String section = Api.section();
        String tramStrike = publish(section, word + " tram strike ends", null, "Text.");
        String strikeOfTrams = publish(section, word + " strike hits trams", null, "Text.");
        String busStrike = publish(section, word + " bus strike", null, "Text.");
        search().queryParam("q", word + " \"tram strike\"").get("/api/v1/articles").then().body("items.slug", contains(tramStrike));
        search().queryParam("q", word + " strike -bus").get("/api/v1/articles")
                .then().body("items.slug", containsInAnyOrder(tramStrike, strikeOfTrams));
        search().queryParam("q", word + " bus or " + word + " ends").get("/api/v1/articles")
                .then().body("items.slug", containsInAnyOrder(tramStrike, busStrike));
    }

    @Test
    void stopWordsAreDroppedAndAQueryOfThemAloneFindsNothing() {
        String word = uniqueWord();
        String slug = publish(Api.section(), "They voted on " + word, null, "Text.");
        search().queryParam("q", "he " + word + " -the").get("/api/v1/articles").then().body("items.slug", contains(slug));
        search().queryParam("q", "\"they voted\" " + word).get("/api/v1/articles").then().body("items.slug", contains(slug));
        search().queryParam("q", "they on or the").queryParam("count", true).get("/api/v1/articles")
                .then().statusCode(200).body("items", empty()).body("total", equalTo(0));
    }

    @Test
    void anyQueryTextIsAccepted() {
        for (String q : List.of("\"unclosed", "!!! & | ( ) :*", "-", "or or or", "a <-> b", "'; drop table article; --", "\\", "ünïcödé ✓ 漢字")) {
            search().queryParam("q", q).get("/api/v1/articles").then().statusCode(200);
        }
    }

    @Test
    void searchCombinesWithFiltersAndExplicitSort() {
        String word = uniqueWord();
        String section = Api.section();
        String other = Api.section();
        Map<String, Object> older = Api.article(section);
        older.put("title", word + " older");
        older.put("publishedAt", "2025-01-01T00:00:00Z");
        Map<String, Object> newer = Api.article(section);
        newer.put("title", "Newer");
        newer.put("body", "Mentions " + word + " in the body only.");
        newer.put("publishedAt", "2025-06-01T00:00:00Z");
        String olderSlug = Api.create(older);
        String newerSlug = Api.create(newer);
        publish(other, word + " elsewhere", null, "Text.");
        search().queryParam("q", word).queryParam("section", section).get("/api/v1/articles")
                .then().body("items.slug", contains(olderSlug, newerSlug));
        search().queryParam("q", word).queryParam("section", section).queryParam("sort", "-publishedAt").get("/api/v1/articles")
                .then().body("items.slug", contains(newerSlug, olderSlug));
        search().queryParam("q", word).queryParam("count", "true").get("/api/v1/articles").then().body("total", equalTo(3));
    }

    @Test
    void pagingThroughRankedResultsHasNoDuplicatesOrGaps() {
        String word = uniqueWord();
        String section = Api.section();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // equal ranks for some, so the id must break ties
            all.add(publish(section, i % 3 == 0 ? word + " in the title " + i : "Story " + i, null,
                    (word + " ").repeat(1 + i % 2) + "body text."));
        }
        List<String> seen = allPages(word, 3);
        assertEquals(7, seen.size(), seen.toString());
        assertEquals(new HashSet<>(all), new HashSet<>(seen));
        List<String> onePage = search().queryParam("q", word).queryParam("limit", 100).get("/api/v1/articles")
                .then().extract().jsonPath().getList("items.slug");
        assertEquals(onePage, seen, "pages follow the ranked order");
    }

    @Test
    void highlightMarksTheMatchAndEscapesTheRest() {
        String word = uniqueWord();
        publish(Api.section(), "Report", null, "Before <script>alert(1)</script> the **" + word + "** appeared & left.");
        search().queryParam("q", word).queryParam("highlight", "true").get("/api/v1/articles")
                .then().statusCode(200)
                .body("items[0].highlight", containsString("<mark>" + word + "</mark>"))
                .body("items[0].highlight", containsString("&amp; left"))
                .body("items[0].highlight", not(containsString("<script")))
                .body("items[0].highlight", not(containsString("**")));
        search().queryParam("q", word).get("/api/v1/articles")
                .then().body("items[0]", not(org.hamcrest.Matchers.hasKey("highlight")));
    }

    @Test
    void anExcludedWordAnywhereExcludesTheArticleFromEveryOrder() {
        String word = uniqueWord();
        String other = uniqueWord();
        String section = Api.section();
        publish(section, "The " + word + " report", "Nothing here", "It mentions " + other + " in the body only.");
        String clean = publish(section, "Another " + word + " report", "Nothing here", "Plain text.");
        for (String sort : new String[]{null, "relevance", "-publishedAt"}) {
            var request = search().queryParam("q", word + " -" + other).queryParam("count", "true");
            if (sort != null) {
                request.queryParam("sort", sort);
            }
            request.get("/api/v1/articles").then().statusCode(200)
                    .body("items.slug", contains(clean)).body("total", equalTo(1));
        }
    }

    @Test
    void equalRanksComeNewestFirst() {
        String word = uniqueWord();
        String section = Api.section();
        List<String> newestFirst = new ArrayList<>();
        for (int day = 9; day >= 1; day--) {
            Map<String, Object> article = Api.article(section);
            article.put("title", "The " + word + " column");
            article.put("publishedAt", "2025-05-0" + day + "T08:00:00Z");
            newestFirst.add(Api.create(article));
        }
        assertEquals(newestFirst, allPages(word, 2));
    }

    @Test
    void aHighlightMarksTheMatchWhereverItIs() {
        String word = uniqueWord();
        String section = Api.section();
        publish(section, "The " + word + " returns", "Nothing in the summary", "Nothing in the body either.");
        publish(section, "Council news", "The " + word + " in the summary", "Nothing in the body.");
        publish(section, "Market news", "Nothing in the summary",
                "A long body. ".repeat(80) + "Then the " + word + " appears near the end. " + "More text. ".repeat(40));
        search().queryParam("q", word).queryParam("highlight", "true").get("/api/v1/articles").then().statusCode(200)
                .body("items.size()", equalTo(3))
                .body("items.highlight", everyItem(containsString("<mark>" + word + "</mark>")));
    }

    @Test
    void aHighlightMarksPhrasesAndIgnoresExcludedWords() {
        String word = uniqueWord();
        String section = Api.section();
        publish(section, "The " + word + " night trains", "Nothing here", "The council approved the night trains on Monday.");
        search().queryParam("q", word + " \"night trains\" -budget").queryParam("highlight", "true").get("/api/v1/articles")
                .then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].highlight", containsString("<mark>night</mark> <mark>trains</mark>"))
                .body("items[0].highlight", not(containsString("budget")));
    }

    @Test
    void unpublishedArticlesAreNotFoundBySearch() {
        String word = uniqueWord();
        Map<String, Object> draft = Api.article(Api.section());
        draft.put("title", word + " draft");
        draft.put("status", "DRAFT");
        Api.create(draft);
        search().queryParam("q", word).get("/api/v1/articles").then().body("items", empty());
    }

    @Test
    void theDatabaseIsTheSearchEngineAndHasNoIndexToRebuild() {
        Api.editor().get("/api/v1/search").then().statusCode(200).body("engine", equalTo("postgres")).body("state", equalTo("ok"));
        Api.editor().post("/api/v1/search/rebuild").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:broadsheet:problem:search-engine-postgres"));
    }

    @Test
    void badSearchParametersAre400() {
        anonymous().queryParam("sort", "relevance").get("/api/v1/articles").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        search().queryParam("q", "x".repeat(501)).get("/api/v1/articles").then().statusCode(400).body("errors[0].field", equalTo("q"));
        search().queryParam("q", "x").queryParam("highlight", "maybe").get("/api/v1/articles").then().statusCode(400);
        search().queryParam("q", "x").queryParam("section", "no-such-section").get("/api/v1/articles").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("section"));
        search().queryParam("q", "x").queryParam("author", "no-such-author").get("/api/v1/articles").then().statusCode(200)
                .body("items", empty());
    }
}
