package news.broadsheet.media;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Rendition", description = "One file of an image, for srcset: a width of the whole image or a crop",
        requiredProperties = {"name", "width", "height", "mimeType", "url"})
public record RenditionView(
        @Schema(description = "w<width> for the whole image scaled; 16x9-w<width>, 4x3-w<width> or 1x1-w<width> for a crop around "
                + "the focal point", examples = "16x9-w640") String name,
        @Schema(examples = "640") int width,
        @Schema(examples = "360") int height,
        @Schema(examples = "image/webp", enumeration = {"image/jpeg", "image/webp"}) String mimeType,
        @Schema(description = "Served with Cache-Control: public, max-age=31536000, immutable",
                examples = "https://api.news.example/media/0b9e4a51-6d7f-4a43-9d55-2f1c8e3a7b10/16x9-w640-k3f9.webp") String url) {
}
