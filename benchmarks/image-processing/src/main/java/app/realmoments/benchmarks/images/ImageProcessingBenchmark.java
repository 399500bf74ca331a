package app.realmoments.benchmarks.images;

import app.realmoments.media.PhotoSanitizer;
import app.realmoments.media.ProcessedPhoto;
import app.realmoments.media.TestPhotos;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The upload processor's photo pipeline against the cheapest thing that could replace it.
 *
 * <ul>
 *   <li>{@code sanitize}: {@link PhotoSanitizer#sanitize(byte[], String)} (structure walk, header check,
 *       decode, EXIF orientation, 2048 px display and 360 px thumbnail JPEGs without metadata);</li>
 *   <li>{@code baseline}: {@code ImageIO.read} of the same file and one JPEG encode (quality 0.85) of the
 *       full decoded image: no checks, no orientation, no scaling, no thumbnail.</li>
 * </ul>
 *
 * Modes:
 * <pre>
 *   interleaved [--rounds 7] [--warmup 3]   both variants in this JVM, alternating; medians, ratio, heap high-water marks
 *   generate --kind phone12|square16|max40 --out FILE   write a test photo
 *   once --variant sanitize|baseline --file FILE [--repeat 3]   run in a fresh JVM (for -Xmx searches and RSS);
 *        exit 0 on success, 3 on OutOfMemoryError
 * </pre>
 */
public final class ImageProcessingBenchmark {

    private ImageProcessingBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            args = new String[] {"interleaved"};
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "interleaved" -> interleaved(
                    Integer.parseInt(options.getOrDefault("rounds", "7")),
                    Integer.parseInt(options.getOrDefault("warmup", "3")));
            case "generate" -> generate(options.getOrDefault("kind", "phone12"), Path.of(required(options, "out")));
            case "once" -> System.exit(once(required(options, "variant"), Path.of(required(options, "file")),
                    Integer.parseInt(options.getOrDefault("repeat", "3"))));
            default -> {
                System.err.println("usage: interleaved [--rounds N] [--warmup N] | generate --kind K --out FILE"
                        + " | once --variant sanitize|baseline --file FILE [--repeat N]");
                System.exit(2);
            }
        }
    }

    // ---------------------------------------------------------------- inputs

    /**
     * phone12: 4000x3000 (12 MP) photo-like content, baseline JPEG q 0.92, EXIF orientation 6 with GPS, as a phone writes it.
     * square16: 4094x4094 (16.8 MP), the largest raster the sanitizer decodes (one pixel more and it subsamples by 2).
     * max40: 7296x5472 (39.9 MP, just under the limit) progressive JPEG: the most native decoder memory an accepted file needs.
     */
    static byte[] photo(String kind) {
        return switch (kind) {
            case "phone12" -> TestPhotos.withExif(TestPhotos.jpeg(TestPhotos.photoLike(4000, 3000, 12), 0.92f),
                    TestPhotos.exifTiff(6, true));
            case "square16" -> TestPhotos.withExif(TestPhotos.jpeg(TestPhotos.photoLike(4094, 4094, 16), 0.92f),
                    TestPhotos.exifTiff(1, true));
            case "max40" -> TestPhotos.jpeg(TestPhotos.photoLike(7296, 5472, 40), 0.75f, true);
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
    }

    private static void generate(String kind, Path out) throws IOException {
        byte[] bytes = photo(kind);
        Files.write(out, bytes);
        System.out.printf(Locale.ROOT, "%s: %s, %.2f MB%n", kind, out, bytes.length / 1e6);
    }

    // ---------------------------------------------------------------- the two variants

    private static final PhotoSanitizer SANITIZER = PhotoSanitizer.withDefaults();

    static long sanitize(byte[] upload) {
        ProcessedPhoto photo = SANITIZER.sanitize(upload, "image/jpeg");
        return photo.display().length + photo.thumbnail().length;
    }

    static long baseline(byte[] upload) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(upload));
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.size();
    }

    static long run(String variant, byte[] upload) throws IOException {
        return switch (variant) {
            case "sanitize" -> sanitize(upload);
            case "baseline" -> baseline(upload);
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        };
    }

    // ---------------------------------------------------------------- interleaved, one JVM

    private static void interleaved(int rounds, int warmup) throws Exception {
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "java %s, %s, %d CPUs visible, max heap %d MB, GC %s%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"), rt.availableProcessors(),
                rt.maxMemory() >> 20, gcNames());
        long generation = System.nanoTime();
        byte[] upload = photo("phone12");
        System.out.printf(Locale.ROOT, "input: 4000x3000 photo-like JPEG with EXIF orientation 6 + GPS, %.2f MB (generated in %d ms)%n",
                upload.length / 1e6, (System.nanoTime() - generation) / 1_000_000);
        ProcessedPhoto sample = SANITIZER.sanitize(upload, "image/jpeg");
        System.out.printf(Locale.ROOT, "sanitize output: display %dx%d %.0f KB, thumbnail %.0f KB%n",
                sample.width(), sample.height(), sample.display().length / 1e3, sample.thumbnail().length / 1e3);

        HeapWatch watch = new HeapWatch();
        String[] variants = {"sanitize", "baseline"};
        for (int i = 0; i < warmup; i++) {
            for (String variant : variants) {
                run(variant, upload);
            }
        }
        Map<String, List<Double>> millis = new HashMap<>();
        Map<String, List<Long>> peaks = new HashMap<>();
        for (int round = 0; round < rounds; round++) {
            // Alternate the order so that neither variant always runs on the other's garbage.
            String[] order = round % 2 == 0 ? variants : new String[] {variants[1], variants[0]};
            for (String variant : order) {
                watch.settle();
                long start = System.nanoTime();
                run(variant, upload);
                double ms = (System.nanoTime() - start) / 1e6;
                long peak = watch.peakSinceSettle();
                millis.computeIfAbsent(variant, k -> new ArrayList<>()).add(ms);
                peaks.computeIfAbsent(variant, k -> new ArrayList<>()).add(peak);
                System.out.printf(Locale.ROOT, "  round %d %-8s %7.1f ms   heap high-water %5d MB (%d MB above the settled heap)%n",
                        round + 1, variant, ms, peak >> 20, (peak - watch.settledBytes()) >> 20);
            }
        }
        double a = median(millis.get("sanitize"));
        double b = median(millis.get("baseline"));
        System.out.println();
        System.out.printf(Locale.ROOT, "median sanitize %.1f ms, baseline %.1f ms, ratio a/b %.2f (%d rounds after %d warm-up)%n",
                a, b, a / b, rounds, warmup);
        System.out.printf(Locale.ROOT, "median heap high-water: sanitize %d MB, baseline %d MB (live data plus uncollected garbage)%n",
                medianLong(peaks.get("sanitize")) >> 20, medianLong(peaks.get("baseline")) >> 20);
    }

    // ---------------------------------------------------------------- once, fresh JVM

    private static int once(String variant, Path file, int repeat) throws IOException {
        byte[] upload = Files.readAllBytes(file);
        try {
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < repeat; i++) {
                long start = System.nanoTime();
                run(variant, upload);
                ms.add((System.nanoTime() - start) / 1e6);
            }
            System.out.printf(Locale.ROOT, "variant=%s first_ms=%.0f last_ms=%.0f peak_rss_mb=%d max_heap_mb=%d%n",
                    variant, ms.get(0), ms.get(ms.size() - 1), peakRssKb() >> 10, Runtime.getRuntime().maxMemory() >> 20);
            return 0;
        } catch (OutOfMemoryError oom) {
            upload = null;
            System.out.println("variant=" + variant + " OutOfMemoryError");
            return 3;
        }
    }

    /** VmHWM: the process's peak resident set, what a Lambda memory limit is measured against. */
    private static long peakRssKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- heap high-water mark

    /**
     * The heap's high-water mark during an operation, from GC notifications: heap usage peaks just before
     * a collection (reported as "before GC" usage) or at the end of the operation, so the peak is the
     * largest of those. It counts garbage not yet collected, so it depends on the heap size and the GC;
     * the minimum {@code -Xmx} found by run.sh is the figure for what the operation really needs.
     */
    static final class HeapWatch {

        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong notifications = new AtomicLong();
        private final List<MemoryPoolMXBean> heapPools = new ArrayList<>();
        private volatile long settled;

        HeapWatch() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heapPools.add(pool);
                }
            }
            List<String> heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName).toList();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long before = 0;
                    for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
                        if (heapPoolNames.contains(e.getKey())) {
                            before += e.getValue().getUsed();
                        }
                    }
                    peak.accumulateAndGet(before, Math::max);
                    notifications.incrementAndGet();
                }, null, null);
            }
        }

        /** Collects, waits for that collection's notifications, and starts a new measurement. */
        void settle() throws InterruptedException {
            long seen = notifications.get();
            System.gc();
            for (int i = 0; i < 50 && notifications.get() == seen; i++) {
                Thread.sleep(10);
            }
            Thread.sleep(20);
            settled = used();
            peak.set(settled);
        }

        long settledBytes() {
            return settled;
        }

        long peakSinceSettle() throws InterruptedException {
            long end = used();
            Thread.sleep(20); // notifications are delivered on another thread
            return Math.max(peak.get(), end);
        }

        private long used() {
            long used = 0;
            for (MemoryPoolMXBean pool : heapPools) {
                used += pool.getUsage().getUsed();
            }
            return used;
        }
    }

    // ---------------------------------------------------------------- small helpers

    private static String gcNames() {
        return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static long medianLong(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Long::compare);
        return sorted.get(sorted.size() / 2);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
