package news.broadsheet.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.broadsheet.BroadsheetConfig;


/**
 * Answers of the HTTP layer below the REST resources, as problem+json too: paths no route serves (404),
 * bodies declared larger than {@code broadsheet.limits.*} (413), refused before they are read,
 * and NUL characters in the path or query (400).
 */
@ApplicationScoped
class HttpLayerProblems {

    private static final String IMPORT_PATH = "/api/v1/articles/import";

    private final ObjectMapper json;
    private final long maxBodySize;
    private final long maxImportSize;

    HttpLayerProblems(ObjectMapper json, BroadsheetConfig config) {
        this.json = json;
        this.maxBodySize = config.limits().maxBodySize().asLongValue();
        this.maxImportSize = config.limits().maxImportSize().asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversizedBody);
        router.route().order(Integer.MIN_VALUE + 1).handler(this::refuseNulCharacters);
        router.route().last().handler(context ->
                answer(context, 404, "Not Found", "There is nothing at " + context.request().path()));
    }

    private void refuseOversizedBody(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = IMPORT_PATH.equals(context.request().path()) ? maxImportSize : maxBodySize;
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > limit) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            answer(context, 413, "Request Entity Too Large", "The request body is larger than the limit of " + limit + " bytes");
            return;
        }
        context.next();
    }

    /** PostgreSQL text cannot hold U+0000, so a path or query carrying one is refused before it reaches a query. */
    private void refuseNulCharacters(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.contains("%00") || uri.indexOf('\0') >= 0) {
            answer(context, 400, "Bad Request", "The path or query contains a NUL character (%00)");
            return;
        }
        context.next();
    }

    private void answer(RoutingContext context, int status, String title, String detail) {
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
