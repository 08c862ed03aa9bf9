package news.broadsheet.web;

import io.vertx.ext.web.RoutingContext;

/**
 * Files answered by the HTTP layer itself (GET and HEAD), like a static file server: after the CORS grant and the
 * request line's checks of the {@link HttpPipeline}, before the response cache and the REST layer, which they skip.
 */
public interface FileRoute {

    /** The route's path, in Vert.x' form ({@code /media/:id/:file}). */
    String path();

    /** Answers the request; on the event loop, so anything that waits goes to a worker. */
    void serve(RoutingContext context);
}
