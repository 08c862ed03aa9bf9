package news.broadsheet.search;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.auth.Roles;
import news.broadsheet.web.problem.Conflict;
import news.broadsheet.web.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.io.IOException;

@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "Search")
public class SearchResource {

    private static final String STATUS = """
            {"engine": "opensearch", "state": "ok", "alias": "broadsheet-articles", "index": "broadsheet-articles-20261203-091500-120",
             "queuedChanges": 0,
             "rebuild": {"index": "broadsheet-articles-20261203-120000-004", "copied": 412000, "requestedAt": "2026-12-03T12:00:00Z", "articles": 1000000}}""";
    private static final String POSTGRES = """
            {"type": "urn:broadsheet:problem:search-engine-postgres", "title": "Conflict", "status": 409,
             "detail": "Searches are answered by PostgreSQL (broadsheet.search.engine=postgres), whose search index the database keeps itself: there is nothing to rebuild",
             "instance": "/api/v1/search/rebuild"}""";

    private final BroadsheetConfig.Search.Engine engine;
    private final SearchIndexer indexer;
    private final ArticleIndex index;
    private final SearchAvailability availability;

    SearchResource(BroadsheetConfig config, SearchIndexer indexer, ArticleIndex index, SearchAvailability availability) {
        this.engine = config.search().engine();
        this.indexer = indexer;
        this.index = index;
        this.availability = availability;
    }

    @GET
    @Operation(operationId = "getSearchIndex", summary = "Read the search engine's state",
            description = "Which engine answers `q` on article lists and, on OpenSearch, the index searches read, the changes not yet "
                    + "written to it and the progress of a rebuild. Readiness (/q/health/ready) reports the same state.")
    @APIResponse(responseCode = "200", description = "The search engine's state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchIndexStatus.class),
                    examples = @ExampleObject(name = "opensearch", value = STATUS)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public SearchIndexStatus status() {
        if (engine == BroadsheetConfig.Search.Engine.POSTGRES) {
            return new SearchIndexStatus("postgres", "ok", null, null, null, null, null);
        }
        SearchAvailability.Known known = availability.read();
        String problem = known.problem().orElse(null);
        String live = null;
        try {
            live = index.liveIndex().orElse(null);
        } catch (IOException e) {
            problem = "the search cluster does not answer (" + e.getMessage() + ")";
        }
        String state = problem != null ? "degraded" : live == null ? "building" : "ok";
        return new SearchIndexStatus("opensearch", state, index.alias(), live, known.queuedChanges(), problem, indexer.rebuild());
    }

    @POST
    @Path("/rebuild")
    @ResponseStatus(202)
    @Operation(operationId = "rebuildSearchIndex", summary = "Rebuild the search index",
            description = "Fills a new OpenSearch index from every article, with the current mapping, while searches go on reading "
                    + "the old one and changes keep reaching both; then moves the alias to the new index in one step and deletes "
                    + "the old one. For recovery when the cluster lost its data (a new version of Broadsheet whose mapping differs "
                    + "rebuilds by itself, the same way). Runs in the background "
                    + "(about a minute per 100,000 articles); follow it with GET /api/v1/search. Asking again while one is under "
                    + "way changes nothing.")
    @APIResponse(responseCode = "202", description = "The rebuild is asked for or already under way",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchIndexStatus.class),
                    examples = @ExampleObject(name = "under way", value = STATUS)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", description = "The engine is PostgreSQL, which keeps its own search index",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "postgres", value = POSTGRES)))
    public SearchIndexStatus rebuild() {
        if (engine == BroadsheetConfig.Search.Engine.POSTGRES) {
            throw new Conflict("search-engine-postgres", "Searches are answered by PostgreSQL (broadsheet.search.engine=postgres), "
                    + "whose search index the database keeps itself: there is nothing to rebuild");
        }
        indexer.requestRebuild();
        return status();
    }
}
