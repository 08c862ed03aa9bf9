package news.broadsheet.search;

import jakarta.enterprise.context.ApplicationScoped;
import news.broadsheet.BroadsheetConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The search engine in /q/health/ready. While OpenSearch misses changes the check says {@code search: degraded} but
 * stays UP: every read but search still answers, so a load balancer should keep sending traffic.
 */
@Readiness
@ApplicationScoped
class SearchReadiness implements HealthCheck {

    private final SearchAvailability availability;
    private final BroadsheetConfig.Search.Engine engine;

    SearchReadiness(SearchAvailability availability, BroadsheetConfig config) {
        this.availability = availability;
        this.engine = config.search().engine();
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("search").up().withData("engine", engine.name().toLowerCase());
        if (engine == BroadsheetConfig.Search.Engine.OPENSEARCH) {
            SearchAvailability.Known known = availability.read();
            response.withData("search", known.problem().isPresent() ? "degraded" : "ok")
                    .withData("queuedChanges", known.queuedChanges());
            known.problem().ifPresent(problem -> response.withData("problem", problem));
        }
        return response.build();
    }
}
