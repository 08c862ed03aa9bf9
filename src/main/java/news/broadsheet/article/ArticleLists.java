package news.broadsheet.article;

import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.database.BoundSql;
import news.broadsheet.section.SectionTree;
import news.broadsheet.section.UnknownSection;
import news.broadsheet.web.paging.Cursor;
import news.broadsheet.web.paging.Page;
import news.broadsheet.web.problem.ServiceBusy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Article lists in plain SQL, on one connection without a transaction: one indexed keyset query that reads only list
 * columns (never the body), with the section joined in, so a page costs one round trip whatever its size; full-text
 * search adds a GIN-indexed match, and relevance is {@link RelevanceSearch}'s.
 */
@ApplicationScoped
class ArticleLists {

    private static final Duration SEARCH_TURN_WAIT = Duration.ofSeconds(2);
    private static final long SEARCH_RETRY_SECONDS = 5;

    private final DataSource dataSource;
    private final RelevanceSearch relevance;
    private final OpenSearchArticles openSearch;
    private final boolean searchOnOpenSearch;
    private final Duration queryTimeout;
    private final int concurrentSearches;
    private final Semaphore searches;

    ArticleLists(DataSource dataSource, RelevanceSearch relevance, OpenSearchArticles openSearch, BroadsheetConfig config) {
        this.dataSource = dataSource;
        this.relevance = relevance;
        this.openSearch = openSearch;
        this.searchOnOpenSearch = config.search().engine() == BroadsheetConfig.Search.Engine.OPENSEARCH;
        this.queryTimeout = config.limits().queryTimeout();
        this.concurrentSearches = config.limits().concurrentSearches();
        this.searches = new Semaphore(concurrentSearches);
    }

    /**
     * A list; a search (q) waits for one of {@code broadsheet.limits.concurrent-searches} turns, so that costly searches
     * in numbers leave the rest of the connection pool to every other reader. On OpenSearch the cluster finds the
     * matches and the database only reads a page by id, so searches need no turns.
     */
    Page<ArticleSummary> list(ArticleQuery query) {
        if (query.search() == null) {
            return listNow(query);
        }
        if (searchOnOpenSearch) {
            return searchOnOpenSearch(query);
        }
        try {
            if (!searches.tryAcquire(SEARCH_TURN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ServiceBusy("searches-busy", concurrentSearches + " searches are running on this instance; try again in "
                        + SEARCH_RETRY_SECONDS + " seconds", SEARCH_RETRY_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to search", e);
        }
        try {
            return listNow(query);
        } finally {
            searches.release();
        }
    }

    private Page<ArticleSummary> listNow(ArticleQuery query) {
        var where = new ListConditions(query);
        try (Connection connection = dataSource.getConnection()) {
            if (query.section() != null) {
                requireSection(connection, query.section());
            }
            Listed listed = query.sort().byRank() ? relevance.page(connection, query, where) : byKey(connection, query, where);
            List<ArticleSummary> items = listed.items();
            if (query.highlight() && !items.isEmpty()) {
                items = relevance.withHighlights(connection, query.search(), items);
            }
            Long total = query.count() ? count(connection, where) : null;
            return new Page<>(items, listed.next() == null ? null : listed.next().encode(), total);
        } catch (SQLException e) {
            throw new IllegalStateException("Listing articles failed", e);
        }
    }

    private Page<ArticleSummary> searchOnOpenSearch(ArticleQuery query) {
        OpenSearchArticles.Found found = openSearch.search(query);
        return OpenSearchArticles.page(found, inOrder(found.ids(), query.visibility() != ArticleQuery.Visibility.PUBLIC));
    }

    /** One page and the position after it, or null on the last page. */
    record Listed(List<ArticleSummary> items, Cursor next) {
    }

    /** Newest, oldest or recently updated: one keyset query on an index that matches the order. */
    private Listed byKey(Connection connection, ArticleQuery query, ListConditions where) throws SQLException {
        ArticleSort sort = query.sort();
        String direction = sort.descending ? "desc" : "asc";
        var sql = new BoundSql().append("select " + ArticleRows.SUMMARY_COLUMNS + ", " + sort.keyExpression + " as sort_key"
                + " from article a join section s on s.id = a.section_id where ");
        where.appendTo(sql, ListConditions.FULL_TEXT);
        if (query.cursor() != null) {
            sql.append(" and (" + sort.keyExpression + ", a.id) " + (sort.descending ? "<" : ">") + " (?, ?)",
                    query.cursor().time(), query.cursor().id());
        }
        sql.append(" order by sort_key " + direction + ", a.id " + direction + " limit ?", query.limit() + 1);
        List<ArticleSummary> rows = new ArrayList<>();
        Instant lastKey = null;
        try (PreparedStatement statement = sql.prepare(connection, queryTimeout); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                if (rows.size() == query.limit()) {
                    return new Listed(rows, Cursor.after(sort.parameter, lastKey, rows.get(rows.size() - 1).id()));
                }
                rows.add(ArticleRows.summary(row));
                lastKey = ArticleRows.instant(row, "sort_key");
            }
        }
        return new Listed(rows, null);
    }

    /** These articles as list items in this order, ids without an article left out; only public ones unless {@code all}. */
    List<ArticleSummary> inOrder(List<UUID> ids, boolean all) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var sql = new BoundSql().append("select " + ArticleRows.SUMMARY_COLUMNS + " from unnest(?::uuid[]) with ordinality listed(id, position)"
                + " join article a on a.id = listed.id join section s on s.id = a.section_id where (? or article_is_public(a))"
                + " order by listed.position", ids.stream().map(UUID::toString).toArray(String[]::new), all);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = sql.prepare(connection, queryTimeout); ResultSet row = statement.executeQuery()) {
            List<ArticleSummary> items = new ArrayList<>(ids.size());
            while (row.next()) {
                items.add(ArticleRows.summary(row));
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("Listing articles by id failed", e);
        }
    }

    private long count(Connection connection, ListConditions where) throws SQLException {
        var sql = where.appendTo(new BoundSql().append("select count(*) from article a where "), ListConditions.FULL_TEXT);
        try (PreparedStatement statement = sql.prepare(connection, queryTimeout); ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void requireSection(Connection connection, String section) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select 1 from section where id = " + SectionTree.ID_OF_SLUG)) {
            query.setString(1, section);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw UnknownSection.in("section", section);
                }
            }
        }
    }
}
