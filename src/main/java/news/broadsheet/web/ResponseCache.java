package news.broadsheet.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import news.broadsheet.BroadsheetConfig;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Serialized anonymous answers of {@link CachedAnswer} reads, kept in memory under the {@link ContentVersion} tag
 * they were built from and served by the HTTP layer before the REST layer is involved. A write anywhere moves the
 * tag (through the database's notifications), so a kept answer is never served after the content changed; while
 * the tag is not known in memory, nothing is served from here.
 */
@ApplicationScoped
public class ResponseCache {

    private static final Logger LOG = Logger.getLogger(ResponseCache.class);
    private static final String KEY = "broadsheet.response-cache-key";
    private static final String API_PREFIX = "/api/v1/";
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ETAG, "Link",
            HttpHeaders.CACHE_CONTROL, HttpHeaders.VARY, "Content-Security-Policy");
    private static final List<String> NOT_MODIFIED_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.CACHE_CONTROL,
            HttpHeaders.VARY);

    /** One answer as sent: its headers in {@link #KEPT_HEADERS} order (null where absent) and its body. */
    private record Answer(String[] headers, byte[] body) {
        String etag() {
            return headers[1];
        }
    }

    private final ContentVersion contentVersion;
    private final ObjectMapper json;
    private final Cache<String, Answer> answers;
    private final boolean enabled;
    private volatile String tagOfKeptAnswers;

    ResponseCache(ContentVersion contentVersion, ObjectMapper json, BroadsheetConfig config) {
        this.contentVersion = contentVersion;
        this.json = json;
        long maxBytes = config.cache().responseCacheSize().asLongValue();
        this.enabled = maxBytes > 0;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(Math.max(maxBytes, 1))
                .weigher((String key, Answer answer) -> key.length() * 2 + answer.body().length + 256)
                .build();
    }

    /** Runs after the size and NUL checks of {@link HttpLayerProblems}, before the REST layer. */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::answerFromCache);
    }

    private void answerFromCache(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!enabled || request.method() != HttpMethod.GET || !request.path().startsWith(API_PREFIX)
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            context.next();
            return;
        }
        Optional<String> tag = contentVersion.knownTag();
        Answer answer = tag.isPresent() ? answers.getIfPresent(key(tag.get(), request)) : null;
        if (answer == null) {
            context.next();
            return;
        }
        HttpServerResponse response = context.response();
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && answer.etag() != null && ETags.matchesWeakly(ifNoneMatch, answer.etag())) {
            putHeaders(response, answer, NOT_MODIFIED_HEADERS);
            response.setStatusCode(304).end();
            return;
        }
        putHeaders(response, answer, KEPT_HEADERS);
        response.setStatusCode(200).end(Buffer.buffer(answer.body()));
    }

    private static void putHeaders(HttpServerResponse response, Answer answer, List<String> names) {
        for (String name : names) {
            String value = answer.headers()[KEPT_HEADERS.indexOf(name)];
            if (value != null) {
                response.putHeader(name, value);
            }
        }
    }

    /** Notes, before the resource runs, which content version an anonymous answer will be built from. */
    @CachedAnswer
    @ServerRequestFilter
    public void noteKey(ContainerRequestContext request, HttpServerRequest httpRequest) {
        if (enabled && HttpMethod.GET.name().equals(request.getMethod())
                && request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            request.setProperty(KEY, key(contentVersion.current(), httpRequest));
        }
    }

    /** Keeps the answer as it will be sent; runs after every other response filter (they run highest priority first). */
    @CachedAnswer
    @ServerResponseFilter(priority = Priorities.USER - 200)
    public void keep(ContainerRequestContext request, ContainerResponseContext response) {
        Object key = request.getProperty(KEY);
        if (key == null || response.getStatus() != 200 || !response.hasEntity()) {
            return;
        }
        byte[] body;
        try {
            body = serialize(response.getEntity());
        } catch (JsonProcessingException e) {
            LOG.debugf("Not caching %s: %s", key, e.getMessage());
            return;
        }
        response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
        String[] headers = new String[KEPT_HEADERS.size()];
        for (int i = 0; i < headers.length; i++) {
            headers[i] = response.getHeaderString(KEPT_HEADERS.get(i));
        }
        String tag = ((String) key).substring(0, ((String) key).indexOf('\n'));
        if (!tag.equals(contentVersion.knownTag().orElse(tag))) {
            return; // built from content that has changed meanwhile
        }
        if (!tag.equals(tagOfKeptAnswers)) {
            answers.invalidateAll(); // answers of older versions can never be served again
            tagOfKeptAnswers = tag;
        }
        answers.put((String) key, new Answer(headers, body));
    }

    /**
     * A successful write has committed by the time its answer is filtered: read the new version now, so this
     * instance never serves an answer older than a write it acknowledged, even before the notification arrives.
     */
    @ServerResponseFilter
    public void refreshAfterWrite(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        boolean write = !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
        if (write && response.getStatus() < 300) {
            try {
                contentVersion.refresh();
            } catch (RuntimeException e) {
                LOG.debugf("Could not read the content version after a write: %s", e.getMessage());
            }
        }
    }

    private byte[] serialize(Object entity) throws JsonProcessingException {
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return json.writeValueAsBytes(entity);
    }

    private static String key(String tag, HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return tag + '\n' + request.scheme() + "://" + request.authority() + request.uri() + '\n' + (accept == null ? "" : accept);
    }
}
