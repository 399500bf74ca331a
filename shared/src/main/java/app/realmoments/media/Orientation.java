package app.realmoments.media;

import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * The EXIF Orientation tag (1-8): how the stored pixels must be turned to stand upright. Read with
 * metadata-extractor from the EXIF block {@link FileStructure} found; applied exactly (no resampling)
 * to a {@code TYPE_INT_RGB} image.
 */
final class Orientation {

    static final int UPRIGHT = 1;

    private Orientation() {}

    /** The orientation an EXIF block (TIFF bytes) declares; {@link #UPRIGHT} when absent, unreadable or out of range. */
    static int of(byte[] exifTiff) {
        if (exifTiff == null || exifTiff.length < 8) {
            return UPRIGHT;
        }
        try {
            Metadata metadata = new Metadata();
            new com.drew.metadata.exif.ExifReader().extract(new ByteArrayReader(exifTiff), metadata);
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            Integer value = ifd0 == null ? null : ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
            return value != null && value >= 1 && value <= 8 ? value : UPRIGHT;
        } catch (RuntimeException damagedExif) {
            // Damaged EXIF says nothing reliable about orientation; the pixels may still be fine.
            return UPRIGHT;
        }
    }

    /**
     * The upright image. For each output pixel (x, y) of a {@code w x h} source the source pixel is:
     * 1 (x, y); 2 (w-1-x, y); 3 (w-1-x, h-1-y); 4 (x, h-1-y); and, with width and height swapped,
     * 5 (y, x); 6 (y, h-1-x); 7 (w-1-y, h-1-x); 8 (w-1-y, x).
     */
    static BufferedImage apply(BufferedImage rgb, int orientation) {
        if (orientation <= UPRIGHT || orientation > 8) {
            return rgb;
        }
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        boolean swaps = orientation >= 5;
        int ow = swaps ? h : w;
        int oh = swaps ? w : h;
        int[] src = Pixels.intPixels(rgb);
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < oh; y++) {
            int row = y * ow;
            for (int x = 0; x < ow; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; } // 8
                }
                dst[row + x] = src[sy * w + sx];
            }
        }
        return out;
    }
}
