package news.broadsheet.media;

import net.coobird.thumbnailator.Thumbnails;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The files of an image: the original (orientation applied, metadata dropped, in its own format) and the fixed set of
 * renditions, each in JPEG and WebP: every width of {@link #WIDTHS} up to the image's own, and the crops of
 * {@link Crop} around the focal point at every width up to the crop's own. Scaling is Thumbnailator's (progressive
 * bilinear, so a downscale stays sharp without aliasing); the renditions are scaled from one intermediate copy just large
 * enough for the largest, not from the full image each time.
 */
final class ImageRenderer {

    static final int[] WIDTHS = {320, 640, 960, 1280, 1920};
    static final String ORIGINAL = "original";

    enum Crop {
        WIDE(16, 9), CLASSIC(4, 3), SQUARE(1, 1);

        final int across;
        final int down;

        Crop(int across, int down) {
            this.across = across;
            this.down = down;
        }

        String label() {
            return across + "x" + down;
        }
    }

    private ImageRenderer() {
    }

    /** The pixels as the image is meant to be seen: EXIF orientation applied, in a type every encoder takes. */
    static BufferedImage decode(Path file, ImageFacts facts) throws IOException {
        BufferedImage stored;
        try {
            stored = ImageCodecs.read(file, facts.format());
        } catch (IOException | RuntimeException e) {
            throw ImageFacts.unreadable(facts.format());
        }
        boolean plainType = stored.getType() == BufferedImage.TYPE_INT_RGB || stored.getType() == BufferedImage.TYPE_INT_ARGB
                || stored.getType() == BufferedImage.TYPE_3BYTE_BGR;
        if (facts.orientation() == 1 && plainType) {
            return stored;
        }
        int w = stored.getWidth();
        int h = stored.getHeight();
        boolean turned = facts.quarterTurned();
        BufferedImage shown = new BufferedImage(turned ? h : w, turned ? w : h,
                stored.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = shown.createGraphics();
        try {
            g.drawImage(stored, orientation(facts.orientation(), w, h), null);
        } finally {
            g.dispose();
        }
        return shown;
    }

    /** EXIF orientations 1 to 8 as the transform from stored to shown pixels. */
    static AffineTransform orientation(int orientation, int w, int h) {
        return switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
    }

    /**
     * Writes the original and every rendition into {@code folder}; the original first in the list. The files are
     * encoded in parallel (each is independent): one upload uses every core.
     */
    static List<Rendition> renderAll(BufferedImage image, ImageFormat format, FocalPoint focalPoint, Path folder) throws IOException {
        List<Supplier<List<Rendition>>> tasks = new ArrayList<>();
        String original = ORIGINAL + "." + format.extension();
        tasks.add(() -> {
            ImageCodecs.write(image, format, ImageCodecs.ORIGINAL_QUALITY, folder.resolve(original));
            return List.of(new Rendition(ORIGINAL, image.getWidth(), image.getHeight(), format.mimeType(), original));
        });
        BufferedImage base = base(image);
        double scale = base.getWidth() / (double) image.getWidth();
        for (int width : WIDTHS) {
            if (width > image.getWidth()) {
                break;
            }
            int height = Math.max(1, (int) Math.round(width * image.getHeight() / (double) image.getWidth()));
            tasks.add(() -> both(scaled(base, null, width, height), "w" + width, "w" + width, folder));
        }
        tasks.addAll(cropTasks(base, scale, image.getWidth(), image.getHeight(), focalPoint, folder));
        return run(tasks);
    }

    /** The crops alone, for a new focal point, from the image as stored (the original). */
    static List<Rendition> renderCrops(BufferedImage image, FocalPoint focalPoint, Path folder) throws IOException {
        BufferedImage base = base(image);
        return run(cropTasks(base, base.getWidth() / (double) image.getWidth(), image.getWidth(), image.getHeight(), focalPoint, folder));
    }

    private static List<Supplier<List<Rendition>>> cropTasks(BufferedImage base, double scale, int width, int height,
                                                           FocalPoint focalPoint, Path folder) {
        List<Supplier<List<Rendition>>> tasks = new ArrayList<>();
        String token = token(focalPoint);
        for (Crop crop : Crop.values()) {
            Rectangle region = region(width, height, crop, focalPoint);
            Rectangle scaledRegion = new Rectangle((int) Math.floor(region.x * scale), (int) Math.floor(region.y * scale),
                    Math.max(1, (int) Math.round(region.width * scale)), Math.max(1, (int) Math.round(region.height * scale)));
            scaledRegion.width = Math.min(scaledRegion.width, base.getWidth() - scaledRegion.x);
            scaledRegion.height = Math.min(scaledRegion.height, base.getHeight() - scaledRegion.y);
            for (int cropWidth : WIDTHS) {
                if (cropWidth > region.width) {
                    break;
                }
                int cropHeight = Math.max(1, (int) Math.round(cropWidth * crop.down / (double) crop.across));
                String name = crop.label() + "-w" + cropWidth;
                tasks.add(() -> both(scaled(base, scaledRegion, cropWidth, cropHeight), name, name + "-" + token, folder));
            }
        }
        return tasks;
    }

    /** Runs the tasks on every core; their files in the tasks' order. */
    private static List<Rendition> run(List<Supplier<List<Rendition>>> tasks) throws IOException {
        try {
            return tasks.parallelStream().map(Supplier::get).flatMap(List::stream).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** {@code region} of the image (all of it when null) scaled to exactly width x height. */
    private static BufferedImage scaled(BufferedImage image, Rectangle region, int width, int height) {
        try {
            var builder = Thumbnails.of(image);
            if (region != null) {
                builder.sourceRegion(region);
            }
            return builder.forceSize(width, height).asBufferedImage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isCrop(Rendition rendition) {
        return Arrays.stream(Crop.values()).anyMatch(crop -> rendition.name().startsWith(crop.label() + "-"));
    }

    /**
     * The largest region of the crop's shape inside the image, placed so that the focal point is as near its centre as
     * the image's edges allow.
     */
    static Rectangle region(int width, int height, Crop crop, FocalPoint focalPoint) {
        int regionWidth = width;
        int regionHeight = (int) Math.round(width * crop.down / (double) crop.across);
        if (regionHeight > height) {
            regionHeight = height;
            regionWidth = (int) Math.round(height * crop.across / (double) crop.down);
        }
        int x = (int) Math.round(focalPoint.x() * width - regionWidth / 2.0);
        int y = (int) Math.round(focalPoint.y() * height - regionHeight / 2.0);
        x = Math.max(0, Math.min(x, width - regionWidth));
        y = Math.max(0, Math.min(y, height - regionHeight));
        return new Rectangle(x, y, regionWidth, regionHeight);
    }

    /**
     * A short name for a focal point: crops made for another point have other file names, so a file's bytes never
     * change under its URL (served as immutable).
     */
    static String token(FocalPoint focalPoint) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.format(Locale.ROOT, "%s,%s", focalPoint.x(), focalPoint.y()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Just large enough for every rendition: its shorter side reaches the largest width, or it is the image itself. */
    private static BufferedImage base(BufferedImage image) throws IOException {
        int largest = WIDTHS[WIDTHS.length - 1];
        double scale = Math.max(largest / (double) image.getWidth(), largest / (double) image.getHeight());
        if (scale >= 0.999) {
            return image;
        }
        return Thumbnails.of(image).scale(scale).asBufferedImage();
    }

    private static List<Rendition> both(BufferedImage image, String name, String fileStem, Path folder) {
        String jpeg = fileStem + ".jpg";
        String webp = fileStem + ".webp";
        ImageCodecs.write(image, ImageFormat.JPEG, ImageCodecs.JPEG_QUALITY, folder.resolve(jpeg));
        ImageCodecs.write(image, ImageFormat.WEBP, ImageCodecs.WEBP_QUALITY, folder.resolve(webp));
        return List.of(new Rendition(name, image.getWidth(), image.getHeight(), ImageFormat.JPEG.mimeType(), jpeg),
                new Rendition(name, image.getWidth(), image.getHeight(), ImageFormat.WEBP.mimeType(), webp));
    }
}
