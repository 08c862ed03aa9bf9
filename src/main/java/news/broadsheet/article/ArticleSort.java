package news.broadsheet.article;

import java.util.Arrays;
import java.util.Optional;

/** The list orders, each a keyset over (key, id); drafts without a publication time sort by creation. */
enum ArticleSort {
    NEWEST("-publishedAt", "coalesce(a.published_at, a.created_at)", true),
    OLDEST("publishedAt", "coalesce(a.published_at, a.created_at)", false),
    RECENTLY_UPDATED("-updatedAt", "a.updated_at", true),
    /** Only with a search query; see {@link ArticleLists} for how it ranks. */
    RELEVANCE("relevance", "ts_rank(a.search_head, q.query)", true);

    final String parameter;
    final String keyExpression;
    final boolean descending;

    ArticleSort(String parameter, String keyExpression, boolean descending) {
        this.parameter = parameter;
        this.keyExpression = keyExpression;
        this.descending = descending;
    }

    boolean byRank() {
        return this == RELEVANCE;
    }

    static Optional<ArticleSort> ofParameter(String value) {
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(value)).findFirst();
    }
}
