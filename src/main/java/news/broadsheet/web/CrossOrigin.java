package news.broadsheet.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.BroadsheetConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The CORS protocol of the Fetch standard, decided for every answer in one place:
 * <ul>
 * <li>the frontends' origins ({@code broadsheet.cors.origins}) and the service's own get a grant on every answer,
 * preflights, errors and answers from the response cache included;</li>
 * <li>any other origin reads public content exactly as a request without an Origin does, without a grant (so its
 * pages cannot read the answer), and its preflights and unsafe requests are refused with 403 problem+json;</li>
 * <li>every answer says {@code Vary: Origin}, so a CDN never hands one origin's answer to another.</li>
 * </ul>
 * Quarkus' own CORS filter is off: it refuses even public reads from unlisted origins (403, empty body).
 */
@ApplicationScoped
class CrossOrigin {

    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, If-Match, If-None-Match";
    static final String EXPOSED_HEADERS = "ETag, Link, Location, Retry-After";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final HttpLayerProblems problems;
    private final Set<String> origins;
    private final List<Pattern> originPatterns;
    private final boolean anyOrigin;
    private final String preflightMaxAge;

    CrossOrigin(HttpLayerProblems problems, BroadsheetConfig config) {
        this.problems = problems;
        List<String> configured = config.cors().origins().orElse(List.of()).stream().map(String::strip)
                .filter(origin -> !origin.isEmpty()).toList();
        this.anyOrigin = configured.contains("*");
        this.origins = Set.copyOf(configured.stream().filter(origin -> !isPattern(origin)).toList());
        this.originPatterns = configured.stream().filter(CrossOrigin::isPattern)
                .map(origin -> Pattern.compile(origin.substring(1, origin.length() - 1))).toList();
        this.preflightMaxAge = Long.toString(config.cors().preflightMaxAge().toSeconds());
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        // last, so no later handler or the REST layer replaces it
        context.addHeadersEndHandler(ignored -> addVaryOrigin(response));
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            context.next();
            return;
        }
        boolean preflight = request.method() == HttpMethod.OPTIONS
                && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
        if (allows(origin, request)) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            if (preflight) {
                response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
                        .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
                        .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, preflightMaxAge)
                        .setStatusCode(204)
                        .end();
                return;
            }
            response.putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
            context.next();
            return;
        }
        if (preflight || !SAFE.contains(request.method())) {
            problems.answer(context, 403, "Forbidden", "Pages on " + describe(origin) + " may not call this API from a browser; "
                    + "the service's operator lists the frontends' origins in BROADSHEET_CORS_ORIGINS");
            return;
        }
        context.next(); // public content reads the same for every origin; without a grant, the page cannot read it
    }

    private boolean allows(String origin, HttpServerRequest request) {
        return anyOrigin || origins.contains(origin) || originPatterns.stream().anyMatch(p -> p.matcher(origin).matches())
                || isSameOrigin(origin, request);
    }

    private static boolean isSameOrigin(String origin, HttpServerRequest request) {
        var authority = request.authority();
        return authority != null && origin.equals(request.scheme() + "://" + authority);
    }

    /**
     * One Vary header: clients and caches that read a single value see every name. Sorted, so an answer reads the same
     * whichever layer named what first (the REST layer adds Accept on its own for a method of several media types).
     */
    private static void addVaryOrigin(HttpServerResponse response) {
        List<String> names = new ArrayList<>();
        for (String vary : response.headers().getAll(HttpHeaders.VARY)) {
            for (String name : vary.split(",")) {
                if (!name.isBlank() && names.stream().noneMatch(name.strip()::equalsIgnoreCase)) {
                    names.add(name.strip());
                }
            }
        }
        if (names.stream().noneMatch("Origin"::equalsIgnoreCase)) {
            names.add("Origin");
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        response.headers().set(HttpHeaders.VARY, String.join(", ", names));
    }

    private static boolean isPattern(String origin) {
        return origin.length() > 2 && origin.startsWith("/") && origin.endsWith("/");
    }

    /** The origin as it may be shown in a problem: at most 200 printable characters. */
    private static String describe(String origin) {
        String printable = origin.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 200 ? printable.substring(0, 200) + "..." : printable;
    }
}
