package news.broadsheet.media;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What editors write about an image: the multipart fields of an upload, and what a merge patch changes. */
@Schema(name = "MediaInput", description = "What editors write about an image; each field left out keeps its value (on upload: "
        + "what the file's IPTC, XMP or EXIF metadata says, for caption, credit and creator)")
public record MediaInput(
        @Schema(examples = "A tram crossing Rynok Square in the rain", maxLength = 500) @Size(max = 500) String alt,
        @Schema(examples = "Trams ran again on Monday morning", maxLength = 1000) @Size(max = 1000) String caption,
        @Schema(examples = "Hanna Łukasik / Broadsheet", maxLength = 300) @Size(max = 300) String credit,
        @Schema(examples = "Hanna Łukasik", maxLength = 300) @Size(max = 300) String creator,
        @Valid FocalPoint focalPoint) {

    static MediaInput of(Media media) {
        return new MediaInput(media.alt, media.caption, media.credit, media.creator, media.focalPoint());
    }
}
