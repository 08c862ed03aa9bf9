package news.broadsheet.article;

import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.database.BoundSql;
import news.broadsheet.database.Clock;
import news.broadsheet.web.paging.Cursor;
import news.broadsheet.web.problem.InvalidInput;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Search results by relevance, in two parts so that the cost does not grow with the number of matches (in news, a
 * common word matches nearly every article):
 * <ol>
 * <li>the candidates: the {@code broadsheet.search.ranked-candidates} newest articles that match in their title,
 * subtitle or summary (and match the whole query, exclusions included), ranked by how well the head matches
 * (title above subtitle and summary), equal ranks newest first;</li>
 * <li>then every other match, newest first.</li>
 * </ol>
 * A cursor holds a rank and a time in the first part, a time in the second, and in both where the first page's
 * candidates ended: later pages rank within that window (every head match from its oldest candidate on), so articles
 * published while a reader pages move nothing already served and skip nothing that matched.
 */
@ApplicationScoped
class RelevanceSearch {

    private static final String RELEVANCE = ArticleSort.RELEVANCE.parameter;
    private static final String NEWEST = ArticleSort.NEWEST.keyExpression;
    private static final UUID LAST_ID = new UUID(-1L, -1L);
    /** Highlights read at most this much of a body: ts_headline parses all it is given. */
    static final int HIGHLIGHTED_BODY_CHARACTERS = 20_000;

    private final int rankedCandidates;
    private final Duration queryTimeout;

    RelevanceSearch(BroadsheetConfig config) {
        this.rankedCandidates = config.search().rankedCandidates();
        this.queryTimeout = config.limits().queryTimeout();
    }

    ArticleLists.Listed page(Connection connection, ArticleQuery query, ListConditions where) throws SQLException {
        Cursor cursor = query.cursor();
        int limit = query.limit();
        // later pages keep the first page's window of candidates: articles published meanwhile shift nothing served
        Boundary boundary = cursor == null ? null : cursor.window().map(Boundary::decode).orElse(null);
        List<Ranked> ranked = List.of();
        if (cursor == null || !cursor.hasTimeKey()) {
            RankedPage first = ranked(connection, query, where, cursor, boundary, limit + 1);
            ranked = first.rows();
            boundary = first.boundary();
            if (ranked.size() > limit) {
                Ranked last = ranked.get(limit - 1);
                return new ArticleLists.Listed(summaries(ranked.subList(0, limit)),
                        Cursor.after(RELEVANCE, last.rank(), last.time(), last.summary().id()).withWindow(boundary.encode()));
            }
            cursor = null;
        }
        int remaining = limit - ranked.size();
        List<Ranked> rest = otherMatches(connection, query, where, boundary, cursor, remaining + 1);
        List<Ranked> page = new ArrayList<>(ranked);
        page.addAll(rest.subList(0, Math.min(remaining, rest.size())));
        Cursor next = null;
        if (rest.size() > remaining) {
            Ranked last = page.isEmpty() ? null : page.get(page.size() - 1);
            next = remaining == 0 ? Cursor.after(RELEVANCE, Clock.LATEST, LAST_ID)
                    : Cursor.after(RELEVANCE, last.time(), last.summary().id());
            if (boundary != null) {
                next = next.withWindow(boundary.encode());
            }
        }
        return new ArticleLists.Listed(summaries(page), next);
    }

    /** A listed article with its rank (0 past the candidates) and its time. */
    private record Ranked(ArticleSummary summary, float rank, Instant time) {
    }

    /**
     * Where the candidates end: the oldest of them, when head matches may go on past them; {@link #NONE} when every head
     * match is a candidate, so the other matches are simply those that do not match in the head.
     */
    private record Boundary(Instant time, UUID id) {
        static final Boundary NONE = new Boundary(null, null);
        private static final String ALL = "all";

        String encode() {
            return this == NONE ? ALL : time + "/" + id;
        }

        static Boundary decode(String window) {
            if (window.equals(ALL)) {
                return NONE;
            }
            int slash = window.indexOf('/');
            try {
                return new Boundary(Instant.parse(window.substring(0, Math.max(slash, 0))), UUID.fromString(window.substring(slash + 1)));
            } catch (RuntimeException e) {
                throw new InvalidInput("cursor", "is not a cursor from this API");
            }
        }
    }

    private record RankedPage(List<Ranked> rows, Boundary boundary) {
    }

    /** The candidates: newest first, so both parts agree on where the first ends. */
    private BoundSql candidates(BoundSql sql, ArticleQuery query, ListConditions where) {
        sql.append("select a.id, " + NEWEST + " as time, ts_rank(a.search_head, " + ListConditions.QUERY + ") as rank"
                + " from article a where ", query.search());
        where.appendHeadMatch(sql);
        return sql.append(" order by time desc, a.id desc limit " + rankedCandidates);
    }

    /** The candidates of a window the first page fixed: every head match from its oldest candidate on (all when NONE). */
    private BoundSql candidatesWithin(BoundSql sql, ArticleQuery query, ListConditions where, Boundary window) {
        sql.append("select a.id, " + NEWEST + " as time, ts_rank(a.search_head, " + ListConditions.QUERY + ") as rank"
                + " from article a where ", query.search());
        where.appendHeadMatch(sql);
        if (window != Boundary.NONE) {
            sql.append(" and (" + NEWEST + ", a.id) >= (?, ?)", window.time(), window.id());
        }
        return sql;
    }

    /** A page of the candidates by rank, with the boundary the other matches need: one statement, the candidates found once. */
    private RankedPage ranked(Connection connection, ArticleQuery query, ListConditions where, Cursor cursor, Boundary window,
                              int limit) throws SQLException {
        var sql = new BoundSql().append("with candidates as materialized (");
        if (window == null) {
            candidates(sql, query, where);
        } else {
            candidatesWithin(sql, query, where, window);
        }
        sql.append("),\nranked as (select c.id, c.rank, c.time from candidates c");
        if (cursor != null) {
            sql.append(" where (c.rank, c.time, c.id) < (?, ?, ?)", cursor.rank(), cursor.rankedTime(), cursor.id());
        }
        sql.append(" order by c.rank desc, c.time desc, c.id desc limit ?)", limit);
        // one row at least, for the boundary; only the page's rows are joined and read in full
        sql.append("""

                select b.candidates, b.oldest_time, b.oldest_id, p.* from (
                    select (select count(*) from candidates) as candidates, o.time as oldest_time, o.id as oldest_id
                    from (select 1) one left join (select c.time, c.id from candidates c order by c.time, c.id limit 1) o on true) b
                  left join (select %s, r.rank, r.time from ranked r join article a on a.id = r.id
                             join section s on s.id = a.section_id) p on true
                order by p.rank desc, p.time desc, p.id desc""".formatted(ArticleRows.SUMMARY_COLUMNS));
        List<Ranked> rows = new ArrayList<>();
        Boundary boundary = Boundary.NONE;
        try (PreparedStatement statement = sql.prepare(connection, queryTimeout); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                if (row.getLong("candidates") >= rankedCandidates) {
                    boundary = new Boundary(ArticleRows.instant(row, "oldest_time"), row.getObject("oldest_id", UUID.class));
                }
                if (row.getObject("id") != null) {
                    rows.add(new Ranked(ArticleRows.summary(row), row.getFloat("rank"), ArticleRows.instant(row, "time")));
                }
            }
        }
        return new RankedPage(rows, window == null ? boundary : window);
    }

    /**
     * Every match outside the candidates, newest first: those that do not match in the head, and head matches older
     * than the oldest candidate. The boundary is known from the first part, or (on later pages) found again.
     */
    private List<Ranked> otherMatches(Connection connection, ArticleQuery query, ListConditions where, Boundary boundary,
                                      Cursor cursor, int limit) throws SQLException {
        var sql = new BoundSql().append("select " + ArticleRows.SUMMARY_COLUMNS + ", " + NEWEST + " as time"
                + " from article a join section s on s.id = a.section_id where ");
        where.appendTo(sql, ListConditions.FULL_TEXT);
        sql.append(" and (not " + ListConditions.HEAD + " @@ " + ListConditions.QUERY, query.search());
        if (boundary == null) {
            sql.append(" or (" + NEWEST + ", a.id) < (select c.time, c.id from (");
            candidates(sql, query, where).append(") c order by c.time, c.id limit 1))");
        } else if (boundary != Boundary.NONE) {
            sql.append(" or (" + NEWEST + ", a.id) < (?, ?))", boundary.time(), boundary.id());
        } else {
            sql.append(")");
        }
        if (cursor != null) {
            sql.append(" and (" + NEWEST + ", a.id) < (?, ?)", cursor.time(), cursor.id());
        }
        sql.append(" order by time desc, a.id desc limit ?", limit);
        List<Ranked> rows = new ArrayList<>();
        try (PreparedStatement statement = sql.prepare(connection, queryTimeout); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                rows.add(new Ranked(ArticleRows.summary(row), 0f, ArticleRows.instant(row, "time")));
            }
        }
        return rows;
    }

    private static List<ArticleSummary> summaries(List<Ranked> rows) {
        return rows.stream().map(Ranked::summary).toList();
    }

    /**
     * Snippets for one page only (ts_headline parses whole documents) from the title, subtitle, summary and the start
     * of the body, so a snippet shows the match wherever it is. U+0002 and U+0003 mark matches, so the text loses them.
     */
    List<ArticleSummary> withHighlights(Connection connection, String search, List<ArticleSummary> items) throws SQLException {
        Map<UUID, String> snippets = new HashMap<>();
        var sql = new BoundSql().append("""
                select a.id, ts_headline('broadsheet_search',
                    translate(concat_ws(E'\\n', a.title, a.subtitle, a.summary, left(a.body, %d)), chr(2) || chr(3), ''),
                    %s, 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=30, MinWords=12, MaxFragments=2')
                from article a where a.id = any(?)""".formatted(HIGHLIGHTED_BODY_CHARACTERS, ListConditions.QUERY),
                search, items.stream().map(ArticleSummary::id).toArray(UUID[]::new));
        try (PreparedStatement statement = sql.prepare(connection, queryTimeout); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                snippets.put(row.getObject(1, UUID.class), Snippets.toHtml(row.getString(2)));
            }
        }
        return items.stream().map(item -> item.withHighlight(snippets.get(item.id()))).toList();
    }
}
