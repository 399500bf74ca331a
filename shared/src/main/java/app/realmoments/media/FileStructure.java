package app.realmoments.media;

import static app.realmoments.media.RejectedPhoto.Kind.CORRUPT;
import static app.realmoments.media.RejectedPhoto.Kind.UNSUPPORTED_ENCODING;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Walks a file's container structure without decoding a pixel: JPEG marker segments and
 * entropy-coded data up to EOI, PNG chunks (with their CRCs) up to IEND. It finds truncation
 * deterministically (ImageIO would paint the missing part grey and carry on), reads the dimensions
 * the header claims, and hands over the EXIF block (TIFF bytes), if any, for the orientation.
 */
final class FileStructure {

    static final String CORRUPT_REASON = "the image file is truncated or corrupt";

    /**
     * What the walk found.
     *
     * @param width  as the header claims (IHDR or the first SOF), unsigned
     * @param height as the header claims; 0 for a JPEG whose height is in a DNL marker
     * @param exif   the TIFF structure of the first EXIF block (APP1 "Exif" or PNG eXIf), or null
     * @param scans  JPEG scans (SOS markers); 0 for a PNG
     */
    record Facts(long width, long height, byte[] exif, int scans) {}

    private FileStructure() {}

    static Facts inspect(PhotoFormat format, byte[] file, int maxJpegScans) {
        return switch (format) {
            case JPEG -> jpeg(file, maxJpegScans);
            case PNG -> png(file);
        };
    }

    // ---------------------------------------------------------------- JPEG

    private static final byte[] EXIF_PREAMBLE = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    private static Facts jpeg(byte[] b, int maxScans) {
        int pos = 2; // after SOI
        long width = -1;
        long height = -1;
        byte[] exif = null;
        int scans = 0;
        boolean inScan = false;
        while (true) {
            if (inScan) {
                // Entropy-coded data: 0xFF is followed by 0x00 (stuffing), 0xFF (fill), RSTn, or a marker.
                int ff = indexOfFF(b, pos);
                if (ff < 0 || ff + 1 >= b.length) {
                    throw truncated();
                }
                int next = b[ff + 1] & 0xFF;
                if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                    pos = ff + 2;
                    continue;
                }
                if (next == 0xFF) {
                    pos = ff + 1;
                    continue;
                }
                inScan = false;
                pos = ff;
            }
            // A marker: 0xFF, any fill bytes, then the code.
            if (pos >= b.length) {
                throw truncated();
            }
            if ((b[pos] & 0xFF) != 0xFF) {
                throw corrupt();
            }
            while (pos < b.length && (b[pos] & 0xFF) == 0xFF) {
                pos++;
            }
            if (pos >= b.length) {
                throw truncated();
            }
            int marker = b[pos++] & 0xFF;
            if (marker == 0xD9) { // EOI: the image ends here; anything after it (a motion photo's video) is ignored
                if (scans == 0) {
                    throw corrupt();
                }
                return new Facts(width, height, exif, scans);
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // standalone markers carry no length
            }
            if (marker == 0xD8 || marker == 0x00 || !isKnownSegment(marker)) {
                throw corrupt();
            }
            if (pos + 2 > b.length) {
                throw truncated();
            }
            int length = u16(b, pos);
            if (length < 2) {
                throw corrupt();
            }
            int end = pos + length;
            if (end > b.length) {
                throw truncated();
            }
            int data = pos + 2;
            if (isFrameHeader(marker) && width < 0) {
                if (length < 8) {
                    throw corrupt();
                }
                height = u16(b, data + 1);
                width = u16(b, data + 3);
            } else if (marker == 0xE1 && exif == null && startsWith(b, data, end, EXIF_PREAMBLE)) {
                exif = Arrays.copyOfRange(b, data + EXIF_PREAMBLE.length, end);
            } else if (marker == 0xDA) {
                if (width < 0) {
                    throw corrupt(); // a scan before any frame header
                }
                if (++scans > maxScans) {
                    throw new RejectedPhoto(UNSUPPORTED_ENCODING,
                            "the JPEG is split into more than " + maxScans + " scans, which is not accepted");
                }
                inScan = true;
            }
            pos = end;
        }
    }

    /** SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
    private static boolean isFrameHeader(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static boolean isKnownSegment(int marker) {
        return isFrameHeader(marker)
                || marker == 0xC4 || marker == 0xCC // DHT, DAC
                || (marker >= 0xDA && marker <= 0xDF) // SOS, DQT, DNL, DRI, DHP, EXP
                || (marker >= 0xE0 && marker <= 0xEF) // APPn
                || marker == 0xFE; // COM
    }

    private static int indexOfFF(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == (byte) 0xFF) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- PNG

    private static final int IHDR = type("IHDR");
    private static final int PLTE = type("PLTE");
    private static final int IDAT = type("IDAT");
    private static final int IEND = type("IEND");
    private static final int EXIF = type("eXIf");

    private static Facts png(byte[] b) {
        int pos = 8; // after the signature
        long width = -1;
        long height = -1;
        byte[] exif = null;
        boolean sawData = false;
        CRC32 crc = new CRC32();
        while (true) {
            if (pos + 8 > b.length) {
                throw truncated();
            }
            long length = u32(b, pos);
            int type = (int) u32(b, pos + 4);
            if (length > Integer.MAX_VALUE || !isChunkType(type)) {
                throw corrupt();
            }
            long end = pos + 8 + length + 4;
            if (end > b.length) {
                throw truncated();
            }
            int data = pos + 8;
            crc.reset();
            crc.update(b, pos + 4, 4 + (int) length);
            if (crc.getValue() != u32(b, data + (int) length)) {
                throw corrupt();
            }
            if (width < 0) {
                if (type != IHDR || length != 13) {
                    throw corrupt(); // IHDR must come first
                }
                width = u32(b, data);
                height = u32(b, data + 4);
            } else if (type == IHDR) {
                throw corrupt();
            } else if (type == IDAT) {
                sawData = true;
            } else if (type == EXIF && exif == null && !sawData) {
                exif = Arrays.copyOfRange(b, data, data + (int) length);
            } else if (type == IEND) {
                if (!sawData) {
                    throw corrupt();
                }
                return new Facts(width, height, exif, 0);
            } else if (isCritical(type) && type != PLTE) {
                throw new RejectedPhoto(UNSUPPORTED_ENCODING, "the PNG uses a feature that is not supported");
            }
            pos = (int) end;
        }
    }

    private static int type(String name) {
        byte[] ascii = name.getBytes(StandardCharsets.US_ASCII);
        return (int) u32(ascii, 0);
    }

    private static boolean isChunkType(int type) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = (type >>> shift) & 0xFF;
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }

    /** Bit 5 of the first byte clear (an upper-case letter): a decoder that does not know it must stop. */
    private static boolean isCritical(int type) {
        return ((type >>> 24) & 0x20) == 0;
    }

    // ---------------------------------------------------------------- bytes

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static boolean startsWith(byte[] b, int from, int end, byte[] prefix) {
        if (end - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static RejectedPhoto truncated() {
        return new RejectedPhoto(CORRUPT, CORRUPT_REASON);
    }

    static RejectedPhoto corrupt() {
        return new RejectedPhoto(CORRUPT, CORRUPT_REASON);
    }
}
