package news.broadsheet.media;

import com.luciad.imageio.webp.WebPImageReaderSpi;
import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Readers and writers chosen by format, not looked up in ImageIO's registry (which holds the plugins of whichever
 * class loader first asked): the JDK's for JPEG, PNG and GIF, libwebp's (webp-imageio) for WebP.
 */
final class ImageCodecs {

    static final float JPEG_QUALITY = 0.82f;
    static final float WEBP_QUALITY = 0.80f;
    /** The original is re-encoded (which drops its metadata) at a quality that keeps it as good as the upload. */
    static final float ORIGINAL_QUALITY = 0.92f;

    private ImageCodecs() {
    }

    static ImageReader reader(ImageFormat format) throws IOException {
        if (format == ImageFormat.WEBP) {
            return new WebPImageReaderSpi().createReaderInstance(null);
        }
        return first(ImageIO.getImageReadersByFormatName(format.name().toLowerCase()), format);
    }

    /**
     * The first frame, as stored (orientation not applied).
     * @throws IOException also when the reader only warned: a truncated JPEG decodes with its missing part grey
     */
    static BufferedImage read(Path file, ImageFormat format) throws IOException {
        ImageReader reader = reader(format);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(input, true, true);
            BufferedImage image = reader.read(0);
            if (!warnings.isEmpty()) {
                throw new IOException("The image is damaged: " + warnings.get(0));
            }
            return image;
        } finally {
            reader.dispose();
        }
    }

    static void write(BufferedImage image, ImageFormat format, float quality, Path target) {
        ImageWriter writer = writer(format);
        try (ImageOutputStream output = ImageIO.createImageOutputStream(target.toFile())) {
            writer.setOutput(output);
            ImageWriteParam param = param(writer, format, quality);
            BufferedImage pixels = format == ImageFormat.JPEG ? opaque(image) : image;
            writer.write(null, new IIOImage(pixels, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    private static ImageWriter writer(ImageFormat format) {
        if (format == ImageFormat.WEBP) {
            return new WebPImageWriterSpi().createWriterInstance(null);
        }
        return first(ImageIO.getImageWritersByFormatName(format.name().toLowerCase()), format);
    }

    /** The JDK's own codec: always there. */
    private static <T> T first(Iterator<T> codecs, ImageFormat format) {
        if (!codecs.hasNext()) {
            throw new IllegalStateException("No ImageIO codec for " + format);
        }
        return codecs.next();
    }

    private static ImageWriteParam param(ImageWriter writer, ImageFormat format, float quality) {
        return switch (format) {
            case JPEG -> {
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
                yield param;
            }
            case WEBP -> {
                WebPWriteParam param = new WebPWriteParam(null);
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(param.getCompressionTypes()[WebPWriteParam.LOSSY_COMPRESSION]);
                param.setCompressionQuality(quality);
                yield param;
            }
            default -> null;
        };
    }

    /** JPEG has no transparency: transparent pixels become white, as on a page. */
    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
