package news.broadsheet.media;

import com.drew.imaging.FileType;

import java.util.Optional;

/** The image types the media library takes, as read from the bytes; the format a file is kept and served in. */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp"),
    GIF("image/gif", "gif");

    private final String mimeType;
    private final String extension;

    ImageFormat(String mimeType, String extension) {
        this.mimeType = mimeType;
        this.extension = extension;
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    static Optional<ImageFormat> of(FileType detected) {
        return Optional.ofNullable(switch (detected) {
            case Jpeg -> JPEG;
            case Png -> PNG;
            case WebP -> WEBP;
            case Gif -> GIF;
            default -> null;
        });
    }

    static Optional<ImageFormat> ofExtension(String extension) {
        for (ImageFormat format : values()) {
            if (format.extension.equals(extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
