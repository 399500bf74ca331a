package app.realmoments.moment;

import app.realmoments.error.Problem;
import app.realmoments.text.TypedText;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The body of {@code POST /moments}. */
public record NewMoment(String caption, String audience, List<ImageDeclaration> images) {

    public static final int MAX_CAPTION = 500;
    public static final long MAX_IMAGE_BYTES = 15L * 1024 * 1024;
    private static final Set<String> TYPES = Set.of("image/jpeg", "image/png");

    public record ImageDeclaration(String role, String contentType, Long contentLength) {
    }

    /** A checked moment request: caption trimmed (null when empty), images by role. */
    public record Valid(String caption, Audience audience, Map<ImageRole, MomentImage> images) {
    }

    public Valid validated() {
        String text = TypedText.optional("caption", caption, MAX_CAPTION, TypedText.Lines.MANY);
        if (audience == null) {
            throw Problem.invalid("audience", "audience is required: friends or campus");
        }
        Audience who = Audience.fromWire(audience);
        if (who == null) {
            throw Problem.invalid("audience", "audience must be friends or campus");
        }
        if (images == null || images.isEmpty() || images.size() > 2) {
            throw Problem.invalid("images", "a moment has 1 or 2 images");
        }
        Map<ImageRole, MomentImage> byRole = new EnumMap<>(ImageRole.class);
        for (ImageDeclaration image : images) {
            if (image == null) {
                throw Problem.invalid("images", "an image declaration is empty");
            }
            ImageRole role = ImageRole.fromWire(image.role());
            if (role == null) {
                throw Problem.invalid("images.role", "role must be back or front");
            }
            if (byRole.containsKey(role)) {
                throw Problem.invalid("images.role", "each role may appear once");
            }
            if (image.contentType() == null || !TYPES.contains(image.contentType())) {
                throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                        "contentType must be image/jpeg or image/png", "images.contentType");
            }
            if (image.contentLength() == null || image.contentLength() < 1) {
                throw Problem.invalid("images.contentLength", "contentLength must be a positive number of bytes");
            }
            if (image.contentLength() > MAX_IMAGE_BYTES) {
                throw new Problem(Problem.Kind.TOO_LARGE, "payload_too_large",
                        "each image may be at most 15 MiB", "images.contentLength");
            }
            byRole.put(role, MomentImage.declared(role, image.contentType(), image.contentLength()));
        }
        if (!byRole.containsKey(ImageRole.BACK)) {
            throw Problem.invalid("images.role", "the back camera image is required");
        }
        return new Valid(text, who, byRole);
    }
}
