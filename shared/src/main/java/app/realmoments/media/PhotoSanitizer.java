package app.realmoments.media;

import static app.realmoments.media.RejectedPhoto.Kind.BAD_DIMENSIONS;
import static app.realmoments.media.RejectedPhoto.Kind.CORRUPT;
import static app.realmoments.media.RejectedPhoto.Kind.EMPTY;
import static app.realmoments.media.RejectedPhoto.Kind.NOT_AN_IMAGE;
import static app.realmoments.media.RejectedPhoto.Kind.TOO_LARGE;
import static app.realmoments.media.RejectedPhoto.Kind.TOO_MANY_PIXELS;
import static app.realmoments.media.RejectedPhoto.Kind.TYPE_MISMATCH;
import static app.realmoments.media.RejectedPhoto.Kind.UNSUPPORTED_TYPE;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns an uploaded file into the photo a moment shows, trusting nothing about it. In order:
 * <ol>
 *   <li>size: empty or over {@link Limits#maxBytes()} is refused (a stream is never read past the limit);</li>
 *   <li>format: the magic bytes decide what the file is, and it must be what the client declared;</li>
 *   <li>structure: JPEG segments and scans, or PNG chunks and CRCs, walked to EOI/IEND without decoding,
 *       so a truncated file is refused instead of being shown half grey;</li>
 *   <li>size in pixels: read from the header (the container's and ImageIO's reader's, which must agree),
 *       zero or absurd sizes and more than {@link Limits#maxPixels()} refused before any pixel is decoded;</li>
 *   <li>decoding with ImageIO (TwelveMonkeys' JPEG reader first: CMYK, YCCK, slightly broken files),
 *       subsampled by the largest factor that keeps the long edge at least the display size; a
 *       reader warning about missing or damaged data is a refusal;</li>
 *   <li>EXIF orientation applied, transparency flattened onto white, downscaled;</li>
 *   <li>a display JPEG and a thumbnail JPEG written with no metadata at all (a plain JFIF header,
 *       no EXIF, GPS, XMP, ICC profile or comment).</li>
 * </ol>
 * Thread-safe: no mutable state; every call makes its own readers and writers.
 */
public final class PhotoSanitizer {

    /** More scans than any real encoder writes (progressive files have about 10); each costs a pass over the image. */
    static final int MAX_JPEG_SCANS = 100;
    /** The long side may be at most this many times the short side (a 360-degree panorama is about 10). */
    static final int MAX_ASPECT_RATIO = 50;
    static final float JPEG_QUALITY = 0.85f;

    /**
     * What an upload may be and what it becomes.
     *
     * @param maxBytes          largest accepted file
     * @param maxPixels         largest accepted width x height, checked from the header
     * @param displayLongEdge   long edge of the display image (smaller images are not upscaled)
     * @param thumbnailLongEdge long edge of the thumbnail (smaller images are not upscaled)
     */
    public record Limits(long maxBytes, long maxPixels, int displayLongEdge, int thumbnailLongEdge) {

        public static final Limits DEFAULTS = new Limits(15L * 1024 * 1024, 40_000_000L, 2048, 360);

        public Limits {
            if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("maxBytes must be between 1 and 2 GiB: " + maxBytes);
            }
            if (maxPixels < 1) {
                throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
            }
            if (displayLongEdge < 1 || thumbnailLongEdge < 1 || thumbnailLongEdge > displayLongEdge) {
                throw new IllegalArgumentException("need 0 < thumbnailLongEdge <= displayLongEdge: "
                        + thumbnailLongEdge + ", " + displayLongEdge);
            }
        }
    }

    private final Limits limits;

    public PhotoSanitizer(Limits limits) {
        this.limits = limits;
    }

    /** 15 MiB, 40 megapixels, 2048 px display, 360 px thumbnail. */
    public static PhotoSanitizer withDefaults() {
        return new PhotoSanitizer(Limits.DEFAULTS);
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Reads at most {@code maxBytes + 1} bytes of the upload, then as {@link #sanitize(byte[], String)}.
     *
     * @throws IOException   reading the stream failed (not the file's fault: worth a retry)
     * @throws RejectedPhoto the file will not become a photo, with a reason for its author
     */
    public ProcessedPhoto sanitize(InputStream upload, String declaredContentType) throws IOException {
        int max = (int) limits.maxBytes();
        byte[] bytes = upload.readNBytes(max + 1);
        if (bytes.length > max) {
            throw tooLarge();
        }
        return sanitize(bytes, declaredContentType);
    }

    /**
     * The processed photo: display and thumbnail JPEGs, upright, without metadata.
     *
     * @param upload              the uploaded file, as stored
     * @param declaredContentType what the client said it is: {@code image/jpeg} or {@code image/png}
     * @throws RejectedPhoto the file will not become a photo, with a reason for its author
     */
    public ProcessedPhoto sanitize(byte[] upload, String declaredContentType) {
        if (upload.length == 0) {
            throw new RejectedPhoto(EMPTY, "the file is empty");
        }
        if (upload.length > limits.maxBytes()) {
            throw tooLarge();
        }
        PhotoFormat declared = PhotoFormat.ofContentType(declaredContentType).orElseThrow(() -> new RejectedPhoto(
                UNSUPPORTED_TYPE, declaredContentType == null || declaredContentType.isBlank()
                        ? "the upload declared no content type; only image/jpeg and image/png are accepted"
                        : "the upload was declared as " + printable(declaredContentType)
                                + "; only image/jpeg and image/png are accepted"));
        PhotoFormat actual = PhotoFormat.sniff(upload).orElseThrow(
                () -> new RejectedPhoto(NOT_AN_IMAGE, "the file is not a JPEG or PNG image"));
        if (actual != declared) {
            throw new RejectedPhoto(TYPE_MISMATCH,
                    "the file is " + actual.inWords() + " but was declared as " + declared.contentType());
        }

        FileStructure.Facts facts = FileStructure.inspect(actual, upload, MAX_JPEG_SCANS);
        if (actual == PhotoFormat.PNG || facts.height() != 0) { // a JPEG may leave its height to a DNL marker
            checkDimensions(facts.width(), facts.height());
        }

        return finish(decode(actual, upload, facts), Orientation.of(facts.exif()));
    }

    /** The pixels, subsampled, once the header's size is known to be acceptable; any reader failure is a corrupt file. */
    private BufferedImage decode(PhotoFormat format, byte[] upload, FileStructure.Facts facts) {
        ImageReader reader = readerFor(format);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            reader.setInput(in, true, true);

            // The header alone: no pixel is read before the size is known to be acceptable.
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkDimensions(width, height);
            if (width != facts.width() || (facts.height() != 0 && height != facts.height())) {
                throw FileStructure.corrupt();
            }

            ImageReadParam param = reader.getDefaultReadParam();
            int step = subsampling(width, height, limits.displayLongEdge());
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage decoded = reader.read(0, param);
            for (String warning : warnings) {
                if (meansMissingOrDamagedData(warning)) {
                    throw FileStructure.corrupt();
                }
            }
            return decoded;
        } catch (RejectedPhoto rejected) {
            throw rejected;
        } catch (IOException | RuntimeException readerFailed) {
            // Readers fail on hostile input with IIOException and with any runtime exception (index, argument, size).
            throw new RejectedPhoto(CORRUPT, FileStructure.CORRUPT_REASON, readerFailed);
        } finally {
            reader.dispose();
        }
    }

    private ProcessedPhoto finish(BufferedImage decoded, int orientation) {
        BufferedImage rgb = Pixels.toRgb(decoded);
        decoded = null; // only the RGB copy is needed from here: let the decoded raster go
        BufferedImage display = Orientation.apply(Pixels.downscale(rgb, limits.displayLongEdge()), orientation);
        rgb = null;
        BufferedImage thumbnail = Pixels.downscale(display, limits.thumbnailLongEdge());
        return new ProcessedPhoto(writeJpeg(display), writeJpeg(thumbnail), display.getWidth(), display.getHeight());
    }

    private void checkDimensions(long width, long height) {
        if (width <= 0 || height <= 0) {
            throw new RejectedPhoto(BAD_DIMENSIONS,
                    "the image is " + width + "x" + height + " pixels, which is not a picture");
        }
        long pixels;
        try {
            pixels = Math.multiplyExact(width, height); // a PNG header can claim 2^32-1 on each side
        } catch (ArithmeticException overflow) {
            pixels = Long.MAX_VALUE;
        }
        if (pixels > limits.maxPixels()) {
            throw new RejectedPhoto(TOO_MANY_PIXELS, "the image is " + width + "x" + height + " pixels; at most "
                    + inWords(limits.maxPixels()) + " are accepted");
        }
        if (Math.max(width, height) > (long) MAX_ASPECT_RATIO * Math.min(width, height)) {
            throw new RejectedPhoto(BAD_DIMENSIONS, "the image is " + width + "x" + height
                    + " pixels; its long side may be at most " + MAX_ASPECT_RATIO + " times its short side");
        }
    }

    /**
     * The largest source subsampling step that still leaves the long edge at least {@code displayLongEdge}
     * (ImageIO keeps {@code ceil(edge / step)} pixels); 1 when the image is no larger than that.
     */
    static int subsampling(int width, int height, int displayLongEdge) {
        int longest = Math.max(width, height);
        if (longest <= displayLongEdge) {
            return 1;
        }
        // ceil(longest / s) >= d  <=>  longest > (d - 1) * s  <=>  s <= (longest - 1) / (d - 1)
        return displayLongEdge == 1 ? longest : Math.max(1, (longest - 1) / (displayLongEdge - 1));
    }

    /**
     * The reader warnings (libjpeg's, TwelveMonkeys') about pixels that are not in the file. Warnings
     * about an extraneous byte between segments or about metadata the output drops anyway (an embedded
     * thumbnail, an ICC profile or Adobe marker that does not fit) leave the image itself intact.
     */
    static boolean meansMissingOrDamagedData(String warning) {
        String w = warning.toLowerCase(Locale.ROOT);
        if (w.contains("extraneous bytes before marker") || w.contains("thumbnail") || w.contains("icc")
                || w.contains("app14")) {
            return false;
        }
        return w.contains("premature end") || w.contains("truncated") || w.contains("missing eoi")
                || w.contains("corrupt") || w.contains("huffman") || w.contains("progression")
                || w.contains("invalid sos");
    }

    private static ImageReader readerFor(PhotoFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format == PhotoFormat.JPEG ? "jpeg" : "png");
        ImageReader chosen = null;
        while (readers.hasNext()) {
            ImageReader candidate = readers.next();
            if (chosen == null) {
                chosen = candidate;
            } else if (candidate.getClass().getName().startsWith("com.twelvemonkeys.")
                    && !chosen.getClass().getName().startsWith("com.twelvemonkeys.")) {
                chosen.dispose();
                chosen = candidate;
            } else {
                candidate.dispose();
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("no ImageIO reader for " + format);
        }
        return chosen;
    }

    /** A baseline JFIF: ImageIO's default header for an RGB image and nothing else (no thumbnail, no metadata). */
    private static byte[] writeJpeg(BufferedImage rgb) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no ImageIO JPEG writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(16 * 1024, rgb.getWidth() * rgb.getHeight() / 4));
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            if (param instanceof JPEGImageWriteParam jpeg) {
                jpeg.setOptimizeHuffmanTables(true);
            }
            writer.write(null, new IIOImage(rgb, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a JPEG in memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private RejectedPhoto tooLarge() {
        return new RejectedPhoto(TOO_LARGE, "the file is larger than " + bytesInWords(limits.maxBytes()));
    }

    private static String bytesInWords(long bytes) {
        long mib = 1024L * 1024;
        return bytes % mib == 0 ? bytes / mib + " MiB" : String.format(Locale.ROOT, "%,d bytes", bytes);
    }

    private static String inWords(long pixels) {
        return pixels % 1_000_000 == 0 ? pixels / 1_000_000 + " megapixels" : String.format(Locale.ROOT, "%,d pixels", pixels);
    }

    /** A client-supplied string, made safe to store and show: printable ASCII, at most 60 characters. */
    private static String printable(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < 60; i++) {
            char c = value.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return out.toString();
    }
}
