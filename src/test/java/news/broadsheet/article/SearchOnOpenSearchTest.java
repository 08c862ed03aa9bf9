package news.broadsheet.article;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import news.broadsheet.Api;
import news.broadsheet.search.OnOpenSearch;
import news.broadsheet.search.OpenSearchNode;
import org.junit.jupiter.api.Test;

import java.net.HttpURLConnection;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static news.broadsheet.Api.anonymous;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every search test again with OpenSearch as the engine (a real node, started for the tests): the same answers for the
 * same content. Searches wait until the indexer has written what the test wrote.
 */
@QuarkusTest
@TestProfile(OnOpenSearch.class)
class SearchOnOpenSearchTest extends SearchTest {

    @Override
    RequestSpecification search() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(this::indexed);
        return anonymous();
    }

    /** Whether every queued change is written and the live index has taken it. */
    private boolean indexed() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select (select count(*) from search_queue),"
                     + " (select count(*) from search_index where rebuild_index is null and unavailable_since is null)")) {
            row.next();
            if (row.getLong(1) > 0 || row.getLong(2) != 1) {
                return false;
            }
        }
        HttpURLConnection refresh = (HttpURLConnection) URI.create(OpenSearchNode.address() + "/broadsheet-articles/_refresh")
                .toURL().openConnection();
        refresh.setRequestMethod("POST");
        return refresh.getResponseCode() == 200;
    }

    /** Searches take no turns on OpenSearch: the database only reads a page of articles by id. */
    @Override
    void aSearchThatFindsNoTurnIs503AndListsStillAnswer() {
    }

    /** No statement of a search runs long on the database. */
    @Override
    void aSearchThatRunsOutOfTimeIsCancelledAnd503() {
    }

    /** OpenSearch ranks every match (the database ranks its newest head matches): titles, then summaries, then bodies. */
    @Override
    void relevanceRanksTheNewestHeadMatchesThenListsEveryOtherMatchNewestFirst() {
    }

    /** SearchIndexingTest reads the OpenSearch engine's state and rebuilds its index. */
    @Override
    void theDatabaseIsTheSearchEngineAndHasNoIndexToRebuild() {
    }

    @Test
    void everyMatchIsRankedTitleAboveSummaryAboveBodyThenNewestFirst() {
        String word = uniqueWord();
        String section = Api.section();
        List<String> byDay = new ArrayList<>();
        for (int day = 1; day <= 6; day++) {
            Map<String, Object> article = Api.article(section);
            article.put("title", day % 3 == 0 ? "The " + word + " on day " + day : "Day " + day);
            article.put("summary", day % 3 == 1 ? "About the " + word : "Nothing here");
            article.put("body", day % 3 == 2 ? "The " + word + " in the body." : "Plain text.");
            article.put("publishedAt", "2025-03-0" + day + "T12:00:00Z");
            byDay.add(Api.create(article));
        }
        List<String> ranked = search().queryParam("q", word).queryParam("limit", 100).get("/api/v1/articles")
                .then().statusCode(200).extract().jsonPath().getList("items.slug");
        assertEquals(List.of(byDay.get(5), byDay.get(2), byDay.get(3), byDay.get(0), byDay.get(4), byDay.get(1)), ranked);
        for (int limit = 1; limit <= 4; limit++) {
            assertEquals(ranked, allPages(word, limit), "pages of " + limit);
        }
    }

    /**
     * A search's rank is the sum of each word's best field. Without {@code or} the matches with a word in the head are
     * ranked apart from the others; with it every match is scored in one search: the same order either way, and on
     * every page size, across the two parts' boundary.
     */
    @Test
    void wordsRankByTheSumOfTheirBestFieldsThenNewestFirst() {
        String first = uniqueWord();
        String second = uniqueWord();
        String common = uniqueWord() + " " + uniqueWord();
        String section = Api.section();
        // title, summary, body of each article; published one day apart in this order, so time alone would not rank them
        String[][] articles = {
                {"Day " + second, "About the " + first, "Plain " + common},                  // 4: 2 + 8, the oldest of the tens
                {"The " + first, "Nothing here", "The " + second + " " + common},             // 5: 8 + 0
                {"Plain", "Nothing here", first + " and " + second + " " + common},           // 7: 0 + 0
                {first + " and " + second, "Nothing here", common},                          // 1: 8 + 8
                {"The " + first, "About " + second, common},                                  // 3: 8 + 2, the newest of the tens
                {"Plain", "About " + first + " and " + second, common},                       // 6: 2 + 2
                {"Plain", "Nothing here", first + " " + common + " with " + second + "."},    // 8: 0 + 0, newer than 7
        };
        List<String> slugs = new ArrayList<>();
        for (int day = 0; day < articles.length; day++) {
            Map<String, Object> article = Api.article(section);
            article.put("title", articles[day][0]);
            article.put("summary", articles[day][1]);
            article.put("body", articles[day][2]);
            article.put("publishedAt", "2025-06-0" + (day + 1) + "T12:00:00Z");
            slugs.add(Api.create(article));
        }
        List<String> expected = List.of(slugs.get(3), slugs.get(4), slugs.get(0), slugs.get(1), slugs.get(5), slugs.get(6), slugs.get(2));
        String both = first + " " + second;
        for (String query : new String[]{both, both + " " + common, both + " or " + both}) {
            List<String> ranked = search().queryParam("q", query).queryParam("limit", 100).queryParam("count", true).get("/api/v1/articles")
                    .then().statusCode(200).body("total", equalTo(7)).extract().jsonPath().getList("items.slug");
            assertEquals(expected, ranked, query);
            for (int limit = 1; limit <= 3; limit++) {
                int size = limit;
                assertEquals(expected, Api.slugsOfEveryPage(() -> search().queryParam("q", query).queryParam("limit", size)),
                        query + ", pages of " + limit);
            }
        }
    }
}
