package news.broadsheet.article;

import news.broadsheet.web.paging.Cursor;

import java.time.Instant;

/** A validated list request: filters, who may see what, the order and the keyset position. */
record ArticleQuery(
        String search,
        boolean highlight,
        String section,
        String tag,
        String author,
        Boolean featured,
        Instant from,
        Instant to,
        Visibility visibility,
        ArticleSort sort,
        Cursor cursor,
        int limit,
        boolean count) {

    /** Which articles the caller may list. */
    enum Visibility {
        /** Published and due: what the public sees. */
        PUBLIC,
        /** Published, scheduled ones included. */
        PUBLISHED,
        DRAFT,
        ARCHIVED,
        ANY
    }
}
