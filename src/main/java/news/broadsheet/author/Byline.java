package news.broadsheet.author;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One author as an article credits them: enough for a byline that links to the author's page. */
@Schema(name = "Byline", requiredProperties = {"slug", "name"})
public record Byline(
        @Schema(description = "The author's slug: GET /api/v1/authors/{slug}", examples = "hanna-lukasik") String slug,
        @Schema(examples = "Hanna Łukasik") String name) {
}
