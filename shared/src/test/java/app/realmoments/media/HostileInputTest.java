package app.realmoments.media;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Damaged files, made by mutating valid ones with a fixed seed: whatever the damage, the answer is a
 * photo or a {@link RejectedPhoto}, never another exception escaping from a reader.
 */
class HostileInputTest {

    private static final int ROUNDS = Integer.getInteger("media.fuzz.rounds", 150);

    private final PhotoSanitizer sanitizer = PhotoSanitizer.withDefaults();

    @Test
    void mutatedFilesAreProcessedOrRejectedNothingElse() {
        List<byte[]> seeds = List.of(
                TestPhotos.phoneJpeg(320, 240, 6),
                TestPhotos.jpeg(TestPhotos.cornerMarked(300, 200), 0.8f, true),
                TestPhotos.cmykJpeg(64, 48),
                TestPhotos.png(TestPhotos.cornerMarked(200, 150)),
                TestPhotos.withPngExif(TestPhotos.png(TestPhotos.cornerMarked(64, 48), true), TestPhotos.exifTiff(6, true)));
        SplittableRandom random = new SplittableRandom(20260314);
        int rejected = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (byte[] seed : seeds) {
                byte[] mutant = mutate(seed, random);
                String type = PhotoFormat.sniff(seed).orElseThrow().contentType();
                try {
                    ProcessedPhoto photo = sanitizer.sanitize(mutant, type);
                    assertTrue(photo.width() > 0 && photo.height() > 0);
                } catch (RejectedPhoto expected) {
                    rejected++;
                } catch (RuntimeException | OutOfMemoryError | StackOverflowError escaped) {
                    fail("round " + round + ": " + escaped + " escaped for a mutant of " + type, escaped);
                }
            }
        }
        assertTrue(rejected > 0, "the mutations did damage something");
    }

    /** Keeps the magic bytes (so the file gets past the format check) and damages what follows. */
    private static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] out = seed.clone();
        switch (random.nextInt(5)) {
            case 0 -> { // flip a few bytes anywhere after the magic
                for (int i = random.nextInt(1, 8); i > 0; i--) {
                    out[random.nextInt(8, out.length)] ^= (byte) random.nextInt(1, 256);
                }
            }
            case 1 -> { // truncate
                out = Arrays.copyOf(out, random.nextInt(8, out.length));
            }
            case 2 -> { // overwrite a run with random bytes
                int at = random.nextInt(8, out.length);
                for (int i = at; i < Math.min(out.length, at + random.nextInt(1, 512)); i++) {
                    out[i] = (byte) random.nextInt(256);
                }
            }
            case 3 -> { // damage the header region, where lengths and sizes live
                int at = random.nextInt(8, Math.min(out.length, 200));
                out[at] = (byte) random.nextInt(256);
            }
            default -> { // duplicate a slice somewhere else
                int from = random.nextInt(8, out.length);
                int length = Math.min(out.length - from, random.nextInt(1, 256));
                out = TestPhotos.insert(out, random.nextInt(8, out.length), Arrays.copyOfRange(out, from, from + length));
            }
        }
        return out;
    }
}
