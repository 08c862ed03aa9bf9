package news.broadsheet.media;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * A picture as writers give it (an article's hero image, an author's photo) and as it is stored: an image of the media
 * library ({@code media}) or one elsewhere ({@code url}). Stored, a media image also keeps its original's URL, so
 * feeds and structured data name it without asking the library.
 */
@Embeddable
@Schema(name = "HeroImageInput", description = "An image of the media library (media), or one elsewhere (url); give one of them. "
        + "With media, alt, caption and credit left out are the media's")
public record HeroImage(
        @Schema(description = "An image elsewhere; ignored when media is given", examples = "https://images.example.org/lviv-tram.jpg",
                maxLength = 2000)
        @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an absolute http(s) URL")
        @Column(name = "hero_image_url")
        String url,

        @Schema(description = "The id of an image of the media library", examples = "0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10")
        @Column(name = "hero_image_media")
        UUID media,

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

    public HeroImage(String url, String alt, String caption, String credit) {
        this(url, null, alt, caption, credit);
    }
}
