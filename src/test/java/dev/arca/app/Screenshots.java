package dev.arca.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Writes PNG snapshots of the real app's scenes. The folder is {@code -Darca.screenshots.dir} (the
 * screenshots script points it at {@code screenshots/}), else {@code target/screenshots}.
 */
public final class Screenshots {

    static final String DIR_PROPERTY = "arca.screenshots.dir";

    private Screenshots() {
    }

    /** Snapshots {@code scene} on the FX thread and writes it; call it from the test thread. */
    public static Path capture(Scene scene, String fileName) throws Exception {
        CompletableFuture<WritableImage> snapshot = new CompletableFuture<>();
        Platform.runLater(() -> snapshot.complete(scene.snapshot(null)));
        return save(snapshot.get(10, TimeUnit.SECONDS), fileName);
    }

    /** Writes a snapshot already taken (on the FX thread, at the moment that mattered). */
    public static Path save(WritableImage image, String fileName) throws IOException {
        Path dir = Path.of(System.getProperty(DIR_PROPERTY, "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName);
        ImageIO.write(toBufferedImage(image), "png", file.toFile());
        return file;
    }

    static double averageLuminance(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        double sum = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int rgb = image.getRGB(x, y);
                sum += 0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff);
            }
        }
        return sum / ((image.getHeight() / 4.0) * (image.getWidth() / 4.0));
    }

    private static BufferedImage toBufferedImage(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }
}
