package news.broadsheet.collection;

import news.broadsheet.article.ArticleSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Collection", description = "A collection with its articles as list items, in the editors' order",
        requiredProperties = {"id", "slug", "name", "articles", "createdAt", "updatedAt"})
public record CollectionView(
        @Schema(examples = "7e2d4c1b-9a8f-4e3d-b2c1-0f9e8d7c6b5a") UUID id,
        @Schema(examples = "dont-miss") String slug,
        @Schema(examples = "Don't miss") String name,
        @Schema(examples = "The editors' picks of the day") String description,
        @Schema(description = "The public: the articles published now, in the editors' order (drafts, scheduled and deleted ones "
                + "skipped); with a token, every article still there, whatever its status") List<ArticleSummary> articles,
        @Schema(examples = "2026-11-24T06:00:00Z") Instant createdAt,
        @Schema(description = "When editors last changed the collection itself", examples = "2026-11-24T09:30:00Z") Instant updatedAt) {
}
