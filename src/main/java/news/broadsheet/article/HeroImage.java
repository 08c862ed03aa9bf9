package news.broadsheet.article;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The picture at the top of an article, with what a page needs to show and credit it. */
@Embeddable
@Schema(name = "HeroImage")
public record HeroImage(
        @Schema(examples = "https://images.example.org/lviv-tram.jpg", maxLength = 2000, required = true)
        @NotBlank @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an absolute http(s) URL")
        @Column(name = "hero_image_url")
        String url,

        @Schema(description = "Text alternative for screen readers", examples = "A tram crossing Rynok Square in the rain", maxLength = 500)
        @Size(max = 500)
        @Column(name = "hero_image_alt")
        String alt,

        @Schema(examples = "Trams ran again on Monday morning", maxLength = 1000)
        @Size(max = 1000)
        @Column(name = "hero_image_caption")
        String caption,

        @Schema(examples = "Hanna Łukasik", maxLength = 300)
        @Size(max = 300)
        @Column(name = "hero_image_credit")
        String credit) {
}
