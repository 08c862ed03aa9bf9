package news.broadsheet.tag;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import news.broadsheet.web.caching.CachedAnswer;
import news.broadsheet.web.caching.PublicCollection;
import news.broadsheet.web.paging.Page;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/tags")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tags")
public class TagResource {

    private final TagCounts tags;

    TagResource(TagCounts tags) {
        this.tags = tags;
    }

    @PublicCollection
    @CachedAnswer
    @Parameter(ref = "IfNoneMatch")
    @GET
    @Operation(operationId = "listTags", summary = "List the tags in use",
            description = "Every tag of a published article, with how many published articles carry it, most used first. "
                    + "Drafts, archived and scheduled articles do not count. Never paged: next is always null.")
    @APIResponse(responseCode = "200", description = "The tags in use",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TagList.class),
                    examples = @ExampleObject(name = "tags", value = """
                            {"items": [{"slug": "elections", "articleCount": 42}, {"slug": "transport", "articleCount": 17}], "next": null}""")))
    public Page<TagCount> list() {
        return new Page<>(tags.inUse(), null, null);
    }

    /** The list's shape, for the OpenAPI document. */
    @Schema(name = "TagList", requiredProperties = "items")
    record TagList(List<TagCount> items, @Schema(description = "Always null: tags come in one page") String next) {
    }
}
