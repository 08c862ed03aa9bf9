package news.broadsheet.tag;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TagCount", requiredProperties = {"slug", "articleCount"})
public record TagCount(@Schema(examples = "elections") String slug,
                       @Schema(description = "Published articles with this tag", examples = "42") long articleCount) {
}
