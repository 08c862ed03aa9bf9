package news.broadsheet.media;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** A picture in an answer: an article's hero image, an author's photo; with a media library image's sizes and renditions. */
@Schema(name = "HeroImage", requiredProperties = "url",
        description = "A picture and what a page needs to show and credit it; an image of the media library adds media, width, "
                + "height and renditions (for srcset)")
public record ImageView(
        @Schema(description = "The image: the original of a media library image, or the address given",
                examples = "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/original.jpg") String url,
        @Schema(description = "The media library image, when it is one", examples = "0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10")
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID media,
        @Schema(description = "Text alternative for screen readers", examples = "A tram crossing Rynok Square in the rain") String alt,
        @Schema(examples = "Trams ran again on Monday morning") String caption,
        @Schema(examples = "Hanna Łukasik") String credit,
        @Schema(examples = "4000") @JsonInclude(JsonInclude.Include.NON_NULL) Integer width,
        @Schema(examples = "3000") @JsonInclude(JsonInclude.Include.NON_NULL) Integer height,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<RenditionView> renditions) {

    /** A stored picture as it is answered without asking the library (an image elsewhere, or before completion). */
    public static ImageView of(HeroImage image) {
        return image == null ? null : new ImageView(image.url(), image.media(), image.alt(), image.caption(), image.credit(), null, null, null);
    }
}
