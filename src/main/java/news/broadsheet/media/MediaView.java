package news.broadsheet.media;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Media", description = "An image of the media library, with the files a page needs for srcset",
        requiredProperties = {"id", "mimeType", "width", "height", "bytes", "focalPoint", "url", "renditions", "createdAt", "updatedAt"})
public record MediaView(
        @Schema(examples = "0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10") UUID id,
        @Schema(description = "The type read from the uploaded bytes; the original is kept in it",
                enumeration = {"image/jpeg", "image/png", "image/webp", "image/gif"}, examples = "image/jpeg") String mimeType,
        @Schema(description = "As shown (EXIF orientation applied)", examples = "4000") int width,
        @Schema(examples = "3000") int height,
        @Schema(description = "The stored original's size", examples = "2811904") long bytes,
        @Schema(description = "Text alternative for screen readers", examples = "A tram crossing Rynok Square in the rain", maxLength = 500)
        String alt,
        @Schema(examples = "Trams ran again on Monday morning", maxLength = 1000) String caption,
        @Schema(examples = "Hanna Łukasik / Broadsheet", maxLength = 300) String credit,
        @Schema(description = "Who made the picture", examples = "Hanna Łukasik", maxLength = 300) String creator,
        FocalPoint focalPoint,
        @Schema(description = "The original at full size, orientation applied and its metadata (GPS, camera, EXIF) removed",
                examples = "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/original.jpg") String url,
        @Schema(description = "Widths up to the original's, and 16:9, 4:3 and 1:1 crops around the focal point, each in JPEG and WebP")
        List<RenditionView> renditions,
        @Schema(examples = "2026-11-24T09:30:00Z") Instant createdAt,
        @Schema(examples = "2026-11-24T09:30:00Z") Instant updatedAt) {

    static MediaView from(Media media, MediaAddresses addresses) {
        return new MediaView(media.id, media.mimeType, media.width, media.height, media.bytes, media.alt, media.caption, media.credit,
                media.creator, media.focalPoint(), addresses.url(media.id, media.original), addresses.renditions(media.id, media.renditions),
                media.createdAt, media.updatedAt);
    }
}
