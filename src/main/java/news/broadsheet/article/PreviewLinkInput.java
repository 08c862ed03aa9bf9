package news.broadsheet.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PreviewLinkInput", description = "How long the link works; the whole body may be left out (24 hours)")
public record PreviewLinkInput(
        @Schema(description = "An ISO 8601 duration of at most 30 days (P30D); 24 hours (PT24H) when left out",
                examples = "PT24H", defaultValue = "PT24H")
        String expiresIn) {
}
