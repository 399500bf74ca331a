package app.realmoments.media;

import java.util.Locale;
import java.util.Optional;

/** The photo formats a moment accepts, known by their content type and by their first bytes. */
public enum PhotoFormat {

    JPEG("image/jpeg", "a JPEG", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "a PNG", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    private final String contentType;
    private final String inWords;
    private final byte[] magic;

    PhotoFormat(String contentType, String inWords, byte[] magic) {
        this.contentType = contentType;
        this.inWords = inWords;
        this.magic = magic;
    }

    public String contentType() {
        return contentType;
    }

    /** "a JPEG", "a PNG": for reasons a student reads. */
    String inWords() {
        return inWords;
    }

    /**
     * The format a declared content type names: exact type, any case, parameters ignored
     * ({@code image/jpeg; charset=x}). Empty for anything else, {@code image/jpg} included.
     */
    public static Optional<PhotoFormat> ofContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        for (PhotoFormat format : values()) {
            if (format.contentType.equals(type)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The format the file really is, from its magic bytes; empty when it is neither. */
    public static Optional<PhotoFormat> sniff(byte[] file) {
        for (PhotoFormat format : values()) {
            if (startsWith(file, format.magic)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] file, byte[] prefix) {
        if (file.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (file[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
