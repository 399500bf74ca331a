package app.realmoments.media;

import static app.realmoments.media.PhotoAssertions.assertColorNear;
import static app.realmoments.media.PhotoAssertions.assertRejected;
import static app.realmoments.media.PhotoAssertions.cornerColor;
import static app.realmoments.media.RejectedPhoto.Kind.BAD_DIMENSIONS;
import static app.realmoments.media.RejectedPhoto.Kind.CORRUPT;
import static app.realmoments.media.RejectedPhoto.Kind.EMPTY;
import static app.realmoments.media.RejectedPhoto.Kind.NOT_AN_IMAGE;
import static app.realmoments.media.RejectedPhoto.Kind.TOO_LARGE;
import static app.realmoments.media.RejectedPhoto.Kind.TOO_MANY_PIXELS;
import static app.realmoments.media.RejectedPhoto.Kind.TYPE_MISMATCH;
import static app.realmoments.media.RejectedPhoto.Kind.UNSUPPORTED_ENCODING;
import static app.realmoments.media.RejectedPhoto.Kind.UNSUPPORTED_TYPE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PhotoSanitizerTest {

    private final PhotoSanitizer sanitizer = PhotoSanitizer.withDefaults();

    @Nested
    class PhonePhotos {

        private final byte[] upload = TestPhotos.phoneJpeg(1600, 1200, 6);
        private final ProcessedPhoto photo = sanitizer.sanitize(upload, "image/jpeg");

        @Test
        void theFixtureReallyCarriesExifWithGps() {
            assertTrue(TestPhotos.contains(upload, "Exif\0\0"));
            assertTrue(TestPhotos.contains(upload, TestPhotos.GPS_METHOD));
            assertTrue(TestPhotos.contains(upload, TestPhotos.CAMERA_MAKE));
            assertEquals(6, Orientation.of(FileStructure.inspect(PhotoFormat.JPEG, upload, 100).exif()));
        }

        @Test
        void orientationSixIsTurnedUpright() {
            assertEquals(1200, photo.width());
            assertEquals(1600, photo.height());
            BufferedImage display = TestPhotos.decode(photo.display());
            assertEquals(1200, display.getWidth());
            assertEquals(1600, display.getHeight());
            // Orientation 6: stored row 0 is the right side, stored column 0 is the top (turned 90 degrees clockwise).
            assertColorNear(TestPhotos.TOP_LEFT, cornerColor(display, true, false), 30, "stored top-left, now top-right");
            assertColorNear(TestPhotos.TOP_RIGHT, cornerColor(display, false, false), 30, "stored top-right, now bottom-right");
            assertColorNear(TestPhotos.BOTTOM_LEFT, cornerColor(display, true, true), 30, "stored bottom-left, now top-left");
            assertColorNear(TestPhotos.BOTTOM_RIGHT, cornerColor(display, false, true), 30, "stored bottom-right, now bottom-left");
        }

        @Test
        void thumbnailIsUprightToo() {
            BufferedImage thumbnail = TestPhotos.decode(photo.thumbnail());
            assertEquals(270, thumbnail.getWidth());
            assertEquals(360, thumbnail.getHeight());
            assertColorNear(TestPhotos.TOP_LEFT, cornerColor(thumbnail, true, false), 40, "thumbnail top-right");
            assertColorNear(TestPhotos.BOTTOM_LEFT, cornerColor(thumbnail, true, true), 40, "thumbnail top-left");
        }

        @Test
        void outputsCarryNoMetadataAtAll() {
            for (byte[] jpeg : List.of(photo.display(), photo.thumbnail())) {
                // SOI, then only what a plain baseline JFIF needs: APP0 JFIF, quantisation and Huffman tables, frame, scan.
                for (int marker : TestPhotos.headerMarkers(jpeg)) {
                    assertTrue(marker == 0xE0 || marker == 0xDB || marker == 0xC4 || marker == 0xC0 || marker == 0xDA,
                            () -> "unexpected segment 0x" + Integer.toHexString(marker) + " in " + TestPhotos.headerMarkers(jpeg));
                }
                byte[] header = TestPhotos.header(jpeg);
                assertTrue(TestPhotos.contains(header, "JFIF\0"));
                for (String trace : List.of("Exif", "GPS", "ICC_PROFILE", "http://ns.adobe.com", "Adobe", "MM\0*", "II*\0")) {
                    assertFalse(TestPhotos.contains(header, trace), "header carries " + trace);
                }
                for (String trace : List.of(TestPhotos.GPS_METHOD, TestPhotos.CAMERA_MAKE)) {
                    assertFalse(TestPhotos.contains(jpeg, trace), "file carries " + trace);
                }
                assertNull(FileStructure.inspect(PhotoFormat.JPEG, jpeg, 100).exif());
            }
        }

        @Test
        void outputsAreValidBaselineJpegs() {
            for (byte[] jpeg : List.of(photo.display(), photo.thumbnail())) {
                assertEquals(PhotoFormat.JPEG, PhotoFormat.sniff(jpeg).orElseThrow());
                assertEquals((byte) 0xFF, jpeg[jpeg.length - 2]);
                assertEquals((byte) 0xD9, jpeg[jpeg.length - 1]);
                assertEquals(3, TestPhotos.decode(jpeg).getColorModel().getNumComponents());
            }
            // What the service writes, it accepts again, unchanged in size.
            ProcessedPhoto again = sanitizer.sanitize(photo.display(), "image/jpeg");
            assertEquals(1200, again.width());
            assertEquals(1600, again.height());
        }

        @Test
        void streamAndBytesGiveTheSamePhoto() throws IOException {
            ProcessedPhoto streamed = sanitizer.sanitize(new ByteArrayInputStream(upload), "image/jpeg");
            assertArrayEquals(photo.display(), streamed.display());
            assertArrayEquals(photo.thumbnail(), streamed.thumbnail());
        }
    }

    @Nested
    class Sizes {

        @Test
        void twelveMegapixelsBecomeA2048DisplayAndA360Thumbnail() {
            byte[] upload = TestPhotos.jpeg(TestPhotos.photoLike(4000, 3000, 1), 0.9f);
            ProcessedPhoto photo = sanitizer.sanitize(upload, "image/jpeg");
            assertEquals(2048, photo.width());
            assertEquals(1536, photo.height());
            BufferedImage display = TestPhotos.decode(photo.display());
            assertEquals(2048, display.getWidth());
            assertEquals(1536, display.getHeight());
            BufferedImage thumbnail = TestPhotos.decode(photo.thumbnail());
            assertEquals(360, thumbnail.getWidth());
            assertEquals(270, thumbnail.getHeight());
            assertTrue(photo.display().length < upload.length, "the display image is smaller than the upload");
        }

        @Test
        void largePortraitIsSubsampledWhileDecodingAndStillReaches2048() {
            // 3000x6000: subsampled by 2 while decoding (1500x3000), then scaled to 1024x2048.
            BufferedImage big = TestPhotos.cornerMarked(3000, 6000);
            ProcessedPhoto photo = sanitizer.sanitize(TestPhotos.jpeg(big, 0.8f), "image/jpeg");
            assertEquals(1024, photo.width());
            assertEquals(2048, photo.height());
            BufferedImage display = TestPhotos.decode(photo.display());
            assertColorNear(TestPhotos.TOP_LEFT, cornerColor(display, true, true), 30, "top-left");
            assertColorNear(TestPhotos.BOTTOM_RIGHT, cornerColor(display, false, false), 30, "bottom-right");
        }

        @Test
        void smallPhotosAreNeverUpscaled() {
            ProcessedPhoto medium = sanitizer.sanitize(TestPhotos.jpeg(TestPhotos.cornerMarked(800, 600), 0.9f), "image/jpeg");
            assertEquals(800, medium.width());
            assertEquals(600, medium.height());
            BufferedImage mediumThumb = TestPhotos.decode(medium.thumbnail());
            assertEquals(360, mediumThumb.getWidth());
            assertEquals(270, mediumThumb.getHeight());

            ProcessedPhoto tiny = sanitizer.sanitize(TestPhotos.png(TestPhotos.cornerMarked(120, 50)), "image/png");
            assertEquals(120, tiny.width());
            assertEquals(50, tiny.height());
            BufferedImage tinyThumb = TestPhotos.decode(tiny.thumbnail());
            assertEquals(120, tinyThumb.getWidth());
            assertEquals(50, tinyThumb.getHeight());
        }

        @Test
        void customLimitsAreHonoured() {
            PhotoSanitizer small = new PhotoSanitizer(new PhotoSanitizer.Limits(1024 * 1024, 1_000_000, 500, 100));
            ProcessedPhoto photo = small.sanitize(TestPhotos.jpeg(TestPhotos.cornerMarked(1000, 800), 0.9f), "image/jpeg");
            assertEquals(500, photo.width());
            assertEquals(400, photo.height());
            assertEquals(100, TestPhotos.decode(photo.thumbnail()).getWidth());
            assertRejected(TOO_MANY_PIXELS, "the image is 1001x1000 pixels; at most 1 megapixels are accepted",
                    () -> small.sanitize(TestPhotos.pngBomb(1001, 1000), "image/png"));
        }

        @Test
        void limitsAreValidated() {
            assertThrows(IllegalArgumentException.class, () -> new PhotoSanitizer.Limits(0, 1, 1, 1));
            assertThrows(IllegalArgumentException.class, () -> new PhotoSanitizer.Limits(1, 0, 1, 1));
            assertThrows(IllegalArgumentException.class, () -> new PhotoSanitizer.Limits(1, 1, 100, 200));
            assertEquals(PhotoSanitizer.Limits.DEFAULTS, PhotoSanitizer.withDefaults().limits());
        }
    }

    @Nested
    class OtherKindsOfPictures {

        @Test
        void pngTransparencyIsFlattenedOntoWhite() {
            BufferedImage argb = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < 200; y++) {
                for (int x = 0; x < 300; x++) {
                    argb.setRGB(x, y, x < 150 ? 0x00000000 : 0xFF1E28E6); // transparent black | opaque blue
                }
            }
            byte[] upload = TestPhotos.png(argb);
            assertTrue(TestPhotos.decode(upload).getColorModel().hasAlpha(), "the fixture has alpha");
            ProcessedPhoto photo = sanitizer.sanitize(upload, "image/png");
            BufferedImage display = TestPhotos.decode(photo.display());
            assertFalse(display.getColorModel().hasAlpha());
            assertEquals(3, display.getColorModel().getNumComponents());
            assertColorNear(Color.WHITE, display.getRGB(40, 100), 8, "transparent half");
            assertColorNear(new Color(0x1E28E6), display.getRGB(260, 100), 30, "opaque half");
        }

        @Test
        void pngExifOrientationIsApplied() {
            byte[] upload = TestPhotos.withPngExif(TestPhotos.png(TestPhotos.cornerMarked(300, 200)), TestPhotos.exifTiff(8, true));
            ProcessedPhoto photo = sanitizer.sanitize(upload, "image/png");
            assertEquals(200, photo.width());
            assertEquals(300, photo.height());
            BufferedImage display = TestPhotos.decode(photo.display());
            // Orientation 8: stored row 0 is the left side, stored column 0 the bottom.
            assertColorNear(TestPhotos.TOP_LEFT, cornerColor(display, false, true), 30, "stored top-left, now bottom-left");
            assertColorNear(TestPhotos.TOP_RIGHT, cornerColor(display, true, true), 30, "stored top-right, now top-left");
            assertFalse(TestPhotos.contains(photo.display(), TestPhotos.GPS_METHOD));
        }

        @Test
        void grayPalette16BitAndInterlacedPngsAreAccepted() {
            BufferedImage gray16 = new BufferedImage(64, 48, BufferedImage.TYPE_USHORT_GRAY);
            gray16.getRaster().setSample(10, 10, 0, 65535);
            BufferedImage indexed = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_INDEXED);
            indexed.getGraphics().drawImage(TestPhotos.cornerMarked(64, 48), 0, 0, null);
            for (byte[] upload : List.of(TestPhotos.png(gray16), TestPhotos.png(indexed),
                    TestPhotos.png(TestPhotos.cornerMarked(640, 480), true))) {
                ProcessedPhoto photo = sanitizer.sanitize(upload, "image/png");
                assertEquals(3, TestPhotos.decode(photo.display()).getColorModel().getNumComponents());
            }
        }

        @Test
        void progressiveJpegsAreAccepted() {
            byte[] upload = TestPhotos.jpeg(TestPhotos.cornerMarked(900, 600), 0.9f, true);
            assertTrue(FileStructure.inspect(PhotoFormat.JPEG, upload, 100).scans() > 1, "the fixture is progressive");
            ProcessedPhoto photo = sanitizer.sanitize(upload, "image/jpeg");
            assertEquals(900, photo.width());
            assertColorNear(TestPhotos.TOP_RIGHT, cornerColor(TestPhotos.decode(photo.display()), true, false), 30, "top-right");
        }

        @Test
        void cmykJpegsAreConvertedToRgb() {
            // The JDK's own reader refuses these; TwelveMonkeys' reader converts them.
            ProcessedPhoto photo = sanitizer.sanitize(TestPhotos.cmykJpeg(200, 100), "image/jpeg");
            BufferedImage display = TestPhotos.decode(photo.display());
            assertEquals(3, display.getColorModel().getNumComponents());
            Color red = new Color(display.getRGB(40, 50));
            Color cyan = new Color(display.getRGB(160, 50));
            assertTrue(red.getRed() > 180 && red.getGreen() < 90 && red.getBlue() < 90, "red ink is red: " + red);
            assertTrue(cyan.getRed() < 90 && cyan.getGreen() > 130 && cyan.getBlue() > 180, "cyan ink is cyan: " + cyan);
        }

        @Test
        void embeddedColourProfilesAreAppliedBeforeTheyAreDropped() {
            // Values in a linear-light profile: 128 there is about 188 in sRGB. The output has no profile,
            // so it must carry sRGB values (as a wide-gamut phone photo's Display P3 must be converted).
            BufferedImage grey = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    grey.setRGB(x, y, 0x808080);
                }
            }
            byte[] upload = TestPhotos.withIccProfile(TestPhotos.jpeg(grey, 0.95f),
                    ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB));
            ProcessedPhoto photo = sanitizer.sanitize(upload, "image/jpeg");
            assertFalse(TestPhotos.contains(TestPhotos.header(photo.display()), "ICC_PROFILE"));
            assertColorNear(new Color(188, 188, 188), TestPhotos.decode(photo.display()).getRGB(32, 32), 6, "sRGB value");
        }

        @Test
        void dataAfterTheEndOfTheJpegIsIgnored() {
            // Motion photos append a video after EOI.
            byte[] jpeg = TestPhotos.phoneJpeg(400, 300, 1);
            byte[] upload = TestPhotos.concat(jpeg, "ftypmp42 pretend this is a video".getBytes(StandardCharsets.US_ASCII));
            ProcessedPhoto photo = sanitizer.sanitize(upload, "image/jpeg");
            assertEquals(400, photo.width());
            assertFalse(TestPhotos.contains(photo.display(), "ftypmp42"));
        }

        @Test
        void declaredTypesAreMatchedWithoutCaseOrParameters() {
            byte[] jpeg = TestPhotos.jpeg(TestPhotos.cornerMarked(64, 64), 0.9f);
            assertEquals(64, sanitizer.sanitize(jpeg, "IMAGE/JPEG").width());
            assertEquals(64, sanitizer.sanitize(jpeg, " image/jpeg; foo=bar").width());
        }
    }

    @Nested
    class Rejections {

        @Test
        void emptyFile() {
            assertRejected(EMPTY, "the file is empty", () -> sanitizer.sanitize(new byte[0], "image/jpeg"));
            assertRejected(EMPTY, "the file is empty", () -> sanitizer.sanitize(InputStream.nullInputStream(), "image/png"));
        }

        @Test
        void fileOverTheByteLimit() {
            byte[] big = new byte[15 * 1024 * 1024 + 1];
            big[0] = (byte) 0xFF;
            big[1] = (byte) 0xD8;
            big[2] = (byte) 0xFF;
            assertRejected(TOO_LARGE, "the file is larger than 15 MiB", () -> sanitizer.sanitize(big, "image/jpeg"));
            assertRejected(TOO_LARGE, "the file is larger than 15 MiB",
                    () -> sanitizer.sanitize(new ByteArrayInputStream(big), "image/jpeg"));
            // Exactly at the limit is not "larger" (it fails later, as the garbage it is).
            assertRejected(CORRUPT, null, () -> sanitizer.sanitize(Arrays.copyOf(big, big.length - 1), "image/jpeg"));
        }

        @Test
        void anEndlessStreamIsReadOnlyUpToTheLimit() {
            PhotoSanitizer small = new PhotoSanitizer(new PhotoSanitizer.Limits(1000, 40_000_000, 2048, 360));
            AtomicLong served = new AtomicLong();
            InputStream endless = new InputStream() {
                @Override
                public int read() {
                    served.incrementAndGet();
                    return 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    Arrays.fill(b, off, off + len, (byte) 0xFF);
                    served.addAndGet(len);
                    return len;
                }
            };
            assertRejected(TOO_LARGE, "the file is larger than 1,000 bytes", () -> small.sanitize(endless, "image/jpeg"));
            assertEquals(1001, served.get());
        }

        @Test
        void textFileNamedJpg() {
            byte[] text = "Hello! This is my holiday photo.jpg, honest.\n".getBytes(StandardCharsets.UTF_8);
            assertRejected(NOT_AN_IMAGE, "the file is not a JPEG or PNG image", () -> sanitizer.sanitize(text, "image/jpeg"));
        }

        @Test
        void otherImageFormats() {
            byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
            assertRejected(NOT_AN_IMAGE, "the file is not a JPEG or PNG image", () -> sanitizer.sanitize(gif, "image/png"));
            byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);
            assertRejected(NOT_AN_IMAGE, "the file is not a JPEG or PNG image", () -> sanitizer.sanitize(svg, "image/jpeg"));
        }

        @Test
        void pngDeclaredAsJpegAndTheOtherWayRound() {
            byte[] png = TestPhotos.png(TestPhotos.cornerMarked(40, 30));
            byte[] jpeg = TestPhotos.jpeg(TestPhotos.cornerMarked(40, 30), 0.9f);
            assertRejected(TYPE_MISMATCH, "the file is a PNG but was declared as image/jpeg", () -> sanitizer.sanitize(png, "image/jpeg"));
            assertRejected(TYPE_MISMATCH, "the file is a JPEG but was declared as image/png", () -> sanitizer.sanitize(jpeg, "image/png"));
        }

        @Test
        void undeclaredOrUnacceptedContentTypes() {
            byte[] jpeg = TestPhotos.jpeg(TestPhotos.cornerMarked(40, 30), 0.9f);
            assertRejected(UNSUPPORTED_TYPE, "the upload was declared as image/gif; only image/jpeg and image/png are accepted",
                    () -> sanitizer.sanitize(jpeg, "image/gif"));
            assertRejected(UNSUPPORTED_TYPE, "the upload declared no content type; only image/jpeg and image/png are accepted",
                    () -> sanitizer.sanitize(jpeg, null));
            assertRejected(UNSUPPORTED_TYPE, "the upload was declared as text/html?<b>; only image/jpeg and image/png are accepted",
                    () -> sanitizer.sanitize(jpeg, "text/html\n<b>"));
        }

        @Test
        void pngBombIsRefusedFromItsHeader() {
            byte[] bomb = TestPhotos.pngBomb(30_000, 30_000);
            assertTrue(bomb.length < 2_000, "the bomb is tiny: " + bomb.length + " bytes");
            assertRejected(TOO_MANY_PIXELS, "the image is 30000x30000 pixels; at most 40 megapixels are accepted",
                    () -> sanitizer.sanitize(bomb, "image/png"));
        }

        @Test
        void pngBombIsRefusedWithoutReadingAPixel() {
            // Its image data cannot be inflated at all: had the sanitizer decoded anything, it would say "corrupt".
            byte[] bomb = TestPhotos.pngBombWithUndecodableData(30_000, 30_000);
            assertRejected(TOO_MANY_PIXELS, "the image is 30000x30000 pixels; at most 40 megapixels are accepted",
                    () -> sanitizer.sanitize(bomb, "image/png"));
            // The same data under an acceptable header is indeed reported as corrupt once decoding starts.
            byte[] small = TestPhotos.pngBombWithUndecodableData(300, 300);
            assertRejected(CORRUPT, "the image file is truncated or corrupt", () -> sanitizer.sanitize(small, "image/png"));
        }

        @Test
        void jpegBombIsRefusedFromItsHeader() {
            byte[] jpeg = TestPhotos.jpeg(TestPhotos.cornerMarked(64, 64), 0.9f);
            int sof = TestPhotos.indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) 0xC0});
            byte[] bomb = jpeg.clone();
            // SOF0: length(2) precision(1) height(2) width(2): claim 65000 x 65000.
            bomb[sof + 5] = (byte) (65000 >> 8);
            bomb[sof + 6] = (byte) 65000;
            bomb[sof + 7] = (byte) (65000 >> 8);
            bomb[sof + 8] = (byte) 65000;
            assertRejected(TOO_MANY_PIXELS, "the image is 65000x65000 pixels; at most 40 megapixels are accepted",
                    () -> sanitizer.sanitize(bomb, "image/jpeg"));
        }

        @Test
        void zeroAndAbsurdDimensions() {
            assertRejected(BAD_DIMENSIONS, "the image is 0x100 pixels, which is not a picture",
                    () -> sanitizer.sanitize(TestPhotos.pngBomb(0, 100), "image/png"));
            assertRejected(BAD_DIMENSIONS, "the image is 20000x10 pixels; its long side may be at most 50 times its short side",
                    () -> sanitizer.sanitize(TestPhotos.pngBomb(20_000, 10), "image/png"));
            // Beyond a signed 32-bit int: must not overflow into something acceptable.
            assertRejected(TOO_MANY_PIXELS, "the image is 4294967295x4294967295 pixels; at most 40 megapixels are accepted",
                    () -> sanitizer.sanitize(TestPhotos.pngBomb(0xFFFF_FFFFL, 0xFFFF_FFFFL), "image/png"));
        }

        @Test
        void truncatedJpeg() {
            byte[] jpeg = TestPhotos.phoneJpeg(1600, 1200, 6);
            assertRejected(CORRUPT, "the image file is truncated or corrupt",
                    () -> sanitizer.sanitize(Arrays.copyOf(jpeg, jpeg.length * 6 / 10), "image/jpeg"));
            assertRejected(CORRUPT, "the image file is truncated or corrupt",
                    () -> sanitizer.sanitize(Arrays.copyOf(jpeg, jpeg.length - 2), "image/jpeg"));
            assertRejected(CORRUPT, "the image file is truncated or corrupt",
                    () -> sanitizer.sanitize(Arrays.copyOf(jpeg, 300), "image/jpeg"));
        }

        @Test
        void truncatedJpegWithAForgedEndMarkerIsCaughtByTheDecoder() {
            // The structure looks complete; ImageIO would paint the missing rows grey and warn.
            byte[] jpeg = TestPhotos.phoneJpeg(1600, 1200, 1);
            byte[] cut = Arrays.copyOf(jpeg, jpeg.length / 2 + 2);
            cut[cut.length - 2] = (byte) 0xFF;
            cut[cut.length - 1] = (byte) 0xD9;
            FileStructure.inspect(PhotoFormat.JPEG, cut, 100); // passes the walk
            assertRejected(CORRUPT, "the image file is truncated or corrupt", () -> sanitizer.sanitize(cut, "image/jpeg"));
        }

        @Test
        void corruptBytesInTheMiddleOfAJpeg() {
            byte[] jpeg = TestPhotos.phoneJpeg(1600, 1200, 6);
            byte[] damaged = jpeg.clone();
            SplittableRandom random = new SplittableRandom(7);
            for (int i = jpeg.length / 2; i < jpeg.length / 2 + 4096; i++) {
                damaged[i] = (byte) random.nextInt(256);
            }
            assertRejected(CORRUPT, "the image file is truncated or corrupt", () -> sanitizer.sanitize(damaged, "image/jpeg"));
        }

        @Test
        void corruptJpegHeaderSegments() {
            byte[] jpeg = TestPhotos.jpeg(TestPhotos.cornerMarked(64, 64), 0.9f);
            int dqt = TestPhotos.indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) 0xDB});
            byte[] badLength = jpeg.clone();
            badLength[dqt + 2] = 0;
            badLength[dqt + 3] = 1; // a segment length below 2
            assertRejected(CORRUPT, "the image file is truncated or corrupt", () -> sanitizer.sanitize(badLength, "image/jpeg"));
            byte[] onlyMagic = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 'h', 'e', 'l', 'l', 'o'};
            assertRejected(CORRUPT, "the image file is truncated or corrupt", () -> sanitizer.sanitize(onlyMagic, "image/jpeg"));
        }

        @Test
        void truncatedPng() {
            byte[] png = TestPhotos.png(TestPhotos.photoLike(400, 300, 3));
            assertRejected(CORRUPT, "the image file is truncated or corrupt",
                    () -> sanitizer.sanitize(Arrays.copyOf(png, png.length * 6 / 10), "image/png"));
            assertRejected(CORRUPT, "the image file is truncated or corrupt",
                    () -> sanitizer.sanitize(Arrays.copyOf(png, png.length - 12), "image/png")); // IEND gone
            assertRejected(CORRUPT, "the image file is truncated or corrupt",
                    () -> sanitizer.sanitize(Arrays.copyOf(png, 8), "image/png"));
        }

        @Test
        void corruptBytesInTheMiddleOfAPng() {
            byte[] png = TestPhotos.png(TestPhotos.photoLike(400, 300, 3));
            byte[] damaged = png.clone();
            damaged[png.length / 2] ^= 0x5A; // the chunk's CRC no longer matches
            assertRejected(CORRUPT, "the image file is truncated or corrupt", () -> sanitizer.sanitize(damaged, "image/png"));
        }

        @Test
        void pngWithAnUnknownCriticalChunk() {
            byte[] png = TestPhotos.png(TestPhotos.cornerMarked(40, 30));
            byte[] odd = TestPhotos.insert(png, 33, TestPhotos.pngChunk("ZZZZ", new byte[] {1, 2, 3}));
            assertRejected(UNSUPPORTED_ENCODING, "the PNG uses a feature that is not supported", () -> sanitizer.sanitize(odd, "image/png"));
            // An unknown ancillary chunk (lower-case first letter) is fine.
            byte[] fine = TestPhotos.insert(png, 33, TestPhotos.pngChunk("zzZz", new byte[] {1, 2, 3}));
            assertEquals(40, sanitizer.sanitize(fine, "image/png").width());
        }

        @Test
        void jpegWithAbsurdlyManyScans() {
            // Each scan costs a pass over the whole image: a few bytes each could keep a decoder busy for minutes.
            byte[] jpeg = TestPhotos.jpeg(TestPhotos.cornerMarked(64, 64), 0.9f);
            int sos = TestPhotos.indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) 0xDA});
            byte[] scan = Arrays.copyOfRange(jpeg, sos, jpeg.length - 2);
            List<byte[]> parts = new ArrayList<>();
            parts.add(Arrays.copyOf(jpeg, jpeg.length - 2));
            for (int i = 0; i < PhotoSanitizer.MAX_JPEG_SCANS; i++) {
                parts.add(scan);
            }
            parts.add(new byte[] {(byte) 0xFF, (byte) 0xD9});
            byte[] manyScans = TestPhotos.concat(parts.toArray(byte[][]::new));
            assertRejected(UNSUPPORTED_ENCODING, "the JPEG is split into more than 100 scans, which is not accepted",
                    () -> sanitizer.sanitize(manyScans, "image/jpeg"));
        }
    }

    @Test
    void oneSanitizerServesManyThreadsAtOnce() throws Exception {
        List<byte[]> uploads = List.of(TestPhotos.phoneJpeg(1200, 900, 6), TestPhotos.phoneJpeg(900, 1200, 3),
                TestPhotos.png(TestPhotos.photoLike(640, 480, 9)), TestPhotos.phoneJpeg(1000, 1000, 8));
        List<ProcessedPhoto> expected = new ArrayList<>();
        for (byte[] upload : uploads) {
            expected.add(sanitizer.sanitize(upload, PhotoFormat.sniff(upload).orElseThrow().contentType()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ProcessedPhoto>> results = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (byte[] upload : uploads) {
                    results.add(pool.submit(() -> sanitizer.sanitize(upload, PhotoFormat.sniff(upload).orElseThrow().contentType())));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                ProcessedPhoto photo = results.get(i).get();
                assertArrayEquals(expected.get(i % uploads.size()).display(), photo.display());
                assertArrayEquals(expected.get(i % uploads.size()).thumbnail(), photo.thumbnail());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
