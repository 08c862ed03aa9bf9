package news.broadsheet.section;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.broadsheet.slug.Slugs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SectionInput", description = "A section as written by an editor. On PUT the path gives the slug.")
public record SectionInput(
        @Schema(description = "Left out on create: derived from the name (transliterated to ASCII); a taken derived slug gets -2, -3, ...",
                examples = "europe", maxLength = 120, pattern = Slugs.PATTERN)
        @Pattern(regexp = Slugs.PATTERN, message = "must be " + Slugs.RULE) @Size(max = Slugs.MAX_LENGTH)
        String slug,

        @Schema(examples = "Europe", maxLength = 200, required = true)
        @NotBlank @Size(max = 200)
        String name,

        @Schema(examples = "News from across Europe", maxLength = 2000)
        @Size(max = 2000)
        String description,

        @Schema(description = "Slug of the parent section, or null for a top-level section", examples = "world", pattern = Slugs.PATTERN)
        @Pattern(regexp = Slugs.PATTERN, message = "must be the slug of an existing section")
        String parent,

        @Schema(description = "Order in navigation, lowest first; 0 when left out", examples = "1", minimum = "0", maximum = "100000")
        @Min(0) @Max(100_000)
        Integer position) {

    static SectionInput from(Section section) {
        return new SectionInput(section.slug, section.name, section.description,
                section.parent == null ? null : section.parent.slug, section.position);
    }

    SectionInput withSlug(String newSlug) {
        return new SectionInput(newSlug, name, description, parent, position == null ? 0 : position);
    }
}
