package news.broadsheet.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** What answers searches and how far behind it is. */
@Schema(name = "SearchIndexStatus", description = "The search engine and, on OpenSearch, the state of its index")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchIndexStatus(
        @Schema(description = "broadsheet.search.engine", enumeration = {"postgres", "opensearch"}, required = true)
        String engine,
        @Schema(description = "`ok`: searches answer from an index that has every change written; `building`: the first index "
                + "is being filled, searches answer 503; `degraded`: the cluster missed changes that wait in the database's "
                + "queue, searches answer 503 until they are written", enumeration = {"ok", "building", "degraded"}, required = true)
        String state,
        @Schema(description = "OpenSearch only: the alias searches read")
        String alias,
        @Schema(description = "OpenSearch only: the index the alias points to; absent before the first build, or when the cluster does not answer")
        String index,
        @Schema(description = "OpenSearch only: article changes committed and not yet written to the index")
        Long queuedChanges,
        @Schema(description = "Why searches are refused, while they are")
        String problem,
        @Schema(description = "The rebuild asked for or under way; absent when there is none")
        Rebuild rebuild) {

    @Schema(name = "SearchIndexRebuild", description = "A new index being filled from every article; searches read the old one until it is complete")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rebuild(
            @Schema(description = "The new index; absent until the indexer has created it") String index,
            @Schema(description = "Articles copied into it so far", required = true) long copied,
            @Schema(description = "When the rebuild was asked for", required = true) Instant requestedAt,
            @Schema(description = "Articles in the database now", required = true) long articles) {
    }
}
