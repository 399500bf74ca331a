package app.realmoments.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Photo files built in code for tests (this module's, the functions' through shared's test-jar, the
 * end-to-end test) and for the image benchmark: phone-like JPEGs with an EXIF block (orientation and
 * GPS) spliced in by a small TIFF writer, PNGs written chunk by chunk (decompression bombs included),
 * CMYK JPEGs, and helpers to look inside JPEG output.
 */
public final class TestPhotos {

    /** Corner marks of {@link #cornerMarked}: stored top-left, top-right, bottom-left, bottom-right. */
    public static final Color TOP_LEFT = new Color(230, 20, 20);
    public static final Color TOP_RIGHT = new Color(20, 200, 40);
    public static final Color BOTTOM_LEFT = new Color(30, 40, 230);
    public static final Color BOTTOM_RIGHT = new Color(240, 220, 20);

    /** Text only the EXIF block of {@link #phoneJpeg} carries: it must never reach a processed photo. */
    public static final String CAMERA_MAKE = "RealMomentsTestCam";
    public static final String GPS_METHOD = "RealMomentsSecretGPSFix";
    /** Where {@link #phoneJpeg} says it was taken (a campus, to the second). */
    public static final double LATITUDE = 48.858222;
    public static final double LONGITUDE = -2.294500;

    private TestPhotos() {}

    // ---------------------------------------------------------------- pictures

    /**
     * A photo-like picture whose top-left 16x16 pixels are magenta ({@code #FF00FF}): what the local stack's
     * stand-in classifier ({@code screening.LocalContentClassifier}) flags as explicit.
     */
    public static BufferedImage magentaCornered(int width, int height, int seed) {
        BufferedImage image = photoLike(width, height, seed);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                image.setRGB(x, y, 0xFF00FF);
            }
        }
        return image;
    }

    /**
     * A non-uniform picture with a coloured square in each corner (side: a sixth of the short edge), so
     * a test can tell where each stored corner ended up.
     */
    public static BufferedImage cornerMarked(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int g = 60 + (x * 100 / width) + (y * 60 / height);
                px[y * width + x] = (g << 16) | (g << 8) | g;
            }
        }
        int side = markSide(width, height);
        Graphics2D g = image.createGraphics();
        try {
            fill(g, TOP_LEFT, 0, 0, side);
            fill(g, TOP_RIGHT, width - side, 0, side);
            fill(g, BOTTOM_LEFT, 0, height - side, side);
            fill(g, BOTTOM_RIGHT, width - side, height - side, side);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The side of the corner squares of {@link #cornerMarked}. */
    public static int markSide(int width, int height) {
        return Math.max(1, Math.min(width, height) / 6);
    }

    private static void fill(Graphics2D g, Color color, int x, int y, int side) {
        g.setColor(color);
        g.fillRect(x, y, side, side);
    }

    /**
     * Photo-like content: a sky gradient over a darker ground, a soft sun, low-frequency shading and
     * per-pixel sensor noise, so it compresses like a real photo (a 12 MP one is a few MB at q 0.9).
     */
    public static BufferedImage photoLike(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        SplittableRandom random = new SplittableRandom(seed);
        double horizon = height * (0.45 + random.nextDouble() * 0.1);
        double sunX = width * (0.2 + random.nextDouble() * 0.6);
        double sunY = horizon * 0.4;
        double sunR = Math.min(width, height) * 0.08;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double r;
                double gr;
                double b;
                if (y < horizon) {
                    double t = y / horizon;
                    r = 90 + 110 * t;
                    gr = 140 + 80 * t;
                    b = 235 - 20 * t;
                    double d = Math.hypot(x - sunX, y - sunY);
                    double glow = Math.max(0, 1 - d / (sunR * 4));
                    r += 120 * glow * glow;
                    gr += 100 * glow * glow;
                    b += 40 * glow * glow;
                } else {
                    double t = (y - horizon) / (height - horizon);
                    double field = Math.sin(x * 0.011 + t * 7) * Math.cos(y * 0.007) * 25;
                    r = 70 + 40 * t + field;
                    gr = 110 - 30 * t + field;
                    b = 50 + 10 * t;
                }
                double shade = Math.sin(x * 0.0021 + y * 0.0013) * 12;
                int noise = random.nextInt(13) - 6;
                px[y * width + x] = (clamp(r + shade + noise) << 16) | (clamp(gr + shade + noise) << 8) | clamp(b + shade + noise);
            }
        }
        return image;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    // ---------------------------------------------------------------- JPEG

    /** A plain JFIF file of the image, through the JDK's own JPEG writer. */
    public static byte[] jpeg(BufferedImage image, float quality) {
        return jpeg(image, quality, false);
    }

    /** As {@link #jpeg(BufferedImage, float)}, progressive when asked (about ten scans). */
    public static byte[] jpeg(BufferedImage image, float quality, boolean progressive) {
        ImageWriter writer = jdkWriter("jpeg");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            } else {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * What a phone uploads: a {@link #cornerMarked} picture as a JPEG with an EXIF block right after SOI
     * carrying the orientation, a camera make and GPS latitude/longitude.
     */
    public static byte[] phoneJpeg(int width, int height, int orientation) {
        return withExif(jpeg(cornerMarked(width, height), 0.9f), exifTiff(orientation, true));
    }

    /** {@code jpeg} with an APP1 "Exif" segment holding {@code tiff} inserted right after SOI. */
    public static byte[] withExif(byte[] jpeg, byte[] tiff) {
        byte[] preamble = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + preamble.length + tiff.length;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("EXIF block too large for one APP1 segment");
        }
        ByteBuffer segment = ByteBuffer.allocate(2 + length);
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(preamble).put(tiff);
        return insert(jpeg, 2, segment.array());
    }

    /**
     * A big-endian TIFF structure as EXIF carries it: IFD0 with Orientation, Make and, when asked, a GPS
     * IFD with version, latitude, longitude (degrees/minutes/seconds rationals) and a processing-method text.
     */
    public static byte[] exifTiff(int orientation, boolean gps) {
        List<Entry> ifd0 = new ArrayList<>();
        ifd0.add(Entry.ascii(0x010F, CAMERA_MAKE));
        ifd0.add(Entry.shorts(0x0112, orientation));
        List<Entry> gpsIfd = null;
        if (gps) {
            gpsIfd = List.of(
                    new Entry(0x0000, 1, 4, new byte[] {2, 3, 0, 0}),
                    Entry.ascii(0x0001, LATITUDE >= 0 ? "N" : "S"),
                    Entry.degrees(0x0002, Math.abs(LATITUDE)),
                    Entry.ascii(0x0003, LONGITUDE >= 0 ? "E" : "W"),
                    Entry.degrees(0x0004, Math.abs(LONGITUDE)),
                    new Entry(0x001B, 7, 8 + GPS_METHOD.length(),
                            ("ASCII\0\0\0" + GPS_METHOD).getBytes(StandardCharsets.US_ASCII)));
        }
        return Tiff.write(ifd0, gpsIfd);
    }

    /** One IFD entry: tag, TIFF type (1 BYTE, 2 ASCII, 3 SHORT, 4 LONG, 5 RATIONAL, 7 UNDEFINED), count, big-endian value bytes. */
    record Entry(int tag, int type, int count, byte[] value) {

        static Entry ascii(int tag, String text) {
            byte[] bytes = (text + "\0").getBytes(StandardCharsets.US_ASCII);
            return new Entry(tag, 2, bytes.length, bytes);
        }

        static Entry shorts(int tag, int value) {
            return new Entry(tag, 3, 1, new byte[] {(byte) (value >> 8), (byte) value});
        }

        static Entry longs(int tag, long value) {
            return new Entry(tag, 4, 1, ByteBuffer.allocate(4).putInt((int) value).array());
        }

        static Entry degrees(int tag, double value) {
            int degrees = (int) value;
            double minutesExact = (value - degrees) * 60;
            int minutes = (int) minutesExact;
            long hundredthsOfSeconds = Math.round((minutesExact - minutes) * 60 * 100);
            ByteBuffer b = ByteBuffer.allocate(24);
            b.putInt(degrees).putInt(1).putInt(minutes).putInt(1).putInt((int) hundredthsOfSeconds).putInt(100);
            return new Entry(tag, 5, 3, b.array());
        }
    }

    /** A minimal TIFF writer: header, IFD0 (with a GPS IFD pointer when there is one), values past 4 bytes out of line. */
    static final class Tiff {

        private Tiff() {}

        static byte[] write(List<Entry> ifd0, List<Entry> gps) {
            List<Entry> first = new ArrayList<>(ifd0);
            if (gps != null) {
                first.add(Entry.longs(0x8825, 0)); // offset patched below
            }
            first.sort((a, b) -> Integer.compare(a.tag(), b.tag()));
            int ifd0At = 8;
            int gpsAt = ifd0At + size(first);
            if (gps != null) {
                first.replaceAll(e -> e.tag() == 0x8825 ? Entry.longs(0x8825, gpsAt) : e);
            }
            int total = gpsAt + (gps == null ? 0 : size(gps));
            ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
            out.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0At);
            writeIfd(out, ifd0At, first);
            if (gps != null) {
                writeIfd(out, gpsAt, gps);
            }
            return out.array();
        }

        /** Entries, next-IFD offset, then the out-of-line values (each padded to an even length). */
        private static int size(List<Entry> entries) {
            int size = 2 + 12 * entries.size() + 4;
            for (Entry e : entries) {
                if (e.value().length > 4) {
                    size += (e.value().length + 1) & ~1;
                }
            }
            return size;
        }

        private static void writeIfd(ByteBuffer out, int at, List<Entry> entries) {
            int data = at + 2 + 12 * entries.size() + 4;
            out.position(at);
            out.putShort((short) entries.size());
            for (Entry e : entries) {
                out.putShort((short) e.tag()).putShort((short) e.type()).putInt(e.count());
                if (e.value().length <= 4) {
                    out.put(Arrays.copyOf(e.value(), 4));
                } else {
                    out.putInt(data);
                    int back = out.position();
                    out.position(data).put(e.value());
                    data += (e.value().length + 1) & ~1;
                    out.position(back);
                }
            }
            out.putInt(0); // no next IFD
        }
    }

    /**
     * A CMYK JPEG as Photoshop writes it: four components, an Adobe APP14 segment (transform 0) and
     * inverted values. The left half is pure red ink (M+Y), the right half pure cyan.
     */
    public static byte[] cmykJpeg(int width, int height) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        int[] red = {255, 0, 0, 255}; // inverted C=0 M=255 Y=255 K=0
        int[] cyan = {0, 255, 255, 255}; // inverted C=255 M=0 Y=0 K=0
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, x < width / 2 ? red : cyan);
            }
        }
        ImageWriter writer = jdkWriter("jpeg");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        return insert(bytes.toByteArray(), 2, adobe);
    }

    /** {@code jpeg} with an APP2 "ICC_PROFILE" segment (one chunk) holding {@code profile} right after SOI. */
    public static byte[] withIccProfile(byte[] jpeg, ICC_Profile profile) {
        byte[] data = profile.getData();
        byte[] tag = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + tag.length + 2 + data.length;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("profile too large for one APP2 segment");
        }
        ByteBuffer segment = ByteBuffer.allocate(2 + length);
        segment.put((byte) 0xFF).put((byte) 0xE2).putShort((short) length).put(tag).put((byte) 1).put((byte) 1).put(data);
        return insert(jpeg, 2, segment.array());
    }

    /** The JPEG marker codes before the first scan (SOS included), e.g. [0xE0, 0xDB, 0xC0, 0xC4, 0xDA]. */
    public static List<Integer> headerMarkers(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int pos = 2;
        while (pos + 4 <= jpeg.length) {
            if ((jpeg[pos] & 0xFF) != 0xFF) {
                throw new IllegalArgumentException("not a marker at " + pos);
            }
            int marker = jpeg[pos + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            pos += 2 + (((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF));
        }
        return markers;
    }

    /** The bytes before the first scan's data: every segment where metadata could hide. */
    public static byte[] header(byte[] jpeg) {
        int pos = 2;
        while (pos + 4 <= jpeg.length) {
            int marker = jpeg[pos + 1] & 0xFF;
            pos += 2 + (((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF));
            if (marker == 0xDA) {
                return Arrays.copyOf(jpeg, pos);
            }
        }
        return jpeg;
    }

    // ---------------------------------------------------------------- PNG

    public static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    /** The image as a PNG through ImageIO (alpha kept when the image has it). */
    public static byte[] png(BufferedImage image) {
        return png(image, false);
    }

    /** As {@link #png(BufferedImage)}, Adam7-interlaced when asked. */
    public static byte[] png(BufferedImage image, boolean interlaced) {
        ImageWriter writer = jdkWriter("png");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(interlaced ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** One PNG chunk: length, type, data, CRC-32 of type and data. */
    public static byte[] pngChunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue()).array();
    }

    /** IHDR data: width, height, bit depth 8, colour type 2 (RGB), deflate, adaptive filtering, no interlace. */
    public static byte[] ihdr(long width, long height) {
        return ByteBuffer.allocate(13).putInt((int) width).putInt((int) height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array();
    }

    /**
     * A decompression bomb: a valid IHDR claiming {@code width x height} RGB pixels, then one small IDAT
     * (a zlib stream of 1 MiB of zeros, about 1 KB) and IEND, every CRC correct. A reader that trusted
     * the header would allocate width x height x 3 bytes before finding out the data runs short.
     */
    public static byte[] pngBomb(long width, long height) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(new byte[1 << 20]);
        deflater.finish();
        byte[] buffer = new byte[64 * 1024];
        int length = deflater.deflate(buffer);
        deflater.end();
        return concat(PNG_SIGNATURE, pngChunk("IHDR", ihdr(width, height)),
                pngChunk("IDAT", Arrays.copyOf(buffer, length)), pngChunk("IEND", new byte[0]));
    }

    /**
     * The same header with an IDAT of random bytes that no inflater accepts (CRC still correct): a
     * sanitizer that read a single pixel of it would report a corrupt file, not the header's size.
     */
    public static byte[] pngBombWithUndecodableData(long width, long height) {
        byte[] garbage = new byte[4096];
        new SplittableRandom(42).nextBytes(garbage);
        garbage[0] = 0x00; // not a zlib header (CMF must name deflate)
        return concat(PNG_SIGNATURE, pngChunk("IHDR", ihdr(width, height)),
                pngChunk("IDAT", garbage), pngChunk("IEND", new byte[0]));
    }

    /** {@code png} with an eXIf chunk holding {@code tiff} right after IHDR. */
    public static byte[] withPngExif(byte[] png, byte[] tiff) {
        return insert(png, 8 + 25, pngChunk("eXIf", tiff));
    }

    // ---------------------------------------------------------------- bytes and decoding

    /** The image ImageIO decodes from {@code bytes} (TwelveMonkeys first for JPEG, as the sanitizer does). */
    public static BufferedImage decode(byte[] bytes) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IllegalArgumentException("ImageIO cannot read these bytes");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean contains(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle) >= 0;
    }

    public static boolean contains(byte[] haystack, String needle) {
        return contains(haystack, needle.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public static byte[] insert(byte[] into, int at, byte[] what) {
        byte[] out = new byte[into.length + what.length];
        System.arraycopy(into, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(into, at, out, at + what.length, into.length - at);
        return out;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** The JDK's own writer for a format, so fixtures do not depend on which plugins are on the classpath. */
    private static ImageWriter jdkWriter(String format) {
        ImageWriter fallback = null;
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName(format); it.hasNext();) {
            ImageWriter writer = it.next();
            if (writer.getClass().getName().startsWith("com.sun.")) {
                if (fallback != null) {
                    fallback.dispose();
                }
                return writer;
            }
            if (fallback == null) {
                fallback = writer;
            } else {
                writer.dispose();
            }
        }
        if (fallback == null) {
            throw new IllegalStateException("no ImageIO writer for " + format);
        }
        return fallback;
    }
}
