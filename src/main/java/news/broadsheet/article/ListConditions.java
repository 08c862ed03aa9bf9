package news.broadsheet.article;

import news.broadsheet.author.Bylines;
import news.broadsheet.database.BoundSql;
import news.broadsheet.section.SectionTree;

/**
 * The WHERE clause of an article list, in one place so a page, its count and both parts of a relevance search agree.
 * The search query is parsed where it is used ({@link #QUERY}), never in a shared CTE, so the planner sees its words
 * and the column statistics tell it how many articles match: the GIN index for rare words, the newest-first index
 * walk for common ones.
 */
final class ListConditions {

    /** The search text as a query: any text is accepted (web-search syntax never fails). */
    static final String QUERY = "websearch_to_tsquery('broadsheet_search', ?)";
    static final String FULL_TEXT = "a.search";
    static final String HEAD = "a.search_head";

    private final ArticleQuery query;

    ListConditions(ArticleQuery query) {
        this.query = query;
    }

    /** Appends the conditions, the search matched against {@code searchColumn}: the full vector or the head. */
    BoundSql appendTo(BoundSql sql, String searchColumn) {
        sql.append(switch (query.visibility()) {
            case PUBLIC -> "article_is_public(a)"; // the one definition: V11__article_visibility.sql
            case PUBLISHED -> "a.status = 'PUBLISHED'";
            case DRAFT -> "a.status = 'DRAFT'";
            case ARCHIVED -> "a.status = 'ARCHIVED'";
            case ANY -> "true";
        });
        if (query.search() != null) {
            sql.append(" and " + searchColumn + " @@ " + QUERY, query.search());
        }
        if (query.section() != null) {
            sql.append(" and a.section_id in " + SectionTree.IDS_OF_SLUG_AND_CHILDREN, query.section());
        }
        if (query.tag() != null) {
            sql.append(" and a.tags @> array[?]::text[]", query.tag());
        }
        if (query.author() != null) {
            sql.append(" and " + Bylines.CREDIT_THE_AUTHOR_OF_SLUG, query.author());
        }
        if (query.featured() != null) {
            sql.append(" and a.featured = ?", query.featured());
        }
        if (query.from() != null) {
            sql.append(" and a.published_at >= ?", query.from());
        }
        if (query.to() != null) {
            sql.append(" and a.published_at <= ?", query.to());
        }
        return sql;
    }

    /**
     * A match in the head implies a match of the whole text, but for excluded words ({@code -word}), which may be in the
     * body: then the whole text is checked too. Any '-' counts, so no exclusion is ever missed.
     */
    BoundSql appendHeadMatch(BoundSql sql) {
        appendTo(sql, HEAD);
        if (query.search().indexOf('-') >= 0) {
            sql.append(" and " + FULL_TEXT + " @@ " + QUERY, query.search());
        }
        return sql;
    }
}
