package news.broadsheet.web.caching;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/** HTTP answers for one stored resource, with its ETag: what resources return for reads and writes. */
public final class Answers {

    private Answers() {
    }

    /** 200 with the body, or 304 without it when {@code If-None-Match} names the current tag. */
    public static <T> RestResponse<T> read(Stored<T> stored, String ifNoneMatch) {
        return read(stored, ifNoneMatch, null);
    }

    /** The same, in this media type (for a resource that answers several; null: the one it produces). */
    public static <T> RestResponse<T> read(Stored<? extends T> stored, String ifNoneMatch, MediaType type) {
        if (ifNoneMatch != null && ETags.matchesWeakly(ifNoneMatch, stored.etag())) {
            return RestResponse.ResponseBuilder.<T>create(RestResponse.Status.NOT_MODIFIED).header(HttpHeaders.ETAG, stored.etag()).build();
        }
        return RestResponse.ResponseBuilder.<T>ok(stored.body(), type).header(HttpHeaders.ETAG, stored.etag()).build();
    }

    /**
     * The answer marked personal whoever asks (a preview link's): never kept by a browser, a CDN or the response cache
     * ({@link HttpCaching} leaves it so), never indexed.
     */
    public static <T> RestResponse<T> personal(RestResponse<T> answer) {
        return RestResponse.ResponseBuilder.fromResponse(answer).header(HttpHeaders.CACHE_CONTROL, HttpCaching.NEVER_STORE)
                .header("X-Robots-Tag", "noindex").build();
    }

    /** 201 with Location when the write created the resource, else 200; with the new tag either way. */
    public static <T> RestResponse<T> written(Stored<T> stored, URI location) {
        var answer = stored.created() ? RestResponse.ResponseBuilder.<T>created(location).entity(stored.body())
                : RestResponse.ResponseBuilder.ok(stored.body());
        return answer.header(HttpHeaders.ETAG, stored.etag()).build();
    }
}
