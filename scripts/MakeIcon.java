import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** Draws Arca's icon (an archive chest on a rounded tile) at the given sizes: java scripts/MakeIcon.java OUT_DIR */
public class MakeIcon {
    public static void main(String[] args) throws Exception {
        File out = new File(args.length > 0 ? args[0] : "resources/icons");
        out.mkdirs();
        for (int size : new int[] {16, 32, 48, 64, 128, 256, 512}) {
            ImageIO.write(draw(size), "png", new File(out, "arca-" + size + ".png"));
        }
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size / 256.0;
        g.setPaint(new GradientPaint(0, 0, new Color(0x2F81F7), 0, size, new Color(0x0B4FB3)));
        g.fill(new RoundRectangle2D.Double(8 * s, 8 * s, 240 * s, 240 * s, 56 * s, 56 * s));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) (14 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        // Lid
        g.draw(new RoundRectangle2D.Double(52 * s, 64 * s, 152 * s, 40 * s, 12 * s, 12 * s));
        // Body
        g.draw(new RoundRectangle2D.Double(66 * s, 104 * s, 124 * s, 92 * s, 10 * s, 10 * s));
        // Handle
        g.drawLine((int) (108 * s), (int) (136 * s), (int) (148 * s), (int) (136 * s));
        g.dispose();
        return image;
    }
}
