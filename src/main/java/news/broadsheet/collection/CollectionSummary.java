package news.broadsheet.collection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "CollectionSummary", description = "A collection in the list: everything but its articles",
        requiredProperties = {"id", "slug", "name", "createdAt", "updatedAt"})
public record CollectionSummary(
        @Schema(examples = "7e2d4c1b-9a8f-4e3d-b2c1-0f9e8d7c6b5a") UUID id,
        @Schema(examples = "dont-miss") String slug,
        @Schema(examples = "Don't miss") String name,
        @Schema(examples = "The editors' picks of the day") String description,
        @Schema(examples = "2026-11-24T06:00:00Z") Instant createdAt,
        @Schema(examples = "2026-11-24T09:30:00Z") Instant updatedAt) {

    static CollectionSummary from(Collection collection) {
        return new CollectionSummary(collection.id, collection.slug, collection.name, collection.description, collection.createdAt,
                collection.updatedAt);
    }
}
