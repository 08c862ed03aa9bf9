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
}
