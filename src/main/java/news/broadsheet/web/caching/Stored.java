package news.broadsheet.web.caching;

import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/** A representation as stored: its body, its entity tag, and whether the request created it. */
public record Stored<T>(T body, String etag, boolean created) {

    public static <T> Stored<T> existing(T body, String etag) {
        return new Stored<>(body, etag, false);
    }

    public static <T> Stored<T> created(T body, String etag) {
        return new Stored<>(body, etag, true);
    }

    /** 200 with the body, or 304 without it when {@code If-None-Match} names the current tag. */
    public RestResponse<T> read(String ifNoneMatch) {
        if (ifNoneMatch != null && ETags.matchesWeakly(ifNoneMatch, etag)) {
            return RestResponse.ResponseBuilder.<T>create(RestResponse.Status.NOT_MODIFIED).header(HttpHeaders.ETAG, etag).build();
        }
        return RestResponse.ResponseBuilder.ok(body).header(HttpHeaders.ETAG, etag).build();
    }

    /** 201 with Location when the write created the resource, else 200; with the new tag either way. */
    public RestResponse<T> written(URI location) {
        var answer = created ? RestResponse.ResponseBuilder.<T>created(location).entity(body) : RestResponse.ResponseBuilder.ok(body);
        return answer.header(HttpHeaders.ETAG, etag).build();
    }
}
