package news.broadsheet.media;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.drew.imaging.FileTypeDetector;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import news.broadsheet.web.problem.Refused;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What an uploaded file is, read from its bytes before any pixel is decoded: its type (never the Content-Type or a
 * name), its dimensions as shown (EXIF orientation applied), and the caption, credit and creator a photographer or
 * agency wrote into it (IPTC first, then XMP, then EXIF, as photo desks' tools read them).
 */
record ImageFacts(ImageFormat format, int width, int height, int orientation, String caption, String credit, String creator) {

    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/";
    /** Beyond any camera or scan; a side this long is a crafted file. */
    static final int MAX_SIDE = 30_000;

    long pixels() {
        return (long) width * height;
    }

    /** Whether the stored pixels are turned a quarter (EXIF orientations 5 to 8): their width is the shown height. */
    boolean quarterTurned() {
        return orientation >= 5 && orientation <= 8;
    }

    /** @throws Refused 400 for an empty, truncated or oversized image, 415 for bytes of any other type */
    static ImageFacts of(Path file, long maxPixels) throws IOException {
        if (Files.size(file) == 0) {
            throw new Refused(400, "empty-upload", "The request body is empty: send the image's bytes "
                    + "(curl --data-binary @photo.jpg) or a multipart form with a 'file' part");
        }
        ImageFormat format = format(file);
        int storedWidth;
        int storedHeight;
        ImageReader reader = ImageCodecs.reader(format);
        try (ImageInputStream input = javax.imageio.ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(input, true, true);
            storedWidth = reader.getWidth(0);
            storedHeight = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw unreadable(format);
        } finally {
            reader.dispose();
        }
        if (storedWidth <= 0 || storedHeight <= 0 || storedWidth > MAX_SIDE || storedHeight > MAX_SIDE
                || (long) storedWidth * storedHeight > maxPixels) {
            throw new Refused(400, "image-too-large", "The image is " + storedWidth + " x " + storedHeight
                    + " pixels; at most " + maxPixels + " pixels and " + MAX_SIDE + " on a side are taken");
        }
        Metadata metadata = metadata(file);
        int orientation = orientation(metadata);
        boolean turned = orientation >= 5 && orientation <= 8;
        return new ImageFacts(format, turned ? storedHeight : storedWidth, turned ? storedWidth : storedHeight, orientation,
                first(iptc(metadata, IptcDirectory.TAG_CAPTION), xmpText(metadata, DC, "description"),
                        exif(metadata, ExifIFD0Directory.TAG_IMAGE_DESCRIPTION)),
                first(iptc(metadata, IptcDirectory.TAG_CREDIT), xmpProperty(metadata, PHOTOSHOP, "Credit"),
                        exif(metadata, ExifIFD0Directory.TAG_COPYRIGHT)),
                first(iptc(metadata, IptcDirectory.TAG_BY_LINE), xmpFirst(metadata, DC, "creator"),
                        exif(metadata, ExifIFD0Directory.TAG_ARTIST)));
    }

    static Refused unreadable(ImageFormat format) {
        return new Refused(400, "unreadable-image", "The file starts as a " + format.name()
                + " image but cannot be read as one: it is truncated or corrupt");
    }

    private static ImageFormat format(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            in.mark(64);
            byte[] start = in.readNBytes(64);
            in.reset();
            Optional<ImageFormat> format = ImageFormat.of(FileTypeDetector.detectFileType(in));
            if (format.isPresent()) {
                return format.get();
            }
            String text = new String(start, StandardCharsets.ISO_8859_1).stripLeading().toLowerCase();
            if (text.startsWith("<svg") || text.startsWith("<?xml") || text.startsWith("<!doctype svg")) {
                throw new Refused(415, "unsupported-image-type", "SVG is not taken: it can carry scripts that would run "
                        + "on the site's origin. Send a PNG, JPEG, WebP or GIF");
            }
            throw new Refused(415, "unsupported-image-type", "The bytes are not a JPEG, PNG, WebP or GIF image "
                    + "(the type is read from the file itself, not from its Content-Type or name)");
        }
    }

    private static Metadata metadata(Path file) {
        try {
            return ImageMetadataReader.readMetadata(file.toFile());
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return new Metadata(); // damaged metadata costs the pre-filled fields, not the upload
        }
    }

    private static int orientation(Metadata metadata) {
        ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        try {
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                int orientation = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                return orientation >= 1 && orientation <= 8 ? orientation : 1;
            }
        } catch (MetadataException e) {
            // an unreadable orientation is the normal one
        }
        return 1;
    }

    private static String iptc(Metadata metadata, int tag) {
        return text(metadata.getFirstDirectoryOfType(IptcDirectory.class), tag);
    }

    private static String exif(Metadata metadata, int tag) {
        return text(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class), tag);
    }

    private static String text(Directory directory, int tag) {
        return directory == null ? null : directory.getString(tag);
    }

    private static XMPMeta xmp(Metadata metadata) {
        XmpDirectory directory = metadata.getFirstDirectoryOfType(XmpDirectory.class);
        return directory == null ? null : directory.getXMPMeta();
    }

    private static String xmpText(Metadata metadata, String namespace, String property) {
        XMPMeta xmp = xmp(metadata);
        try {
            var text = xmp == null ? null : xmp.getLocalizedText(namespace, property, "", "x-default");
            return text == null ? null : text.getValue();
        } catch (XMPException e) {
            return null;
        }
    }

    private static String xmpProperty(Metadata metadata, String namespace, String property) {
        XMPMeta xmp = xmp(metadata);
        try {
            return xmp == null ? null : xmp.getPropertyString(namespace, property);
        } catch (XMPException e) {
            return null;
        }
    }

    private static String xmpFirst(Metadata metadata, String namespace, String property) {
        XMPMeta xmp = xmp(metadata);
        try {
            var item = xmp == null || !xmp.doesPropertyExist(namespace, property) ? null : xmp.getArrayItem(namespace, property, 1);
            return item == null ? null : item.getValue();
        } catch (XMPException e) {
            return null;
        }
    }

    /** The first value with text, trimmed to what the record's field holds. */
    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                String trimmed = value.strip().replaceAll("[\\p{Cntrl}&&[^\\n]]", "");
                return trimmed.isEmpty() ? null : trimmed;
            }
        }
        return null;
    }
}
