package news.broadsheet.web.caching;

import io.vertx.ext.web.RoutingContext;
import news.broadsheet.database.ContentVersion;

import java.util.Optional;

/**
 * The content version one request is answered from, read at most once per request: the response cache looks its
 * answer up under it, a collection's ETag is computed from it, and a built answer is kept under it, so the three never
 * disagree. Taken before anything is read for the answer, so an answer is never older than the version it carries.
 */
final class ContentSnapshot {

    private static final String KEY = "broadsheet.content-snapshot";

    private ContentSnapshot() {
    }

    /** The version known in memory, noted for the request; empty while change notifications are not followed. */
    static Optional<String> takeKnown(RoutingContext request, ContentVersion versions) {
        Optional<String> known = versions.knownTag();
        known.ifPresent(tag -> request.put(KEY, tag));
        return known;
    }

    /** The request's version: the one noted, or else the current one, read (from the database if need be) and noted. */
    static String of(RoutingContext request, ContentVersion versions) {
        String tag = request.get(KEY);
        if (tag == null) {
            tag = versions.current();
            request.put(KEY, tag);
        }
        return tag;
    }

    static Optional<String> noted(RoutingContext request) {
        return Optional.ofNullable(request.get(KEY));
    }
}
