package app.realmoments.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.function.Executable;

/** Assertions shared by the media tests. */
final class PhotoAssertions {

    private PhotoAssertions() {}

    static RejectedPhoto assertRejected(RejectedPhoto.Kind kind, String reason, Executable processing) {
        RejectedPhoto rejected = assertThrows(RejectedPhoto.class, processing);
        assertEquals(kind, rejected.kind(), () -> "kind of " + rejected);
        if (reason != null) {
            assertEquals(reason, rejected.reason());
        }
        return rejected;
    }

    /** Every channel within {@code tolerance} of the expected colour (JPEG is lossy). */
    static void assertColorNear(Color expected, int rgb, int tolerance, String where) {
        Color actual = new Color(rgb);
        boolean near = Math.abs(actual.getRed() - expected.getRed()) <= tolerance
                && Math.abs(actual.getGreen() - expected.getGreen()) <= tolerance
                && Math.abs(actual.getBlue() - expected.getBlue()) <= tolerance;
        assertTrue(near, () -> where + ": expected about " + expected + " but was " + actual);
    }

    /** The colour in the middle of the corner square of a {@link TestPhotos#cornerMarked} picture, as seen now. */
    static int cornerColor(BufferedImage image, boolean top, boolean left) {
        int half = TestPhotos.markSide(image.getWidth(), image.getHeight()) / 2;
        int x = left ? half : image.getWidth() - 1 - half;
        int y = top ? half : image.getHeight() - 1 - half;
        return image.getRGB(x, y);
    }
}
