package news.broadsheet.web.caching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.database.ContentVersion;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Serialized anonymous answers of {@link CachedAnswer} reads, kept in memory under the {@link ContentSnapshot} tag
 * they were built from and served by the HTTP layer before the REST layer is involved. A write anywhere moves the
 * tag (through the database's notifications), so a kept answer is never served after the content changed; while
 * the tag is not known in memory, nothing is served from here.
 */
@ApplicationScoped
public class ResponseCache {

    private static final Logger LOG = Logger.getLogger(ResponseCache.class);
    /** The paths of {@link CachedAnswer} reads: the API's and the sitemaps'. */
    private static final List<String> CACHED_PREFIXES = List.of("/api/v1/", "/sitemap");
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ETAG, "Link",
            HttpHeaders.CACHE_CONTROL, HttpHeaders.VARY, "Content-Security-Policy");
    private static final Set<String> NOT_MODIFIED_HEADERS = Set.of(HttpHeaders.ETAG, HttpHeaders.CACHE_CONTROL,
            HttpHeaders.VARY);
    /** Where Quarkus' HTTP metrics look for the route template, so answers from here are counted under it too. */
    private static final String METRICS_PATH = "HTTP_REQUEST_PATH";

    /**
     * One answer as sent: the headers of its 200 and of its 304, ready for Vert.x, and its body; a 304 seen
     * without its 200 is kept with a null body, to answer revalidations only.
     */
    private record Answer(CharSequence[] headers, CharSequence[] notModifiedHeaders, String etag, Buffer body,
                          String metricsPath) {

        static Answer of(ContainerResponseContext response, byte[] body, String metricsPath) {
            List<CharSequence> all = new ArrayList<>();
            List<CharSequence> notModified = new ArrayList<>();
            for (String name : KEPT_HEADERS) {
                String value = response.getHeaderString(name);
                if (value != null) {
                    CharSequence[] header = {io.vertx.core.http.HttpHeaders.createOptimized(name),
                            io.vertx.core.http.HttpHeaders.createOptimized(value)};
                    all.addAll(List.of(header));
                    if (NOT_MODIFIED_HEADERS.contains(name)) {
                        notModified.addAll(List.of(header));
                    }
                }
            }
            return new Answer(all.toArray(CharSequence[]::new), notModified.toArray(CharSequence[]::new),
                    response.getHeaderString(HttpHeaders.ETAG), body == null ? null : Buffer.buffer(body), metricsPath);
        }

        int weight() {
            return 512 + (body == null ? 0 : body.length());
        }
    }

    private final ContentVersion contentVersion;
    private final ObjectMapper json;
    private final Cache<String, Answer> answers;
    private final boolean enabled;
    private volatile String tagOfKeptAnswers;

    ResponseCache(ContentVersion contentVersion, ObjectMapper json, BroadsheetConfig config, MeterRegistry metrics) {
        this.contentVersion = contentVersion;
        this.json = json;
        long maxBytes = config.cache().responseCacheSize().asLongValue();
        this.enabled = maxBytes > 0;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(Math.max(maxBytes, 1))
                .weigher((String key, Answer answer) -> key.length() * 2 + answer.weight())
                .recordStats()
                .build();
        // cache_gets_total{cache="response_cache",result="hit"|"miss"}, cache_size... on /q/metrics
        CaffeineCacheMetrics.monitor(metrics, answers, "response_cache");
    }

    /** A route of the {@link HttpPipeline}: answers a kept read, or passes the request on with its content version noted. */
    public void answerFromCache(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!enabled || request.method() != HttpMethod.GET || CACHED_PREFIXES.stream().noneMatch(request.path()::startsWith)
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null || isPreview(request)) {
            context.next();
            return;
        }
        Answer answer = ContentSnapshot.takeKnown(context, contentVersion)
                .map(tag -> answers.getIfPresent(key(tag, request))).orElse(null);
        if (answer == null) {
            context.next();
            return;
        }
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        boolean notModified = ifNoneMatch != null && answer.etag() != null && ETags.matchesWeakly(ifNoneMatch, answer.etag());
        if (!notModified && answer.body() == null) {
            context.next();
            return;
        }
        if (answer.metricsPath() != null) {
            context.put(METRICS_PATH, answer.metricsPath());
        }
        HttpServerResponse response = context.response();
        CharSequence[] headers = notModified ? answer.notModifiedHeaders() : answer.headers();
        for (int i = 0; i < headers.length; i += 2) {
            response.putHeader(headers[i], headers[i + 1]);
        }
        if (notModified) {
            response.setStatusCode(304).end();
        } else {
            response.end(answer.body().slice()); // a view of its own per answer: the bytes are shared, not copied
        }
    }

    /**
     * Keeps an anonymous answer described as public as it will be sent, under the content version it was built from; runs after every other
     * response filter (they run highest priority first). A 304 is kept without a body when the 200 is not kept already,
     * so revalidations stay cheap. Nothing is kept for a token holder, whatever mechanism authenticated them.
     */
    @CachedAnswer
    @ServerResponseFilter(priority = Priorities.USER - 200)
    public void keep(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) {
        int status = response.getStatus();
        if (!enabled || !HttpMethod.GET.name().equals(request.getMethod())
                || !(status == 200 && response.hasEntity() || status == 304)
                || HttpCaching.isPrivate(request, routing) || !HttpCaching.saysPublic(response)) {
            return;
        }
        String tag = ContentSnapshot.noted(routing).orElse(null);
        if (tag == null || !tag.equals(contentVersion.knownTag().orElse(null))) {
            return; // not followed, or built from content that has changed meanwhile
        }
        if (!tag.equals(tagOfKeptAnswers)) {
            answers.invalidateAll(); // answers of older versions can never be served again
            tagOfKeptAnswers = tag;
        }
        String key = key(tag, routing.request());
        String metricsPath = routing.get(METRICS_PATH);
        if (status == 304) {
            if (answers.getIfPresent(key) == null) {
                answers.put(key, Answer.of(response, null, metricsPath));
            }
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
        answers.put(key, Answer.of(response, body, metricsPath));
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

    /** A preview link's read (?preview=): personal, never answered from here (nor kept: its answer says no-store). */
    private static boolean isPreview(HttpServerRequest request) {
        String query = request.query();
        return query != null && query.contains("preview=");
    }

    private static String key(String tag, HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return tag + '\n' + request.scheme() + "://" + request.authority() + request.uri() + '\n' + (accept == null ? "" : accept);
    }
}
