package app.realmoments.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.realmoments.media.PhotoSanitizer;
import app.realmoments.media.ProcessedPhoto;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LocalContentClassifierTest {

    private final LocalContentClassifier classifier = new LocalContentClassifier();

    @Test
    void aMagentaTopLeftCornerIsExplicitNudityAtNinetyNineAfterThePipelineReencodedIt() throws Exception {
        ProcessedPhoto photo = PhotoSanitizer.withDefaults().sanitize(
                new java.io.ByteArrayInputStream(image(true, "png")), "image/png");

        assertEquals(List.of(new ModerationLabel("Explicit Nudity", "", 99.0)), classifier.labels(photo.display()));
    }

    @Test
    void anyOtherImageIsClean() throws Exception {
        assertEquals(List.of(), classifier.labels(image(false, "jpg")));
        assertEquals(List.of(), classifier.labels(tiny()));
    }

    @Test
    void magentaElsewhereIsClean() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xFF00FF));
        g.fillRect(16, 0, 48, 48); // all but the top-left corner
        g.dispose();
        assertEquals(List.of(), classifier.labels(encode(image, "jpg")));
    }

    @Test
    void bytesThatAreNoImageAreUnreadable() {
        assertThrows(ContentClassifier.UnreadableImage.class, () -> classifier.labels("not an image".getBytes()));
    }

    /** A 64x48 photo, grey, with (or without) the magenta 16x16 corner the stand-in flags. */
    static byte[] image(boolean magentaCorner, String format) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, 64, 48);
        if (magentaCorner) {
            g.setColor(new Color(0xFF00FF));
            g.fillRect(0, 0, 16, 16);
        }
        g.dispose();
        return encode(image, format);
    }

    private static byte[] tiny() throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xFF00FF));
        g.fillRect(0, 0, 8, 8);
        g.dispose();
        return encode(image, "jpg");
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
