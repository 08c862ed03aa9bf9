package news.broadsheet.article;

import jakarta.enterprise.context.ApplicationScoped;
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
 * GIN-indexed match and ranks by relevance, keyset-paged on (rank, id).
 */
@ApplicationScoped
class ArticleLists {

    private static final String COLUMNS = """
            a.id, a.slug, a.title, a.subtitle, a.summary, s.slug as section_slug, s.name as section_name,
            a.tags, a.authors, a.dateline, a.hero_image_url, a.hero_image_alt, a.hero_image_caption, a.hero_image_credit,
            a.featured, a.status, a.published_at, a.created_at, a.updated_at, a.word_count, a.reading_time_minutes""";

    private final DataSource dataSource;

    ArticleLists(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Page<ArticleSummary> list(ArticleQuery query) {
        var where = new Conditions(query);
        ArticleSort sort = query.sort();
        String direction = sort.descending ? "desc" : "asc";
        String sql = where.with() + "select " + COLUMNS + ", " + sort.keyExpression + " as sort_key"
                + " from article a join section s on s.id = a.section_id" + where.joins()
                + " where " + where.sql(true)
                + " order by sort_key " + direction + ", a.id " + direction
                + " limit ?";
        try (Connection connection = dataSource.getConnection()) {
            List<ArticleSummary> items = new ArrayList<>();
            Cursor next = null;
            Object lastKey = null;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = where.bind(statement, 1, true);
                statement.setInt(index, query.limit() + 1);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        if (items.size() == query.limit()) {
                            UUID lastId = items.get(items.size() - 1).id();
                            next = sort.byRank() ? Cursor.after(sort.parameter, (Float) lastKey, lastId)
                                    : Cursor.after(sort.parameter, (Instant) lastKey, lastId);
                            break;
                        }
                        items.add(summary(row));
                        lastKey = sort.byRank() ? (Object) row.getFloat("sort_key") : instant(row, "sort_key");
                    }
                }
            }
            if (query.highlight() && !items.isEmpty()) {
                items = withHighlights(connection, query.search(), items);
            }
            Long total = query.count() ? count(connection, where) : null;
            return new Page<>(items, next == null ? null : next.encode(), total);
        } catch (SQLException e) {
            throw new IllegalStateException("Listing articles failed", e);
        }
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
                where.with() + "select count(*) from article a" + where.joins() + " where " + where.sql(false))) {
            where.bind(statement, 1, false);
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
        private final ArticleQuery query;

        Conditions(ArticleQuery query) {
            this.query = query;
        }

        /** The search query, parsed once; any text is accepted (websearch_to_tsquery never fails on syntax). */
        String with() {
            return query.search() == null ? "" : "with q as (select websearch_to_tsquery('broadsheet_search', ?) as query) ";
        }

        String joins() {
            return query.search() == null ? "" : " cross join q";
        }

        String sql(boolean withCursor) {
            List<String> parts = new ArrayList<>();
            parts.add(switch (query.visibility()) {
                case PUBLIC -> "a.status = 'PUBLISHED' and a.published_at <= now()";
                case PUBLISHED -> "a.status = 'PUBLISHED'";
                case DRAFT -> "a.status = 'DRAFT'";
                case ARCHIVED -> "a.status = 'ARCHIVED'";
                case ANY -> "true";
            });
            if (query.search() != null) {
                parts.add("a.search @@ q.query");
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
            if (withCursor && query.cursor() != null) {
                ArticleSort sort = query.sort();
                parts.add("(" + sort.keyExpression + ", a.id) " + (sort.descending ? "<" : ">") + " (?, ?)");
            }
            return String.join(" and ", parts);
        }

        int bind(PreparedStatement statement, int index, boolean withCursor) throws SQLException {
            if (query.search() != null) {
                statement.setString(index++, query.search());
            }
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
            if (withCursor && query.cursor() != null) {
                if (query.sort().byRank()) {
                    statement.setFloat(index++, query.cursor().rank());
                } else {
                    statement.setObject(index++, utc(query.cursor().time()));
                }
                statement.setObject(index++, query.cursor().id());
            }
            return index;
        }
    }
}
