package dev.arca.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {

    @Test
    void theEncodedImageDecodesToTheSamePixels() throws Exception {
        int width = 7;
        int height = 5;
        int[] pixels = new int[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (0xff << 24) | (i * 37 % 256) << 16 | (i * 91 % 256) << 8 | (i * 13 % 256);
        }
        pixels[3] = 0x80112233;

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(pixels, width, height)));

        assertThat(decoded.getWidth()).isEqualTo(width);
        assertThat(decoded.getHeight()).isEqualTo(height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                assertThat(decoded.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(pixels[y * width + x]);
            }
        }
    }

    @Test
    void aPixelCountThatDoesNotFitTheSizeIsRefused() {
        assertThatThrownBy(() -> PngEncoder.encode(new int[5], 2, 2)).hasMessage("5 pixels for a 2×2 image");
    }
}
