package news.broadsheet.demo;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The demo site's files served as a real frontend is, from an origin of its own (http://127.0.0.1:PORT, where the API
 * is http://localhost:8081), with its config.js pointing at the API: every call the pages make is cross-origin.
 */
final class OtherOrigin implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;

    OtherOrigin(String apiBase) throws Exception {
        Router router = Router.router(vertx);
        router.get("/config.js").handler(context -> context.response()
                .putHeader("Content-Type", "text/javascript; charset=utf-8")
                .end("export const API_BASE = '" + apiBase + "';\n"));
        router.route().handler(StaticHandler.create(FileSystemAccess.ROOT, Path.of("demo").toAbsolutePath().toString())
                .setCachingEnabled(false).setIndexPage("index.html"));
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String url(String page) {
        return "http://127.0.0.1:" + server.actualPort() + "/" + page;
    }

    String origin() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
