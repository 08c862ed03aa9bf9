package news.broadsheet.article;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article's section in a request: the slug string, or {@code {"slug"}} (a {@code name} beside it is ignored). */
@JsonIgnoreProperties(value = "name", allowSetters = true)
@Schema(name = "SectionRef", oneOf = {String.class, SectionRef.SlugObject.class},
        description = "The section's slug, as a string or as {\"slug\"}", examples = "europe")
public record SectionRef(@NotBlank(message = "must name a section") String slug) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public SectionRef(@JsonProperty("slug") String slug) {
        this.slug = slug;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static SectionRef of(String slug) {
        return new SectionRef(slug);
    }

    @Schema(name = "SectionSlug")
    record SlugObject(@Schema(examples = "europe", required = true) String slug) {
    }
}
