package app.realmoments.moment;

import app.realmoments.id.Ids;
import java.util.Optional;

/** The S3 key layout: {@code uploads/{userId}/{momentId}/{role}} in, {@code media/{momentId}/...} out. */
public final class MediaKeys {

    private MediaKeys() {
    }

    public static String upload(String userId, String momentId, ImageRole role) {
        return "uploads/" + userId + "/" + momentId + "/" + role.wire();
    }

    /** Every upload of the user starts with this. */
    public static String uploadPrefix(String userId) {
        return "uploads/" + userId + "/";
    }

    public static String display(String momentId, ImageRole role) {
        return "media/" + momentId + "/" + role.wire() + ".jpg";
    }

    public static String thumbnail(String momentId, ImageRole role) {
        return "media/" + momentId + "/" + role.wire() + "-thumb.jpg";
    }

    /** An upload key's parts, or empty for any key that is not exactly of the upload shape. */
    public static Optional<UploadKey> parseUpload(String key) {
        String[] parts = key.split("/", -1);
        if (parts.length != 4 || !parts[0].equals("uploads")) {
            return Optional.empty();
        }
        ImageRole role = ImageRole.fromWire(parts[3]);
        if (role == null || !Ids.isWellFormed(parts[2]) || parts[1].isEmpty() || parts[1].length() > 128) {
            return Optional.empty();
        }
        return Optional.of(new UploadKey(parts[1], parts[2], role));
    }

    public record UploadKey(String userId, String momentId, ImageRole role) {
    }
}
