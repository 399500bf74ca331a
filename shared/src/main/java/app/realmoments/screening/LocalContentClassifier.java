package app.realmoments.screening;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The local stack's stand-in for Rekognition (the emulator has no moderation labels): an image whose
 * top-left 16x16 pixels are magenta ({@code #FF00FF}) is {@code Explicit Nudity} at 99 %, any other image
 * is clean. Deterministic, so a test or a developer can make a flagged image on purpose. The pipeline
 * re-encodes the upload as JPEG before it is screened, which shifts colours a little and blurs the corner's
 * edge into its neighbours: so each channel may be {@link #TOLERANCE} off, and only the corner's inner
 * {@link #LOOKED_AT}x{@link #LOOKED_AT} pixels are looked at.
 */
public final class LocalContentClassifier implements ContentClassifier {

    static final int CORNER = 16;
    static final int LOOKED_AT = 12;
    static final int TOLERANCE = 48;
    static final ModerationLabel FLAGGED = new ModerationLabel("Explicit Nudity", "", 99.0);

    @Override
    public List<ModerationLabel> labels(byte[] jpeg) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UnreadableImage("the image could not be decoded for screening", e);
        }
        if (image == null) {
            throw new UnreadableImage("the image could not be decoded for screening", null);
        }
        return magentaCorner(image) ? List.of(FLAGGED) : List.of();
    }

    private static boolean magentaCorner(BufferedImage image) {
        if (image.getWidth() < CORNER || image.getHeight() < CORNER) {
            return false;
        }
        for (int y = 0; y < LOOKED_AT; y++) {
            for (int x = 0; x < LOOKED_AT; x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (r < 255 - TOLERANCE || g > TOLERANCE || b < 255 - TOLERANCE) {
                    return false;
                }
            }
        }
        return true;
    }
}
