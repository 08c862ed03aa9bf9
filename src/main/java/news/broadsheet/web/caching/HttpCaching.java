package news.broadsheet.web.caching;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.database.ContentVersion;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Optional;

/**
 * The caching contract of every API answer: public reads are cacheable by CDNs for a configurable time, anything
 * authenticated (drafts, subscribers, tokens) is private and never stored, errors are never stored; collections
 * get an ETag from the {@link ContentVersion} and revalidate with 304 without being rebuilt.
 */
public class HttpCaching {

    static final String NEVER_STORE = "private, no-store";
    private static final String COLLECTION_TAG = "broadsheet.collection-etag";
    /** Feeds and anything else that is not JSON: nothing in them may run as a page. */
    private static final String NON_JSON_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    private final ContentVersion contentVersion;
    private final String publicCacheControl;

    HttpCaching(ContentVersion contentVersion, BroadsheetConfig config) {
        this.contentVersion = contentVersion;
        this.publicCacheControl = "public, max-age=" + config.cache().maxAge().toSeconds()
                + ", stale-while-revalidate=" + config.cache().staleWhileRevalidate().toSeconds();
    }

    @PublicCollection
    @ServerRequestFilter
    public Optional<Response> revalidateCollection(ContainerRequestContext request, RoutingContext routing) {
        if (!HttpMethod.GET.equals(request.getMethod()) || request.getUriInfo().getQueryParameters().containsKey("status")) {
            return Optional.empty(); // an editors' view (?status=) is the resource's to answer, after it checked the token
        }
        // a token holder's answer may hold more (authors' emails): its tag never matches the public one's
        String etag = ETags.of("collection", ContentSnapshot.of(routing, contentVersion), request.getUriInfo().getRequestUri(),
                request.getHeaderString(HttpHeaders.ACCEPT), request.getHeaderString(HttpHeaders.AUTHORIZATION) != null);
        request.setProperty(COLLECTION_TAG, etag);
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && ETags.matchesWeakly(ifNoneMatch, etag)) {
            return Optional.of(Response.notModified(ETags.unquoted(etag)).build());
        }
        return Optional.empty();
    }

    /** Runs after {@link #describeCaching}: response filters run from the highest priority down. */
    @Personal
    @ServerResponseFilter(priority = Priorities.USER - 100)
    public void neverStorePersonalData(ContainerResponseContext response) {
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, NEVER_STORE);
    }

    @ServerResponseFilter
    public void describeCaching(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing,
                                ResourceInfo resource) {
        var headers = response.getHeaders();
        Object collectionTag = request.getProperty(COLLECTION_TAG);
        if (collectionTag != null && response.getStatus() == 200 && !headers.containsKey(HttpHeaders.ETAG)) {
            headers.putSingle(HttpHeaders.ETAG, collectionTag);
        }
        headers.add(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION + ", " + HttpHeaders.ACCEPT_ENCODING
                + (answersSeveralMediaTypes(resource) ? ", " + HttpHeaders.ACCEPT : ""));
        boolean authenticated = isPrivate(request, routing);
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        int status = response.getStatus();
        if (saysPrivate(response)) {
            // the resource knows the answer is personal (a preview link's), whoever asks: it stays so
        } else if (authenticated || status >= 400 || !read) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, authenticated ? NEVER_STORE : "no-store");
        } else if (status == 200 || status == 304 || status == 301) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, publicCacheControl);
        }
        MediaType type = response.getMediaType();
        if (type != null && !type.getSubtype().endsWith("json")) {
            headers.putSingle("Content-Security-Policy", NON_JSON_POLICY);
        }
    }

    /**
     * Whether an answer is a token holder's, never to be shared: the request carries credentials (accepted or not), or
     * an authentication mechanism, whichever, identified somebody while it was answered. An answer built without ever
     * asking who calls is the public one.
     */
    static boolean isPrivate(ContainerRequestContext request, RoutingContext routing) {
        return request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || routing.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous();
    }

    /** Whether the answer was described as one for everybody (only those are kept in memory: never a personal one). */
    static boolean saysPublic(ContainerResponseContext response) {
        return cacheControl(response).startsWith("public");
    }

    /** Whether the resource itself marked its answer private, never to be kept anywhere. */
    static boolean saysPrivate(ContainerResponseContext response) {
        return cacheControl(response).contains("no-store");
    }

    /**
     * Read from the live headers: getHeaderString answers from a snapshot taken at its first call, which would miss
     * what filters set afterwards.
     */
    private static String cacheControl(ContainerResponseContext response) {
        Object value = response.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL);
        return value == null ? "" : value.toString();
    }

    /** A resource that picks its media type by Accept (feeds: RSS as application/rss+xml or text/xml...). */
    private static boolean answersSeveralMediaTypes(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return false;
        }
        Produces produces = resource.getResourceMethod().getAnnotation(Produces.class);
        return produces != null && produces.value().length > 1;
    }
}
