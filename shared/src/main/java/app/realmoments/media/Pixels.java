package app.realmoments.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.util.Arrays;

/** RGB conversion and good-quality downscaling (separable cubic resampling that filters, instead of skipping, pixels). */
final class Pixels {

    private Pixels() {}

    /**
     * The image as opaque {@code TYPE_INT_RGB}, transparency composited onto white; colour spaces
     * other than sRGB (CMYK, gray, an embedded profile) are converted by Java2D on the way.
     */
    static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB && isPlain(image)) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /** The size that fits {@code longEdge}, aspect kept, never larger than the image, never below 1 px. */
    static int[] fit(int width, int height, int longEdge) {
        int longest = Math.max(width, height);
        if (longest <= longEdge) {
            return new int[] {width, height};
        }
        double scale = (double) longEdge / longest;
        int w = width >= height ? longEdge : (int) Math.max(1, Math.round(width * scale));
        int h = height > width ? longEdge : (int) Math.max(1, Math.round(height * scale));
        return new int[] {w, h};
    }

    /**
     * A {@code TYPE_INT_RGB} image scaled down so its long edge is at most {@code longEdge}; never scaled
     * up (the same image comes back when it already fits).
     */
    static BufferedImage downscale(BufferedImage rgb, int longEdge) {
        int[] target = fit(rgb.getWidth(), rgb.getHeight(), longEdge);
        BufferedImage current = rgb;
        // Exact 2x2 averaging while at least 2x too large: as good a filter as any for exactly 2x, and cheap.
        while (current.getWidth() >= 2 * target[0] && current.getHeight() >= 2 * target[1]) {
            current = halve(current);
        }
        if (target[0] == current.getWidth() && target[1] == current.getHeight()) {
            return current;
        }
        return resample(current, target[0], target[1]);
    }

    /**
     * Separable resampling with a Catmull-Rom cubic whose support widens with the reduction factor, so
     * every source pixel contributes (no aliasing, unlike a fixed 4x4 bicubic that skips pixels once the
     * reduction passes 2x). Columns first (a loop over whole rows, which the JIT vectorises) into an
     * intermediate image of the target height, then rows.
     */
    static BufferedImage resample(BufferedImage rgb, int targetWidth, int targetHeight) {
        int sw = rgb.getWidth();
        int[] src = intPixels(rgb);
        Taps down = Taps.of(rgb.getHeight(), targetHeight);
        Taps across = Taps.of(sw, targetWidth);

        int[] mid = new int[sw * targetHeight];
        float[] r = new float[sw];
        float[] g = new float[sw];
        float[] b = new float[sw];
        for (int y = 0; y < targetHeight; y++) {
            Arrays.fill(r, 0);
            Arrays.fill(g, 0);
            Arrays.fill(b, 0);
            int first = down.first[y];
            int w = y * down.width;
            for (int k = 0, n = down.count[y]; k < n; k++) {
                float weight = down.weights[w + k];
                int row = (first + k) * sw;
                for (int x = 0; x < sw; x++) {
                    int p = src[row + x];
                    r[x] += weight * ((p >> 16) & 0xFF);
                    g[x] += weight * ((p >> 8) & 0xFF);
                    b[x] += weight * (p & 0xFF);
                }
            }
            int out = y * sw;
            for (int x = 0; x < sw; x++) {
                mid[out + x] = pack(r[x], g[x], b[x]);
            }
        }

        BufferedImage result = new BufferedImage(targetWidth, targetHeight, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) result.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < targetHeight; y++) {
            int row = y * sw;
            int out = y * targetWidth;
            for (int x = 0; x < targetWidth; x++) {
                float red = 0;
                float green = 0;
                float blue = 0;
                int first = across.first[x];
                int w = x * across.width;
                for (int k = 0, n = across.count[x]; k < n; k++) {
                    int p = mid[row + first + k];
                    float weight = across.weights[w + k];
                    red += weight * ((p >> 16) & 0xFF);
                    green += weight * ((p >> 8) & 0xFF);
                    blue += weight * (p & 0xFF);
                }
                dst[out + x] = pack(red, green, blue);
            }
        }
        return result;
    }

    private static int pack(float r, float g, float b) {
        return (channel(r) << 16) | (channel(g) << 8) | channel(b);
    }

    private static int channel(float v) {
        int c = (int) (v + 0.5f);
        return c < 0 ? 0 : Math.min(c, 255);
    }

    /** For each output position along one axis: the first source index, how many follow, and their weights (summing to 1). */
    private record Taps(int[] first, int[] count, float[] weights, int width) {

        static Taps of(int sourceLength, int targetLength) {
            double ratio = (double) sourceLength / targetLength;
            double stretch = Math.max(1.0, ratio); // kernel widened by the reduction factor
            double radius = 2.0 * stretch;
            int width = (int) Math.ceil(2 * radius) + 2;
            int[] first = new int[targetLength];
            int[] count = new int[targetLength];
            float[] weights = new float[targetLength * width];
            for (int i = 0; i < targetLength; i++) {
                double center = (i + 0.5) * ratio; // in source pixel units, pixel j spans [j, j+1)
                int from = Math.max(0, (int) Math.floor(center - radius));
                int to = Math.min(sourceLength - 1, (int) Math.ceil(center + radius));
                double sum = 0;
                int n = 0;
                for (int j = from; j <= to && n < width; j++) {
                    double wgt = catmullRom((j + 0.5 - center) / stretch);
                    weights[i * width + n++] = (float) wgt;
                    sum += wgt;
                }
                for (int k = 0; k < n; k++) {
                    weights[i * width + k] /= (float) sum;
                }
                first[i] = from;
                count[i] = n;
            }
            return new Taps(first, count, weights, width);
        }

        private static double catmullRom(double x) {
            double a = Math.abs(x);
            if (a < 1) {
                return 1.5 * a * a * a - 2.5 * a * a + 1;
            }
            if (a < 2) {
                return -0.5 * a * a * a + 2.5 * a * a - 4 * a + 2;
            }
            return 0;
        }
    }

    /** Half size (odd edges round up), each output pixel the mean of a 2x2 block; the last row/column repeats at odd edges. */
    static BufferedImage halve(BufferedImage rgb) {
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        int ow = (w + 1) / 2;
        int oh = (h + 1) / 2;
        int[] src = intPixels(rgb);
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < oh; y++) {
            int r0 = (2 * y) * w;
            int r1 = Math.min(2 * y + 1, h - 1) * w;
            int o = y * ow;
            for (int x = 0; x < ow; x++) {
                int x0 = 2 * x;
                int x1 = Math.min(x0 + 1, w - 1);
                int a = src[r0 + x0];
                int b = src[r0 + x1];
                int c = src[r1 + x0];
                int d = src[r1 + x1];
                int red = (((a >> 16) & 0xFF) + ((b >> 16) & 0xFF) + ((c >> 16) & 0xFF) + ((d >> 16) & 0xFF) + 2) >> 2;
                int green = (((a >> 8) & 0xFF) + ((b >> 8) & 0xFF) + ((c >> 8) & 0xFF) + ((d >> 8) & 0xFF) + 2) >> 2;
                int blue = ((a & 0xFF) + (b & 0xFF) + (c & 0xFF) + (d & 0xFF) + 2) >> 2;
                dst[o + x] = (red << 16) | (green << 8) | blue;
            }
        }
        return out;
    }

    /** The backing array of a plain {@code TYPE_INT_RGB} image (one int per pixel, rows back to back). */
    static int[] intPixels(BufferedImage rgb) {
        if (rgb.getType() != BufferedImage.TYPE_INT_RGB || !isPlain(rgb)) {
            throw new IllegalArgumentException("expected a plain TYPE_INT_RGB image");
        }
        return ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    }

    private static boolean isPlain(BufferedImage image) {
        return image.getRaster().getDataBuffer() instanceof DataBufferInt buffer
                && buffer.getNumBanks() == 1
                && buffer.getOffset() == 0
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0
                && image.getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == image.getWidth()
                && buffer.getSize() == image.getWidth() * image.getHeight();
    }
}
