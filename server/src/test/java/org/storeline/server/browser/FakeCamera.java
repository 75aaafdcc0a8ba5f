package org.storeline.server.browser;

import com.google.zxing.oned.Code128Writer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a test's fake camera films: a product's barcode on a white label, as a YUV4MPEG2 video that Chromium plays as
 * the camera ({@code --use-file-for-fake-video-capture}). The barcode is drawn with ZXing's Code 128 encoder, the one
 * the packing slips use; the frames are I420 (full-range BT.601 Y'CbCr, chroma averaged over 2×2 pixels).
 */
public final class FakeCamera {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final int FRAMES = 3;
    private static final int MODULE = 2;
    private static final int BAR_HEIGHT = 160;

    private FakeCamera() {}

    /** A video of the Code 128 barcode of {@code code}, written to a new temporary file. */
    public static Path code128(String code) {
        try {
            Path file = Files.createTempFile("storeline-camera-", ".y4m");
            Files.write(file, y4m(label(code)));
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The barcode, black bars centred on white with quiet zones far wider than the 10 modules a reader needs. */
    static BufferedImage label(String code) {
        boolean[] modules = new Code128Writer().encode(code);
        int width = modules.length * MODULE;
        if (width > WIDTH - 40 * MODULE) {
            throw new IllegalArgumentException("Too long for the frame: " + code);
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        int left = (WIDTH - width) / 2;
        int top = (HEIGHT - BAR_HEIGHT) / 2;
        for (int i = 0; i < modules.length; i++) {
            if (modules[i]) {
                g.fillRect(left + i * MODULE, top, MODULE, BAR_HEIGHT);
            }
        }
        g.dispose();
        return image;
    }

    /** A few identical frames of the image: a header, then per frame its Y plane, then Cb and Cr at half size. */
    static byte[] y4m(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] frame = i420(image);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(
                ("YUV4MPEG2 W" + w + " H" + h + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < FRAMES; i++) {
            out.writeBytes("FRAME\n".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    private static byte[] i420(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[w * h * 3 / 2];
        int cb = w * h;
        int cr = cb + (w / 2) * (h / 2);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                out[y * w + x] = clamp(0.299 * red(rgb) + 0.587 * green(rgb) + 0.114 * blue(rgb));
            }
        }
        for (int y = 0; y < h / 2; y++) {
            for (int x = 0; x < w / 2; x++) {
                double r = 0;
                double g = 0;
                double b = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int rgb = image.getRGB(2 * x + dx, 2 * y + dy);
                        r += red(rgb) / 4.0;
                        g += green(rgb) / 4.0;
                        b += blue(rgb) / 4.0;
                    }
                }
                out[cb + y * (w / 2) + x] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
                out[cr + y * (w / 2) + x] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
            }
        }
        return out;
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xff;
    }

    private static int green(int rgb) {
        return (rgb >> 8) & 0xff;
    }

    private static int blue(int rgb) {
        return rgb & 0xff;
    }

    private static byte clamp(double value) {
        return (byte) Math.max(0, Math.min(255, Math.round(value)));
    }
}
