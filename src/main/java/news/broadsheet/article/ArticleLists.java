package news.broadsheet.article;

import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.database.Clock;
import news.broadsheet.database.SqlArrays;
import news.broadsheet.section.SectionTree;
import news.broadsheet.web.Cursor;
import news.broadsheet.web.Page;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Article lists in plain SQL: one indexed keyset query that reads only list columns (never the body),
 * with the section joined in, so a page costs one round trip whatever its size; full-text search adds a
 * GIN-indexed match, and relevance ranks a bounded set of candidates (see {@link #byRelevance}).
 */
@ApplicationScoped
class ArticleLists {

    private static final String COLUMNS = """
            a.id, a.slug, a.title, a.subtitle, a.summary, s.slug as section_slug, s.name as section_name,
            a.tags, a.authors, a.dateline, a.hero_image_url, a.hero_image_alt, a.hero_image_caption, a.hero_image_credit,
            a.featured, a.status, a.published_at, a.created_at, a.updated_at, a.word_count, a.reading_time_minutes""";

    private static final String RELEVANCE = ArticleSort.RELEVANCE.parameter;
    private static final String NEWEST_KEY = ArticleSort.NEWEST.keyExpression;
    private static final String MATCH_ALL = "a.search";
    private static final String MATCH_HEAD = "a.search_head";
    private static final UUID LAST_ID = new UUID(-1L, -1L);

    private final DataSource dataSource;
    /** How many of the newest head matches a relevance list ranks; the rest of the matches follow, newest first. */
    private final int rankedCandidates;

    ArticleLists(DataSource dataSource, BroadsheetConfig config) {
        this.dataSource = dataSource;
        this.rankedCandidates = config.search().rankedCandidates();
    }

    Page<ArticleSummary> list(ArticleQuery query) {
        var where = new Conditions(query);
        try (Connection connection = dataSource.getConnection()) {
            Listed listed = query.sort().byRank() ? byRelevance(connection, query, where) : byKey(connection, query, where);
            List<ArticleSummary> items = listed.items();
            if (query.highlight() && !items.isEmpty()) {
                items = withHighlights(connection, query.search(), items);
            }
            Long total = query.count() ? count(connection, where) : null;
            return new Page<>(items, listed.next() == null ? null : listed.next().encode(), total);
        } catch (SQLException e) {
            throw new IllegalStateException("Listing articles failed", e);
        }
    }

    private record Listed(List<ArticleSummary> items, Cursor next) {
    }

    /** A listed article and its sort key: a time, or a search rank. */
    private record Row(ArticleSummary summary, Object key) {
        UUID id() {
            return summary.id();
        }
    }

    /** Newest, oldest or recently updated: one keyset query on an index that matches the order. */
    private static Listed byKey(Connection connection, ArticleQuery query, Conditions where) throws SQLException {
        ArticleSort sort = query.sort();
        String direction = sort.descending ? "desc" : "asc";
        String cursor = query.cursor() == null ? ""
                : " and (" + sort.keyExpression + ", a.id) " + (sort.descending ? "<" : ">") + " (?, ?)";
        String sql = where.with() + "select " + COLUMNS + ", " + sort.keyExpression + " as sort_key"
                + " from article a join section s on s.id = a.section_id" + where.joins()
                + " where " + where.sql(MATCH_ALL) + cursor
                + " order by sort_key " + direction + ", a.id " + direction
                + " limit ?";
        List<Row> rows = rows(connection, sql, statement -> {
            int index = where.bind(statement, 1);
            if (query.cursor() != null) {
                statement.setObject(index++, utc(query.cursor().time()));
                statement.setObject(index++, query.cursor().id());
            }
            statement.setInt(index, query.limit() + 1);
        });
        if (rows.size() <= query.limit()) {
            return new Listed(summaries(rows), null);
        }
        Row last = rows.get(query.limit() - 1);
        return new Listed(summaries(rows.subList(0, query.limit())), Cursor.after(sort.parameter, (Instant) last.key(), last.id()));
    }

    /**
     * Relevance, in two parts so that its cost does not grow with the number of matches (in news, a common word
     * matches nearly every article): first the {@code broadsheet.search.ranked-candidates} newest articles whose title, subtitle or
     * summary match, ranked by how well they do (title above subtitle and summary); then every other match, newest
     * first. A cursor holds a rank in the first part and a time in the second.
     */
    private Listed byRelevance(Connection connection, ArticleQuery query, Conditions where) throws SQLException {
        Cursor cursor = query.cursor();
        int limit = query.limit();
        List<Row> ranked = List.of();
        if (cursor == null || !cursor.hasTimeKey()) {
            ranked = ranked(connection, where, cursor, limit + 1);
            if (ranked.size() > limit) {
                Row last = ranked.get(limit - 1);
                return new Listed(summaries(ranked.subList(0, limit)), Cursor.after(RELEVANCE, (Float) last.key(), last.id()));
            }
            cursor = null;
        }
        int remaining = limit - ranked.size();
        List<Row> rest = newestOtherMatches(connection, where, cursor, remaining + 1);
        List<Row> page = new ArrayList<>(ranked);
        page.addAll(rest.subList(0, Math.min(remaining, rest.size())));
        Cursor next = null;
        if (rest.size() > remaining) {
            next = remaining == 0 ? Cursor.after(RELEVANCE, Clock.LATEST, LAST_ID)
                    : Cursor.after(RELEVANCE, (Instant) page.get(page.size() - 1).key(), page.get(page.size() - 1).id());
        }
        return new Listed(summaries(page), next);
    }

    private List<Row> ranked(Connection connection, Conditions where, Cursor cursor, int limit) throws SQLException {
        String sql = where.withMore() + """
                candidates as materialized (%s),
                ranked as (select c.id, c.rank from candidates c %s order by c.rank desc, c.id desc limit ?)
                select %s, r.rank as sort_key from ranked r join article a on a.id = r.id join section s on s.id = a.section_id
                order by r.rank desc, a.id desc""".formatted(
                newestHeadMatches(where, "a.id, " + ArticleSort.RELEVANCE.keyExpression + " as rank"),
                cursor == null ? "" : "where (c.rank, c.id) < (?, ?)", COLUMNS);
        return rows(connection, sql, statement -> {
            int index = where.bind(statement, 1);
            if (cursor != null) {
                statement.setFloat(index++, cursor.rank());
                statement.setObject(index++, cursor.id());
            }
            statement.setInt(index, limit);
        });
    }

    /** Every match outside the ranked candidates: those not matching in the head, and head matches older than them all. */
    private List<Row> newestOtherMatches(Connection connection, Conditions where, Cursor cursor, int limit)
            throws SQLException {
        String sql = where.withMore() + """
                boundary as (select c.time, c.id from (%s) c order by c.time, c.id limit 1)
                select %s, %s as sort_key from article a join section s on s.id = a.section_id cross join q
                where %s and (not a.search_head @@ q.query
                              or exists (select 1 from boundary b where (%s, a.id) < (b.time, b.id))) %s
                order by sort_key desc, a.id desc limit ?""".formatted(
                newestHeadMatches(where, NEWEST_KEY + " as time, a.id"), COLUMNS, NEWEST_KEY, where.sql(MATCH_ALL),
                NEWEST_KEY, cursor == null ? "" : "and (" + NEWEST_KEY + ", a.id) < (?, ?)");
        return rows(connection, sql, statement -> {
            int index = where.bind(statement, 1);
            index = where.bindFilters(statement, index);
            if (cursor != null) {
                statement.setObject(index++, utc(cursor.time()));
                statement.setObject(index++, cursor.id());
            }
            statement.setInt(index, limit);
        });
    }

    /** The candidates relevance ranks, the newest head matches, as one query both parts of a relevance list share. */
    private String newestHeadMatches(Conditions where, String columns) {
        return "select " + columns + " from article a cross join q where " + where.sql(MATCH_HEAD)
                + " order by " + NEWEST_KEY + " desc, a.id desc limit " + rankedCandidates;
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private static List<Row> rows(Connection connection, String sql, Binder binder) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    Object key = row.getObject("sort_key") instanceof Float rank ? rank : instant(row, "sort_key");
                    rows.add(new Row(summary(row), key));
                }
            }
        }
        return rows;
    }

    private static List<ArticleSummary> summaries(List<Row> rows) {
        return rows.stream().map(Row::summary).toList();
    }

    /** Snippets for one page only: ts_headline parses whole documents, so it never runs on the rest of the matches. */
    private static List<ArticleSummary> withHighlights(Connection connection, String search, List<ArticleSummary> items)
            throws SQLException {
        Map<UUID, String> snippets = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select a.id, ts_headline('broadsheet_search', coalesce(a.summary, '') || E'\n' || a.body,
                    websearch_to_tsquery('broadsheet_search', ?),
                    'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=30, MinWords=12, MaxFragments=2')
                from article a where a.id = any(?)""")) {
            statement.setString(1, search);
            statement.setArray(2, connection.createArrayOf("uuid", items.stream().map(ArticleSummary::id).toArray()));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    snippets.put(row.getObject(1, UUID.class), Snippets.toHtml(row.getString(2)));
                }
            }
        }
        return items.stream().map(item -> item.withHighlight(snippets.get(item.id()))).toList();
    }

    private static long count(Connection connection, Conditions where) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                where.with() + "select count(*) from article a" + where.joins() + " where " + where.sql(MATCH_ALL))) {
            where.bind(statement, 1);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static ArticleSummary summary(ResultSet row) throws SQLException {
        String heroUrl = row.getString("hero_image_url");
        return new ArticleSummary(
                row.getObject("id", UUID.class),
                row.getString("slug"),
                row.getString("title"),
                row.getString("subtitle"),
                row.getString("summary"),
                new ArticleSection(row.getString("section_slug"), row.getString("section_name")),
                SqlArrays.strings(row.getArray("tags")),
                SqlArrays.strings(row.getArray("authors")),
                row.getString("dateline"),
                heroUrl == null ? null : new HeroImage(heroUrl, row.getString("hero_image_alt"),
                        row.getString("hero_image_caption"), row.getString("hero_image_credit")),
                row.getBoolean("featured"),
                ArticleStatus.valueOf(row.getString("status")),
                instant(row, "published_at"),
                instant(row, "created_at"),
                instant(row, "updated_at"),
                row.getInt("word_count"),
                row.getInt("reading_time_minutes"),
                null);
    }

    private static OffsetDateTime utc(Instant time) {
        return time.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    /** The WHERE clause of a list and its parameters, in one place so the page and its count agree. */
    private static final class Conditions {
        private static final String PARSED_SEARCH = "q as (select websearch_to_tsquery('broadsheet_search', ?) as query)";
        private final ArticleQuery query;

        Conditions(ArticleQuery query) {
            this.query = query;
        }

        /** The search query, parsed once; any text is accepted (websearch_to_tsquery never fails on syntax). */
        String with() {
            return query.search() == null ? "" : "with " + PARSED_SEARCH + " ";
        }

        /** {@link #with} followed by a comma, for statements that define more common table expressions. */
        String withMore() {
            return "with " + PARSED_SEARCH + ", ";
        }

        String joins() {
            return query.search() == null ? "" : " cross join q";
        }

        /** The conditions, with the search matched against {@code matchColumn}: the full vector or the head. */
        String sql(String matchColumn) {
            List<String> parts = new ArrayList<>();
            parts.add(switch (query.visibility()) {
                case PUBLIC -> "a.status = 'PUBLISHED' and a.published_at <= now()";
                case PUBLISHED -> "a.status = 'PUBLISHED'";
                case DRAFT -> "a.status = 'DRAFT'";
                case ARCHIVED -> "a.status = 'ARCHIVED'";
                case ANY -> "true";
            });
            if (query.search() != null) {
                parts.add(matchColumn + " @@ q.query");
            }
            if (query.section() != null) {
                parts.add("a.section_id in " + SectionTree.IDS_OF_SLUG_AND_CHILDREN);
            }
            if (query.tag() != null) {
                parts.add("a.tags @> array[?]::text[]");
            }
            if (query.author() != null) {
                parts.add("a.authors @> array[?]::text[]");
            }
            if (query.featured() != null) {
                parts.add("a.featured = ?");
            }
            if (query.from() != null) {
                parts.add("a.published_at >= ?");
            }
            if (query.to() != null) {
                parts.add("a.published_at <= ?");
            }
            return String.join(" and ", parts);
        }

        /** Binds the search query, then the filters. */
        int bind(PreparedStatement statement, int index) throws SQLException {
            if (query.search() != null) {
                statement.setString(index++, query.search());
            }
            return bindFilters(statement, index);
        }

        /** Binds the filters' parameters only, for a second use of {@link #sql} in one statement. */
        int bindFilters(PreparedStatement statement, int index) throws SQLException {
            if (query.section() != null) {
                statement.setString(index++, query.section());
            }
            if (query.tag() != null) {
                statement.setString(index++, query.tag());
            }
            if (query.author() != null) {
                statement.setString(index++, query.author());
            }
            if (query.featured() != null) {
                statement.setBoolean(index++, query.featured());
            }
            if (query.from() != null) {
                statement.setObject(index++, utc(query.from()));
            }
            if (query.to() != null) {
                statement.setObject(index++, utc(query.to()));
            }
            return index;
        }
    }
}
