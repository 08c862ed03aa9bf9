package news.broadsheet.article;

import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.database.BoundSql;
import news.broadsheet.database.SqlArrays;
import news.broadsheet.web.problem.NotFound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * "Read more": published articles that share tags, the section and title words with one article. The candidates are
 * the newest public articles of each of its tags and the newest that share a word of its title, each a short walk of
 * an index (the newest-first index, or a GIN index where a tag or word is rare: the planner sees each value), all in
 * one statement; each candidate scores two for every shared tag, one for the same section and up to four for how
 * well its title and summary match the title's words, and ties go to the newer. So a read costs the same however many
 * articles share a common tag. Never the article itself, never anything the public cannot see.
 */
@ApplicationScoped
class RelatedArticles {

    static final int MAX = 20;
    static final int DEFAULT = 5;
    /** Candidates taken per tag and for the title's words: the newest of each. */
    private static final int NEWEST_PER_KIND = 50;

    private static final String NEWEST = "coalesce(a.published_at, a.created_at) desc, a.id desc";

    /** The article, and its title's words as a query of its lexemes (stemmed as the search vectors are). */
    private static final String SOURCE = """
            select a.id, a.section_id, a.tags,
                   coalesce((select string_agg(quote_literal(word), ' | ')
                             from unnest(tsvector_to_array(to_tsvector('broadsheet_search', a.title))) word), '') as words
            from article a where a.slug = ? and (? or article_is_public(a))""";

    private record Source(UUID id, UUID section, List<String> tags, String words) {
    }

    private final DataSource dataSource;
    private final Duration queryTimeout;

    RelatedArticles(DataSource dataSource, BroadsheetConfig config) {
        this.dataSource = dataSource;
        this.queryTimeout = config.limits().queryTimeout();
    }

    /** @throws NotFound when there is no such article, or the public may not see it and {@code editor} is false */
    List<ArticleSummary> of(String slug, boolean editor, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            Source source = source(connection, slug, editor);
            if (source.tags().isEmpty() && source.words().isEmpty()) {
                return List.of();
            }
            BoundSql sql = new BoundSql().append("with candidates as (select distinct id from (");
            String union = "";
            for (String tag : source.tags()) {
                sql.append(union + "(select a.id from article a where article_is_public(a) and a.tags @> array[?]::text[] and a.id <> ?"
                        + " order by " + NEWEST + " limit " + NEWEST_PER_KIND + ")", tag, source.id());
                union = " union all ";
            }
            if (!source.words().isEmpty()) {
                sql.append(union + "(select a.id from article a where article_is_public(a) and a.search_head @@ to_tsquery('simple', ?)"
                        + " and a.id <> ? order by " + NEWEST + " limit " + NEWEST_PER_KIND + ")", source.words(), source.id());
            }
            sql.append(") newest) select " + ArticleRows.SUMMARY_COLUMNS + " from candidates c join article a on a.id = c.id"
                    + " join section s on s.id = a.section_id order by"
                    + " cardinality(array(select unnest(a.tags) intersect select unnest(?::text[]))) * 2"
                    + " + (a.section_id = ?)::int + ts_rank(a.search_head, to_tsquery('simple', ?)) * 4 desc, " + NEWEST + " limit ?",
                    source.tags().toArray(String[]::new), source.section(), source.words(), limit);
            List<ArticleSummary> related = new ArrayList<>(limit);
            try (PreparedStatement statement = sql.prepare(connection, queryTimeout); ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    related.add(ArticleRows.summary(row));
                }
            }
            return related;
        } catch (SQLException e) {
            throw new IllegalStateException("Finding related articles failed", e);
        }
    }

    private static Source source(Connection connection, String slug, boolean editor) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SOURCE)) {
            query.setString(1, slug);
            query.setBoolean(2, editor);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new NotFound("article", slug);
                }
                return new Source(row.getObject(1, UUID.class), row.getObject(2, UUID.class), SqlArrays.strings(row.getArray(3)),
                        row.getString(4));
            }
        }
    }
}
