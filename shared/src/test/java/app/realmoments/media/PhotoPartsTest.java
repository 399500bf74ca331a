package app.realmoments.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sanitizer's parts on their own: format sniffing, subsampling factor, scaling, warnings. */
class PhotoPartsTest {

    @Test
    void formatsFromMagicBytesAndContentTypes() {
        assertEquals(Optional.of(PhotoFormat.JPEG), PhotoFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}));
        assertEquals(Optional.of(PhotoFormat.PNG), PhotoFormat.sniff(TestPhotos.PNG_SIGNATURE));
        assertEquals(Optional.empty(), PhotoFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8}));
        assertEquals(Optional.empty(), PhotoFormat.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x00}));
        assertEquals(Optional.of(PhotoFormat.PNG), PhotoFormat.ofContentType("Image/PNG"));
        assertEquals(Optional.empty(), PhotoFormat.ofContentType("image/jpg"));
        assertEquals(Optional.empty(), PhotoFormat.ofContentType(""));
    }

    @Test
    void subsamplingKeepsTheLongEdgeAtLeastTheDisplaySize() {
        assertEquals(1, PhotoSanitizer.subsampling(4000, 3000, 2048));
        assertEquals(1, PhotoSanitizer.subsampling(2048, 1536, 2048));
        assertEquals(1, PhotoSanitizer.subsampling(100, 100, 2048));
        assertEquals(2, PhotoSanitizer.subsampling(4096, 100, 2048));
        assertEquals(2, PhotoSanitizer.subsampling(3000, 6000, 2048));
        assertEquals(3, PhotoSanitizer.subsampling(8000, 5000, 2048));
        for (int edge = 1; edge <= 45_000; edge += 7) {
            int step = PhotoSanitizer.subsampling(edge, 1, 2048);
            int kept = (edge + step - 1) / step;
            int keptWithNextStep = (edge + step) / (step + 1);
            assertTrue(kept >= Math.min(edge, 2048), "edge " + edge + " step " + step);
            assertTrue(edge <= 2048 || keptWithNextStep < 2048, "edge " + edge + " could use step " + (step + 1));
        }
    }

    @Test
    void fitKeepsTheAspectAndNeverUpscales() {
        assertArrayEquals(new int[] {2048, 1536}, Pixels.fit(4000, 3000, 2048));
        assertArrayEquals(new int[] {1536, 2048}, Pixels.fit(3000, 4000, 2048));
        assertArrayEquals(new int[] {360, 360}, Pixels.fit(5000, 5000, 360));
        assertArrayEquals(new int[] {800, 600}, Pixels.fit(800, 600, 2048));
        assertArrayEquals(new int[] {360, 1}, Pixels.fit(20_000, 10, 360));
    }

    @Test
    void downscalingAveragesInsteadOfDroppingPixels() {
        // A one-pixel checkerboard of black and white must come out mid-grey, not black or white (aliasing).
        BufferedImage checker = new BufferedImage(1000, 800, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 800; y++) {
            for (int x = 0; x < 1000; x++) {
                checker.setRGB(x, y, ((x + y) & 1) == 0 ? 0xFFFFFF : 0x000000);
            }
        }
        BufferedImage small = Pixels.downscale(checker, 300);
        assertEquals(300, small.getWidth());
        assertEquals(240, small.getHeight());
        for (int y = 10; y < 230; y += 37) {
            for (int x = 10; x < 290; x += 41) {
                int grey = small.getRGB(x, y) & 0xFF;
                assertTrue(grey > 100 && grey < 156, "pixel " + x + "," + y + " is " + grey);
            }
        }
    }

    @Test
    void resamplingKeepsFlatColoursExactAndEdgesUndarkened() {
        BufferedImage flat = new BufferedImage(997, 601, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 601; y++) {
            for (int x = 0; x < 997; x++) {
                flat.setRGB(x, y, 0xC86432);
            }
        }
        for (int edge : new int[] {700, 360, 97, 1}) {
            BufferedImage small = Pixels.downscale(flat, edge);
            for (int[] at : new int[][] {{0, 0}, {small.getWidth() - 1, small.getHeight() - 1}, {small.getWidth() / 2, small.getHeight() / 2}}) {
                assertEquals(0xC86432, small.getRGB(at[0], at[1]) & 0xFFFFFF, "edge " + edge + " at " + at[0] + "," + at[1]);
            }
        }
    }

    @Test
    void readerWarningsAboutMissingDataAreFatalOthersAreNot() {
        assertTrue(PhotoSanitizer.meansMissingOrDamagedData("Truncated File - Missing EOI marker"));
        assertTrue(PhotoSanitizer.meansMissingOrDamagedData("Corrupt JPEG data: premature end of data segment"));
        assertTrue(PhotoSanitizer.meansMissingOrDamagedData("Corrupt JPEG data: bad Huffman code"));
        assertTrue(PhotoSanitizer.meansMissingOrDamagedData("Premature end of JPEG file"));
        assertFalse(PhotoSanitizer.meansMissingOrDamagedData("Corrupt JPEG data: 3 extraneous bytes before marker 0xd9"));
        assertFalse(PhotoSanitizer.meansMissingOrDamagedData("Ignoring invalid ICC profile"));
        assertFalse(PhotoSanitizer.meansMissingOrDamagedData("Bad 'ICC_PROFILE' chunk count: 3. Ignoring ICC profile."));
        assertFalse(PhotoSanitizer.meansMissingOrDamagedData("Truncated JFIF thumbnail"));
        assertFalse(PhotoSanitizer.meansMissingOrDamagedData("JFXX segment truncated, ignoring thumbnail"));
    }

    @Test
    void structureWalkFindsExifAndCountsScans() {
        byte[] phone = TestPhotos.phoneJpeg(320, 240, 6);
        FileStructure.Facts facts = FileStructure.inspect(PhotoFormat.JPEG, phone, 100);
        assertEquals(320, facts.width());
        assertEquals(240, facts.height());
        assertEquals(1, facts.scans());
        assertArrayEquals(TestPhotos.exifTiff(6, true), facts.exif());

        FileStructure.Facts png = FileStructure.inspect(PhotoFormat.PNG,
                TestPhotos.withPngExif(TestPhotos.png(TestPhotos.cornerMarked(30, 20)), TestPhotos.exifTiff(3, false)), 100);
        assertEquals(30, png.width());
        assertEquals(20, png.height());
        assertEquals(3, Orientation.of(png.exif()));
    }

    @Test
    void damagedExifMeansUpright() {
        assertEquals(Orientation.UPRIGHT, Orientation.of(null));
        assertEquals(Orientation.UPRIGHT, Orientation.of(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0x7F, 0x7F}));
        assertEquals(Orientation.UPRIGHT, Orientation.of("not a tiff at all".getBytes()));
    }
}
