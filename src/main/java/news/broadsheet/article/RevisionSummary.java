package news.broadsheet.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "Revision", description = "One saved state of an article, in a list", requiredProperties = {"number", "createdAt", "changed"})
public record RevisionSummary(
        @Schema(description = "1 for the article as created, then one more for each change", examples = "3") int number,
        @Schema(examples = "2026-11-24T10:02:00Z") Instant createdAt,
        @Schema(description = "The name of the API token that wrote it; null for the service's own writes (sample content, migrations)",
                examples = "night-desk") String by,
        @Schema(description = "The fields this change set (as ArticleInput names them); for the first revision, those the article "
                + "was created with", examples = "[\"title\", \"body\"]") List<String> changed) {
}
