import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;
import javax.imageio.ImageIO;

/** The load test's photo: a 1600x1200 phone-like JPEG (sky, ground, noise), written to the path given. */
public class Photo {
    public static void main(String[] args) throws Exception {
        BufferedImage image = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(90, 140, 220), 0, 700, new Color(250, 200, 150)));
        g.fillRect(0, 0, 1600, 700);
        g.setPaint(new GradientPaint(0, 700, new Color(60, 110, 50), 0, 1200, new Color(30, 60, 25)));
        g.fillRect(0, 700, 1600, 500);
        g.dispose();
        Random noise = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            int x = noise.nextInt(1600), y = noise.nextInt(1200);
            image.setRGB(x, y, image.getRGB(x, y) ^ noise.nextInt(0x0f0f0f));
        }
        ImageIO.write(image, "jpg", new File(args[0]));
    }
}
