package news.broadsheet.section;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Section", requiredProperties = {"id", "slug", "name", "position", "createdAt", "updatedAt"})
public record SectionView(
        @Schema(examples = "0b9f5a52-3f1c-4d59-9b7e-2f4f1a0c6e11") UUID id,
        @Schema(examples = "europe") String slug,
        @Schema(examples = "Europe") String name,
        @Schema(examples = "News from across Europe") String description,
        @Schema(description = "Slug of the parent section, or null", examples = "world") String parent,
        @Schema(examples = "1") int position,
        @Schema(examples = "2026-11-24T09:30:00Z") Instant createdAt,
        @Schema(examples = "2026-11-24T09:30:00Z") Instant updatedAt) {

    public static SectionView from(Section section) {
        return new SectionView(section.id, section.slug, section.name, section.description,
                section.parent == null ? null : section.parent.slug, section.position, section.createdAt, section.updatedAt);
    }
}
