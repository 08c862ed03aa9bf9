package news.broadsheet.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.web.caching.ResponseCache;

import java.nio.file.Path;

/**
 * What the HTTP layer does with a request before the REST layer sees it, in order; the only place route orders are
 * set. Quarkus' own first handlers run before all of these: the response headers of {@code quarkus.http.header}
 * (security headers), so every answer below carries them.
 * <ol>
 * <li>{@link CrossOrigin}: the CORS grant and {@code Vary: Origin} on every answer, preflights answered here;</li>
 * <li>{@link HttpLayerProblems}: bodies declared too large (413), request lines too long (414), NUL characters (400);</li>
 * <li>{@link FileRoute}s: files answered on the event loop (media), without the REST layer's work per request;</li>
 * <li>{@link ResponseCache}: kept public reads answered here, under the request's {@link ContentSnapshot};</li>
 * <li>{@link HttpLayerProblems}: request bodies read on the event loop, up to the limit (413) and the read timeout (408);</li>
 * <li>the REST layer, at Quarkus' default order, and the demo site's files at /demo/ when configured (dev mode);</li>
 * <li>last, {@link HttpLayerProblems#notFound}: paths nothing serves (404).</li>
 * </ol>
 */
@ApplicationScoped
class HttpPipeline {

    private static final int FIRST = Integer.MIN_VALUE + 1; // after Quarkus' headers at MIN_VALUE

    void install(@Observes Router router, CrossOrigin crossOrigin, HttpLayerProblems problems, ResponseCache cache,
                 Instance<FileRoute> files, BroadsheetConfig config) {
        int order = FIRST;
        router.route().order(order++).handler(crossOrigin::handle);
        router.route().order(order++).handler(problems::refuseOversizedBody);
        router.route().order(order++).handler(problems::refuseNulCharactersAndLongUris);
        for (FileRoute file : files) {
            router.route(file.path()).method(HttpMethod.GET).method(HttpMethod.HEAD).order(order).handler(file::serve);
        }
        order++;
        router.route().order(order++).handler(cache::answerFromCache);
        router.route().order(order++).handler(problems::readBody).failureHandler(problems::bodyUnreadable);
        router.route().order(order).handler(problems::bodyRead);
        config.demo().directory().ifPresent(directory -> {
            router.routeWithRegex("/demo").handler(context -> context.redirect("/demo/"));
            router.route("/demo/*").handler(StaticHandler.create(FileSystemAccess.ROOT, Path.of(directory).toAbsolutePath().toString())
                    .setCachingEnabled(false).setIndexPage("index.html"));
        });
        router.route().last().handler(problems::notFound);
    }
}
