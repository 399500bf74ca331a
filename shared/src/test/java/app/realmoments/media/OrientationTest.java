package app.realmoments.media;

import static app.realmoments.media.PhotoAssertions.assertColorNear;
import static app.realmoments.media.PhotoAssertions.cornerColor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every EXIF orientation, checked against the standard's own wording: for each value, the visual
 * side where the stored image's first row lies, and the side where its first column lies.
 */
class OrientationTest {

    private enum Side { TOP, BOTTOM, LEFT, RIGHT;

        Side opposite() {
            return switch (this) {
                case TOP -> BOTTOM;
                case BOTTOM -> TOP;
                case LEFT -> RIGHT;
                case RIGHT -> LEFT;
            };
        }
    }

    /** Index = orientation: {side of row 0, side of column 0} (EXIF 2.3, tag 0x0112). */
    private static final Side[][] SIDES = {
        null,
        {Side.TOP, Side.LEFT},
        {Side.TOP, Side.RIGHT},
        {Side.BOTTOM, Side.RIGHT},
        {Side.BOTTOM, Side.LEFT},
        {Side.LEFT, Side.TOP},
        {Side.RIGHT, Side.TOP},
        {Side.RIGHT, Side.BOTTOM},
        {Side.LEFT, Side.BOTTOM},
    };

    private final PhotoSanitizer sanitizer = PhotoSanitizer.withDefaults();

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyStoredCornerEndsWhereTheStandardSays(int orientation) {
        int width = 480;
        int height = 320;
        ProcessedPhoto photo = sanitizer.sanitize(TestPhotos.phoneJpeg(width, height, orientation), "image/jpeg");
        boolean turned = orientation >= 5;
        assertEquals(turned ? height : width, photo.width());
        assertEquals(turned ? width : height, photo.height());

        BufferedImage display = TestPhotos.decode(photo.display());
        Side row0 = SIDES[orientation][0];
        Side col0 = SIDES[orientation][1];
        expectCorner(display, TestPhotos.TOP_LEFT, row0, col0, "stored top-left");
        expectCorner(display, TestPhotos.TOP_RIGHT, row0, col0.opposite(), "stored top-right");
        expectCorner(display, TestPhotos.BOTTOM_LEFT, row0.opposite(), col0, "stored bottom-left");
        expectCorner(display, TestPhotos.BOTTOM_RIGHT, row0.opposite(), col0.opposite(), "stored bottom-right");
    }

    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {0, 9, 255})
    void outOfRangeValuesLeaveThePhotoAsStored(int orientation) {
        ProcessedPhoto photo = sanitizer.sanitize(TestPhotos.phoneJpeg(480, 320, orientation), "image/jpeg");
        assertEquals(480, photo.width());
        assertColorNear(TestPhotos.TOP_LEFT, cornerColor(TestPhotos.decode(photo.display()), true, true), 30, "top-left");
    }

    private static void expectCorner(BufferedImage image, Color mark, Side a, Side b, String what) {
        boolean top = a == Side.TOP || b == Side.TOP;
        boolean left = a == Side.LEFT || b == Side.LEFT;
        assertColorNear(mark, cornerColor(image, top, left), 30,
                what + " should be at " + (top ? "top" : "bottom") + "-" + (left ? "left" : "right"));
    }
}
