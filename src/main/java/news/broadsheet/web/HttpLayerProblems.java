package news.broadsheet.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.web.problem.Problem;

import java.time.Duration;
import java.util.Set;


/**
 * Answers of the HTTP layer below the REST resources (routes of the {@link HttpPipeline}), as problem+json too: paths no route serves (404),
 * bodies declared larger than {@code broadsheet.limits.*} (413), refused before they are read, bodies read on the
 * event loop that grow larger (413) or arrive too slowly (408), request lines over {@value #MAX_URI_LENGTH} characters (414), and NUL characters in
 * the path or query (400).
 */
@ApplicationScoped
public class HttpLayerProblems {

    private static final String IMPORT_PATH = "/api/v1/articles/import";
    /** Image uploads: streamed to a file on a worker, like the import, and held to their own limit. */
    private static final String MEDIA_PATH = "/api/v1/media";
    /** A multipart form's boundaries and fields around the image. */
    private static final long FORM_OVERHEAD = 64 * 1024;
    /** Far longer than any request the API takes (a list with every filter and a cursor is under 1,000). */
    static final int MAX_URI_LENGTH = 8192;
    private static final Set<HttpMethod> HAS_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    private static final String BODY_TIMER = "broadsheet.body-timer";

    private final ObjectMapper json;
    private final long maxBodySize;
    private final long maxImportSize;
    private final long maxUploadSize;
    private final BodyHandler bodies;
    private final Duration bodyReadTimeout;

    HttpLayerProblems(ObjectMapper json, BroadsheetConfig config) {
        this.json = json;
        this.maxBodySize = config.limits().maxBodySize().asLongValue();
        this.maxImportSize = config.limits().maxImportSize().asLongValue();
        this.maxUploadSize = config.media().maxUploadSize().asLongValue();
        this.bodies = BodyHandler.create(false).setBodyLimit(maxBodySize);
        this.bodyReadTimeout = config.limits().bodyReadTimeout();
    }

    void refuseOversizedBody(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        String path = context.request().path();
        long limit = IMPORT_PATH.equals(path) ? maxImportSize : isUpload(context.request()) ? maxUploadSize + FORM_OVERHEAD : maxBodySize;
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > limit) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            answer(context, 413, "Request Entity Too Large", "The request body is larger than the limit of " + limit + " bytes");
            return;
        }
        context.next();
    }

    /**
     * PostgreSQL text cannot hold U+0000, so a path or query carrying one is refused before it reaches a query; and
     * a request line longer than any the API needs is refused here, as problem+json, well below the HTTP layer's own
     * limit ({@code quarkus.http.limits.max-initial-line-length}), which would answer with an empty body.
     */
    void refuseNulCharactersAndLongUris(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > MAX_URI_LENGTH) {
            answer(context, 414, "URI Too Long", "The path and query are " + uri.length() + " characters long; the limit is "
                    + MAX_URI_LENGTH);
            return;
        }
        if (uri.contains("%00") || uri.indexOf('\0') >= 0) {
            answer(context, 400, "Bad Request", "The path or query contains a NUL character (%00)");
            return;
        }
        context.next();
    }

    /**
     * Every request body but the import's is read here, on the event loop, before the REST layer: a worker thread never
     * waits for a client's bytes (a few hundred clients sending a byte every few seconds held every worker), a body that
     * has not arrived within {@code broadsheet.limits.body-read-timeout} is answered 408, and a body sent without
     * Content-Length (chunked, or any HTTP/2 body) is held to the same limit as a declared one (413). The import streams
     * its body on a worker, once its token has been checked, and is held to its own limit by the HTTP layer.
     */
    void readBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        // an empty body is passed on as it is: the body handler would wait for its end forever
        if (!HAS_BODY.contains(request.method()) || IMPORT_PATH.equals(request.path()) || isUpload(request) || request.isEnded()
                || "0".equals(request.getHeader(HttpHeaders.CONTENT_LENGTH))) {
            context.next();
            return;
        }
        long timer = context.vertx().setTimer(bodyReadTimeout.toMillis(), ignored -> {
            if (!context.response().headWritten()) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                if (request.version() != HttpVersion.HTTP_2) { // an HTTP/2 stream ends with its answer; the connection stays
                    context.response().endHandler(ended -> request.connection().close());
                }
                answer(context, 408, "Request Timeout", "The request body did not arrive within "
                        + bodyReadTimeout.toSeconds() + " seconds");
            }
        });
        context.put(BODY_TIMER, timer);
        bodies.handle(context);
    }

    private static boolean isUpload(HttpServerRequest request) {
        return request.method() == HttpMethod.POST && MEDIA_PATH.equals(request.path());
    }

    /** After {@link #readBody}: the body is in, so the REST layer may run (unless the body came too late). */
    void bodyRead(RoutingContext context) {
        Long timer = context.get(BODY_TIMER);
        if (timer != null) {
            context.vertx().cancelTimer(timer);
        }
        if (!context.response().ended() && !context.response().headWritten()) {
            context.next();
        }
    }

    /**
     * The body handler's failures: a body past the limit (413), a form it could not decode (400). A request already
     * answered (408) or whose connection is gone has nobody to tell, and is no error of the service's to log.
     */
    void bodyUnreadable(RoutingContext context) {
        if (context.response().headWritten() || context.response().closed() || context.failure() instanceof HttpClosedException) {
            return;
        }
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        if (context.statusCode() == 413) {
            answer(context, 413, "Request Entity Too Large", "The request body is larger than the limit of " + maxBodySize + " bytes");
        } else {
            answer(context, 400, "Bad Request", "The request body could not be read"
                    + (context.failure() == null ? "" : ": " + context.failure().getMessage()));
        }
    }

    /** The last route: a path nothing serves. */
    void notFound(RoutingContext context) {
        answer(context, 404, "Not Found", "There is nothing at " + context.request().path());
    }

    /** Ends the exchange with a problem+json answer. */
    public void answer(RoutingContext context, int status, String title, String detail) {
        String path = context.request().path();
        try {
            context.response()
                    .setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(new Problem(Problem.GENERIC_TYPE, title, status, detail, path, null)));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
