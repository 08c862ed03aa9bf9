package news.broadsheet.web.caching;

/**
 * What a service answers for one resource: its view, its entity tag, and whether the request created it. Plain data:
 * the resource turns it into an HTTP answer with {@link Answers}.
 */
public record Stored<T>(T body, String etag, boolean created) {
}
