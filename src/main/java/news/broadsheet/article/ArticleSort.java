package news.broadsheet.article;

import java.util.Arrays;
import java.util.Optional;

/** The list orders, each a keyset over (time, id); drafts without a publication time sort by creation. */
enum ArticleSort {
    NEWEST("-publishedAt", "coalesce(a.published_at, a.created_at)", true),
    OLDEST("publishedAt", "coalesce(a.published_at, a.created_at)", false),
    RECENTLY_UPDATED("-updatedAt", "a.updated_at", true);

    final String parameter;
    final String timeExpression;
    final boolean descending;

    ArticleSort(String parameter, String timeExpression, boolean descending) {
        this.parameter = parameter;
        this.timeExpression = timeExpression;
        this.descending = descending;
    }

    static Optional<ArticleSort> ofParameter(String value) {
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(value)).findFirst();
    }
}
