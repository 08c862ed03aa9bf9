package news.broadsheet.article;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;

/**
 * An article's section in a request: the slug string, or {@code {"slug"}} (a {@code name} beside it is ignored,
 * so an article read from the API can be sent back as it is). Its OpenAPI schema is in META-INF/openapi.yaml.
 */
@JsonIgnoreProperties(value = "name", allowSetters = true)
public record SectionRef(@NotBlank(message = "must name a section") String slug) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public SectionRef(@JsonProperty("slug") String slug) {
        this.slug = slug;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static SectionRef of(String slug) {
        return new SectionRef(slug);
    }
}
