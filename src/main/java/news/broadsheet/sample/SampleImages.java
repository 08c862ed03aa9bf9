package news.broadsheet.sample;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Pictures for the sample stories, drawn at start (no downloads): a landscape in the story's colours with its subject
 * (a tram, a train, cranes...) off centre, so the crops around a focal point show what they keep.
 */
final class SampleImages {

    static final int WIDTH = 1600;
    static final int HEIGHT = 1000;

    private SampleImages() {
    }

    /** Where the subject stands, as a focal point: a third in from the left. */
    static final double SUBJECT_X = 0.33;
    static final double SUBJECT_Y = 0.62;

    static BufferedImage draw(String name) {
        Random random = new Random(name.hashCode());
        Color[] palette = palette(name);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, palette[0], 0, HEIGHT * 0.7f, palette[1]));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(palette[2]);
            g.fill(new Ellipse2D.Double(WIDTH * 0.72, HEIGHT * 0.12, 140, 140));
            for (int layer = 0; layer < 3; layer++) {
                g.setColor(shade(palette[3], 1 - layer * 0.25));
                g.fill(hills(random, HEIGHT * (0.5 + layer * 0.1), 60 - layer * 15));
            }
            g.setColor(palette[4]);
            subject(g, name, (int) (WIDTH * SUBJECT_X), (int) (HEIGHT * SUBJECT_Y));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static Color[] palette(String name) {
        return switch (name) {
            case "tram" -> colours(0x5b7fa3, 0xc9d6e3, 0xf2e8cf, 0x4a5d4f, 0xb23a48);
            case "polls" -> colours(0x2d3a5a, 0x9fb1d0, 0xfff4d6, 0x3e4a3d, 0xe8e8e8);
            case "train" -> colours(0x8fa8c0, 0xeef2f6, 0xffffff, 0x6d7b88, 0x2f3e4e);
            case "harbour" -> colours(0x3b2f4f, 0xe39b6b, 0xffd27f, 0x24303c, 0xd9822b);
            case "river" -> colours(0x6e8fa8, 0xd7e4ea, 0xfaf3dc, 0x2e2e2e, 0x7fb7d9);
            case "books" -> colours(0x7a5c3e, 0xe9d8b4, 0xfff1c1, 0x5a6b3a, 0x9c2f2f);
            case "bus" -> colours(0x9aa7b5, 0xf4f6f8, 0xffffff, 0xbfc9d2, 0x1f6f8b);
            default -> colours(0x4f7a5a, 0xdfe9c9, 0xfff5cc, 0x3d5c3f, 0xc46b2d);
        };
    }

    private static Color[] colours(int... rgb) {
        Color[] colours = new Color[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            colours[i] = new Color(rgb[i]);
        }
        return colours;
    }

    private static Color shade(Color colour, double factor) {
        return new Color((int) (colour.getRed() * factor), (int) (colour.getGreen() * factor), (int) (colour.getBlue() * factor));
    }

    private static Polygon hills(Random random, double baseline, int amplitude) {
        Polygon hills = new Polygon();
        hills.addPoint(0, HEIGHT);
        for (int x = 0; x <= WIDTH; x += 100) {
            hills.addPoint(x, (int) (baseline - random.nextInt(Math.max(1, amplitude))));
        }
        hills.addPoint(WIDTH, HEIGHT);
        return hills;
    }

    /** The story's subject, its middle at (x, y). */
    private static void subject(Graphics2D g, String name, int x, int y) {
        Color body = g.getColor();
        switch (name) {
            case "tram", "bus", "train" -> {
                int length = name.equals("train") ? 700 : name.equals("tram") ? 420 : 360;
                g.fillRoundRect(x - length / 2, y - 90, length, 180, 40, 40);
                g.setColor(new Color(0xdde8f0));
                for (int wx = x - length / 2 + 30; wx + 60 < x + length / 2; wx += 80) {
                    g.fillRect(wx, y - 60, 60, 60);
                }
                g.setColor(Color.DARK_GRAY);
                g.fillOval(x - length / 3 - 30, y + 70, 60, 60);
                g.fillOval(x + length / 3 - 30, y + 70, 60, 60);
                if (name.equals("tram")) {
                    g.setStroke(new BasicStroke(4));
                    g.drawLine(x, y - 90, x, y - 200);
                    g.drawLine(0, y - 200, WIDTH, y - 200);
                }
            }
            case "harbour" -> {
                g.setStroke(new BasicStroke(14));
                for (int i = 0; i < 3; i++) {
                    int cx = x - 200 + i * 200;
                    g.drawLine(cx, y + 100, cx, y - 260);
                    g.drawLine(cx - 40, y - 240, cx + 160, y - 240);
                }
                g.setColor(body.darker());
                g.fillRect(x - 350, y + 100, 700, 60);
            }
            case "river" -> {
                Path2D river = new Path2D.Double();
                river.moveTo(x - 300, HEIGHT);
                river.curveTo(x - 100, y + 100, x + 200, y, x + 50, y - 150);
                river.lineTo(x + 110, y - 150);
                river.curveTo(x + 300, y, x + 100, y + 150, x + 200, HEIGHT);
                river.closePath();
                g.fill(river);
            }
            case "books" -> {
                Color[] spines = colours(0x9c2f2f, 0x2f5d9c, 0xd6a73a, 0x3f7f4f, 0x6b3f7f);
                for (int i = 0; i < 5; i++) {
                    g.setColor(spines[i]);
                    g.fillRect(x - 200, y + 80 - i * 45, 400 - i * 30, 40);
                }
            }
            case "polls" -> {
                g.fillRect(x - 150, y - 60, 300, 220);
                g.setColor(Color.DARK_GRAY);
                g.fillRect(x - 60, y - 60, 120, 12);
                g.setColor(Color.WHITE);
                g.fillRect(x - 40, y - 130, 80, 90);
            }
            default -> {
                g.fillRect(x - 250, y - 120, 500, 260);
                g.setColor(body.darker());
                g.fillPolygon(new int[]{x - 280, x, x + 280}, new int[]{y - 120, y - 260, y - 120}, 3);
                g.setColor(new Color(0xf5efe0));
                for (int i = 0; i < 4; i++) {
                    g.fillRect(x - 210 + i * 110, y - 70, 70, 80);
                }
            }
        }
        g.setColor(body);
    }
}
