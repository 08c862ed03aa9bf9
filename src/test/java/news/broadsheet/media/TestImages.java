package news.broadsheet.media;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Real image files made in the test: pictures with regions of known colours, JPEGs carrying the EXIF (orientation, GPS)
 * and IPTC (caption, credit, by-line) blocks that cameras and agencies write, and crafted headers.
 */
public final class TestImages {

    private TestImages() {
    }

    /** Left half red, right half blue; a green square in the top-left corner (to see where the corner went). */
    public static BufferedImage halves(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.setColor(Color.GREEN);
        int corner = Math.max(4, Math.min(width, height) / 10);
        g.fillRect(0, 0, corner, corner);
        g.dispose();
        return image;
    }

    public static byte[] jpeg(BufferedImage image) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
            writer.dispose();
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JPEG with an EXIF block (APP1) giving an orientation and a GPS position (50.45 N), and an IPTC block (APP13,
     * Photoshop 3.0 resource 0x0404) with caption, credit and by-line in UTF-8, right after the JPEG's start.
     */
    public static byte[] withMetadata(byte[] jpeg, int orientation, String caption, String credit, String byline) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        segment(out, 0xE1, exif(orientation));
        if (caption != null || credit != null || byline != null) {
            segment(out, 0xED, iptc(caption, credit, byline));
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
        out.write(0xFF);
        out.write(marker);
        int length = data.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(data);
    }

    /** "Exif\0\0", a little-endian TIFF with IFD0 (Orientation, GPS pointer) and a GPS IFD (latitude N 50/1 27/1 0/1). */
    private static byte[] exif(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        // IFD0 at 8: 2 entries
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        int gpsOffset = 8 + 2 + 2 * 12 + 4;
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsOffset);
        tiff.putInt(0); // no next IFD
        // GPS IFD: 2 entries
        int ratOffset = gpsOffset + 2 + 2 * 12 + 4;
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(ratOffset);
        tiff.putInt(0);
        tiff.putInt(50).putInt(1).putInt(27).putInt(1).putInt(0).putInt(1);
        byte[] body = new byte[tiff.position()];
        tiff.flip();
        tiff.get(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] iptc(String caption, String credit, String byline) {
        ByteArrayOutputStream iim = new ByteArrayOutputStream();
        dataset(iim, 1, 90, new byte[]{0x1B, 0x25, 0x47}); // coded character set: UTF-8
        if (byline != null) {
            dataset(iim, 2, 80, byline.getBytes(StandardCharsets.UTF_8));
        }
        if (credit != null) {
            dataset(iim, 2, 110, credit.getBytes(StandardCharsets.UTF_8));
        }
        if (caption != null) {
            dataset(iim, 2, 120, caption.getBytes(StandardCharsets.UTF_8));
        }
        byte[] data = iim.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Photoshop 3.0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes("8BIM".getBytes(StandardCharsets.ISO_8859_1));
        out.write(0x04);
        out.write(0x04);
        out.write(0);
        out.write(0); // empty Pascal name, padded to even
        out.write(data.length >>> 24);
        out.write(data.length >>> 16);
        out.write(data.length >>> 8);
        out.write(data.length);
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static void dataset(ByteArrayOutputStream out, int record, int dataset, byte[] value) {
        out.write(0x1C);
        out.write(record);
        out.write(dataset);
        out.write(value.length >> 8);
        out.write(value.length & 0xFF);
        out.writeBytes(value);
    }

    /** A PNG signature and an IHDR chunk (valid CRC) declaring these dimensions, then nothing: a decompression bomb's header. */
    public static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.ISO_8859_1)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}).putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return png.array();
    }
}
