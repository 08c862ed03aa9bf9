import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;

/**
 * Photographs for bench/media.sh, made with the JDK alone: java bench/MediaImages.java WIDTH HEIGHT QUALITY NOISE OUT.
 * Smooth gradients and shapes with film-grain noise of the given strength (0-255): a camera's 12-megapixel JPEG with a
 * little grain is a few megabytes; a 20 MB file needs heavy grain at a high quality.
 */
public class MediaImages {
    public static void main(String[] args) throws Exception {
        int width = Integer.parseInt(args[0]);
        int height = Integer.parseInt(args[1]);
        float quality = Float.parseFloat(args[2]);
        int noise = Integer.parseInt(args[3]);
        Random random = new Random(42);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sky = (double) y / height;
                int r = (int) (90 + 120 * sky + 30 * Math.sin(x / 300.0));
                int g = (int) (120 + 80 * sky + 20 * Math.cos(y / 200.0));
                int b = (int) (200 - 90 * sky);
                if (Math.hypot(x - width * 0.33, y - height * 0.6) < height * 0.15) {
                    r = 180; g = 40; b = 50;
                }
                int grain = noise == 0 ? 0 : random.nextInt(2 * noise + 1) - noise;
                image.setRGB(x, y, (clamp(r + grain) << 16) | (clamp(g + grain) << 8) | clamp(b + grain));
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(new File(args[4]))) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        System.out.println(args[4] + ": " + width + " x " + height + ", " + new File(args[4]).length() + " bytes");
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
