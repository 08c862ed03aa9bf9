package news.broadsheet.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Paths that no route serves answer 404 problem+json too, not the HTTP layer's plain text. */
@ApplicationScoped
class UnmatchedPaths {

    void install(@Observes Router router, ObjectMapper json) {
        router.route().last().handler(context -> {
            String path = context.request().path();
            var problem = new Problem(Problem.GENERIC_TYPE, "Not Found", 404, "There is nothing at " + path, path, null);
            try {
                context.response()
                        .setStatusCode(404)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end(json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                context.fail(e);
            }
        });
    }
}
