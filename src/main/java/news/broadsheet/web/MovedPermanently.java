package news.broadsheet.web;

import jakarta.ws.rs.core.UriInfo;
import news.broadsheet.web.caching.Answers;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A resource that answers at another slug now (it was renamed): a 301 to the same request with the current slug in
 * place of the old one, query kept. Public and cacheable by browsers and CDNs like the read it stands for (HttpCaching);
 * not kept by the response cache, which keeps 200s and 304s: finding it costs two indexed reads.
 */
public class MovedPermanently extends RuntimeException {

    private final String oldSlug;
    private final String currentSlug;
    private final boolean personal;

    public MovedPermanently(String oldSlug, String currentSlug) {
        this(oldSlug, currentSlug, false);
    }

    /** {@code personal}: the redirect is for one holder of a link (a preview), never to be kept by a cache or indexed. */
    public MovedPermanently(String oldSlug, String currentSlug, boolean personal) {
        super(null, null, false, false); // an answer, not an error: no stack trace to fill
        this.oldSlug = oldSlug;
        this.currentSlug = currentSlug;
        this.personal = personal;
    }

    public String currentSlug() {
        return currentSlug;
    }

    /** The request's address with the path segment of the old slug (the last that equals it) replaced by the current one. */
    URI location(UriInfo uri) {
        List<String> segments = new ArrayList<>(List.of(uri.getRequestUri().getRawPath().split("/", -1)));
        segments.set(segments.lastIndexOf(oldSlug), currentSlug); // slugs are ASCII: raw and decoded agree
        return uri.getRequestUriBuilder().replacePath(String.join("/", segments)).build();
    }

    public static class Mapper {
        @ServerExceptionMapper
        public RestResponse<Object> redirect(MovedPermanently moved, UriInfo uri) {
            var answer = RestResponse.ResponseBuilder.create(RestResponse.Status.MOVED_PERMANENTLY).location(moved.location(uri)).build();
            return moved.personal ? Answers.personal(answer) : answer;
        }
    }
}
