package news.broadsheet.article;

import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.database.BoundSql;
import news.broadsheet.web.problem.NotFound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * "Read more": published articles that share tags, the section and title words with one article, in one statement.
 * Candidates share a tag or a word of the title (both GIN-indexed, read as one bitmap); each scores two for every
 * shared tag, one for the same section and up to four for how well its title and summary match the title's words;
 * ties go to the newer. Never the article itself, never anything the public cannot see.
 */
@ApplicationScoped
class RelatedArticles {

    static final int MAX = 20;
    static final int DEFAULT = 5;

    private static final String QUERY = """
            with source as (
                select a.id, a.section_id, a.tags,
                       to_tsquery('simple', coalesce((select string_agg(quote_literal(word), ' | ')
                           from unnest(tsvector_to_array(to_tsvector('broadsheet_search', a.title))) word), '')) as words
                from article a where a.slug = ? and (? or article_is_public(a)))
            select %s,
                   cardinality(array(select unnest(a.tags) intersect select unnest(source.tags))) * 2
                       + (a.section_id = source.section_id)::int
                       + ts_rank(a.search_head, source.words) * 4 as score
            from source, article a join section s on s.id = a.section_id
            where article_is_public(a) and a.id <> source.id
              and (a.tags && source.tags or a.search_head @@ source.words)
            order by score desc, coalesce(a.published_at, a.created_at) desc, a.id desc
            limit ?""".formatted(ArticleRows.SUMMARY_COLUMNS);

    private final DataSource dataSource;
    private final Duration queryTimeout;

    RelatedArticles(DataSource dataSource, BroadsheetConfig config) {
        this.dataSource = dataSource;
        this.queryTimeout = config.limits().queryTimeout();
    }

    /** @throws NotFound when there is no such article, or the public may not see it and {@code editor} is false */
    List<ArticleSummary> of(String slug, boolean editor, int limit) {
        try (Connection connection = dataSource.getConnection()) {
            requireSource(connection, slug, editor);
            var sql = new BoundSql().append(QUERY, slug, editor, limit);
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

    private static void requireSource(Connection connection, String slug, boolean editor) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select 1 from article a where a.slug = ? and (? or article_is_public(a))")) {
            query.setString(1, slug);
            query.setBoolean(2, editor);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new NotFound("article", slug);
                }
            }
        }
    }
}
