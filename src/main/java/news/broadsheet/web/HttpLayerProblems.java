package news.broadsheet.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.BroadsheetConfig;


/**
 * Answers of the HTTP layer below the REST resources (routes of the {@link HttpPipeline}), as problem+json too: paths no route serves (404),
 * bodies declared larger than {@code broadsheet.limits.*} (413), refused before they are read, chunked bodies
 * that grow larger (413), request lines over {@value #MAX_URI_LENGTH} characters (414), and NUL characters in
 * the path or query (400).
 */
@ApplicationScoped
class HttpLayerProblems {

    private static final String IMPORT_PATH = "/api/v1/articles/import";
    /** Far longer than any request the API takes (a list with every filter and a cursor is under 1,000). */
    static final int MAX_URI_LENGTH = 8192;

    private final ObjectMapper json;
    private final long maxBodySize;
    private final long maxImportSize;
    private final BodyHandler chunkedBodies;

    HttpLayerProblems(ObjectMapper json, BroadsheetConfig config) {
        this.json = json;
        this.maxBodySize = config.limits().maxBodySize().asLongValue();
        this.maxImportSize = config.limits().maxImportSize().asLongValue();
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(maxBodySize);
    }

    void refuseOversizedBody(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = IMPORT_PATH.equals(context.request().path()) ? maxImportSize : maxBodySize;
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
     * A body sent without Content-Length (chunked) cannot be refused up front: it is read here, up to the same limit,
     * before the REST layer sees it. The import streams its body and is held to its own limit by the HTTP layer.
     */
    void limitChunkedBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.getHeader(HttpHeaders.CONTENT_LENGTH) != null || !request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                || IMPORT_PATH.equals(request.path())) {
            context.next();
            return;
        }
        chunkedBodies.handle(context);
    }

    void bodyTooLarge(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            answer(context, 413, "Request Entity Too Large", "The request body is larger than the limit of " + maxBodySize + " bytes");
            return;
        }
        context.next();
    }

    /** The last route: a path nothing serves. */
    void notFound(RoutingContext context) {
        answer(context, 404, "Not Found", "There is nothing at " + context.request().path());
    }

    void answer(RoutingContext context, int status, String title, String detail) {
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
