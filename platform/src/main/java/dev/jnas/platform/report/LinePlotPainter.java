package dev.jnas.platform.report;

import dev.jnas.platform.report.LinePlot.Series;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link LinePlot} with Java2D: layout, 1-2-5 ticks and grid, ±std bands, step or straight
 * curves, title, axis labels and a legend in the emptiest corner. Only {@link LinePlot} creates it,
 * after making AWT headless.
 */
final class LinePlotPainter {

    /** Okabe–Ito colours, most distinct on white first. */
    static final int[] PALETTE = {0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0x000000, 0xF0E442};
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final BasicStroke LINE = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series;
    private final int width;
    private final int height;

    LinePlotPainter(String title, String xLabel, String yLabel, List<Series> series, int width, int height) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.series = series;
        this.width = width;
        this.height = height;
    }

    /** Draws the chart into a new RGB image, anti-aliased, on white. */
    BufferedImage paint() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            draw(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    private record Axis(double lo, double hi, double p0, double p1) {
        double pixel(double v) {
            return p0 + (v - lo) / (hi - lo) * (p1 - p0);
        }
    }

    private void draw(Graphics2D g) {
        FontMetrics tick = g.getFontMetrics(TICK_FONT);
        FontMetrics label = g.getFontMetrics(LABEL_FONT);
        FontMetrics head = g.getFontMetrics(TITLE_FONT);
        double[] xRange = range(true);
        double[] yRange = range(false);
        int top = 24 + head.getHeight();
        int bottom = height - 22 - label.getHeight() - tick.getHeight();
        double[] yTicks = ticks(yRange, Math.max(2, (bottom - top) / 70));
        int tickWidth = Arrays.stream(yTicks).mapToInt(t -> tick.stringWidth(format(t, yTicks))).max().orElse(0);
        int left = 26 + label.getHeight() + tickWidth;
        int right = width - 24;
        double[] xTicks = ticks(xRange, Math.max(2, (right - left) / 100));
        Axis ax = new Axis(xRange[0], xRange[1], left, right);
        Axis ay = new Axis(yRange[0], yRange[1], bottom, top);
        Rectangle2D plot = new Rectangle2D.Double(left, top, right - left, bottom - top);

        g.setFont(TICK_FONT);
        for (double t : xTicks) {
            double p = ax.pixel(t);
            String s = format(t, xTicks);
            tick(g, new Line2D.Double(p, top, p, bottom), new Line2D.Double(p, bottom, p, bottom + 4),
                    s, p - tick.stringWidth(s) / 2.0, bottom + 6 + tick.getAscent());
        }
        for (double t : yTicks) {
            double p = ay.pixel(t);
            String s = format(t, yTicks);
            tick(g, new Line2D.Double(left, p, right, p), new Line2D.Double(left - 4, p, left, p),
                    s, left - 6 - tick.stringWidth(s), p + tick.getAscent() / 2.0 - 1);
        }

        g.clip(plot);
        List<Shape> lines = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            List<Point2D> mid = vertices(s, 0, ax, ay);
            lines.add(mid.size() == 1 ? dot(mid.get(0)) : polyline(mid, false));
            if (s.std() != null && mid.size() > 1) {
                List<Point2D> band = vertices(s, 1, ax, ay);
                List<Point2D> lower = vertices(s, -1, ax, ay);
                Collections.reverse(lower);
                band.addAll(lower);
                g.setColor(color(i, 50));
                g.fill(polyline(band, true));
            }
        }
        for (int i = 0; i < series.size(); i++) {
            paint(g, lines.get(i), color(i, 255));
        }
        g.setClip(null);
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.DARK_GRAY);
        g.draw(plot);

        g.setColor(Color.BLACK);
        g.setFont(TITLE_FONT);
        g.drawString(title, (float) (plot.getCenterX() - head.stringWidth(title) / 2.0), 14 + head.getAscent());
        g.setFont(LABEL_FONT);
        g.drawString(xLabel, (float) (plot.getCenterX() - label.stringWidth(xLabel) / 2.0), height - 12 - label.getDescent());
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, (float) -(plot.getCenterY() + label.stringWidth(yLabel) / 2.0), 12 + label.getAscent());
        g.setTransform(saved);
        legend(g, plot, lines);
    }

    private static void tick(Graphics2D g, Line2D grid, Line2D mark, String text, double x, double y) {
        g.setStroke(new BasicStroke(1f));
        g.setColor(new Color(0xE6E6E6));
        g.draw(grid);
        g.setColor(Color.DARK_GRAY);
        g.draw(mark);
        g.drawString(text, (float) x, (float) y);
    }

    /** Strokes a curve, or fills a single point's dot. */
    private static void paint(Graphics2D g, Shape line, Color color) {
        g.setColor(color);
        g.setStroke(LINE);
        g.draw(line);
        if (line instanceof Ellipse2D) {
            g.fill(line);
        }
    }

    /** Draws the legend in the corner of the plot that the fewest curves cross. */
    private void legend(Graphics2D g, Rectangle2D plot, List<Shape> lines) {
        g.setFont(TICK_FONT);
        FontMetrics fm = g.getFontMetrics();
        int row = fm.getHeight() + 2;
        double w = 48 + series.stream().mapToInt(s -> fm.stringWidth(s.name())).max().orElse(0);
        double h = 10 + row * series.size();
        Rectangle2D best = null;
        long fewest = Long.MAX_VALUE;
        for (double[] c : new double[][] {{1, 1}, {0, 0}, {0, 1}, {1, 0}}) {
            Rectangle2D box = new Rectangle2D.Double(plot.getX() + 10 + c[0] * (plot.getWidth() - w - 20),
                    plot.getY() + 10 + c[1] * (plot.getHeight() - h - 20), w, h);
            long crossed = lines.stream().filter(l -> LINE.createStrokedShape(l).intersects(box)).count();
            if (crossed < fewest) {
                fewest = crossed;
                best = box;
            }
        }
        g.setColor(new Color(255, 255, 255, 225));
        g.fill(best);
        g.setColor(new Color(0xBBBBBB));
        g.setStroke(new BasicStroke(1f));
        g.draw(best);
        for (int i = 0; i < series.size(); i++) {
            double x = best.getX() + 8;
            double y = best.getY() + 6 + row * i + row / 2.0;
            boolean single = lines.get(i) instanceof Ellipse2D;
            paint(g, single ? dot(new Point2D.Double(x + 12, y)) : new Line2D.Double(x, y, x + 24, y), color(i, 255));
            g.setColor(Color.BLACK);
            g.drawString(series.get(i).name(), (float) x + 30, (float) (y + fm.getAscent() / 2.0 - 1));
        }
    }

    /** Pixel vertices of the finite points of {@code s}, shifted by {@code sign}·std, steps expanded. */
    private static List<Point2D> vertices(Series s, int sign, Axis ax, Axis ay) {
        double[] x = s.x();
        double[] y = s.y();
        double[] std = s.std();
        List<Point2D> out = new ArrayList<>();
        double previous = Double.NaN;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                continue;
            }
            double sd = sign == 0 || std == null || !Double.isFinite(std[i]) ? 0 : sign * std[i];
            double px = ax.pixel(x[i]);
            double py = ay.pixel(y[i] + sd);
            if (s.step() && !out.isEmpty()) {
                out.add(new Point2D.Double(px, previous));
            }
            out.add(new Point2D.Double(px, py));
            previous = py;
        }
        return out;
    }

    private static Shape polyline(List<Point2D> points, boolean closed) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(points.get(0).getX(), points.get(0).getY());
        points.stream().skip(1).forEach(p -> path.lineTo(p.getX(), p.getY()));
        if (closed) {
            path.closePath();
        }
        return path;
    }

    private static Shape dot(Point2D p) {
        return new Ellipse2D.Double(p.getX() - 3, p.getY() - 3, 6, 6);
    }

    private static Color color(int index, int alpha) {
        return new Color((alpha << 24) | PALETTE[index % PALETTE.length], true);
    }

    /** The data's [min, max] on one axis (y including the bands), widened by a small margin. */
    private double[] range(boolean xAxis) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            double[] x = s.x();
            double[] y = s.y();
            double[] std = s.std();
            for (int i = 0; i < x.length; i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                    double v = xAxis ? x[i] : y[i];
                    double sd = xAxis || std == null || !Double.isFinite(std[i]) ? 0 : Math.abs(std[i]);
                    lo = Math.min(lo, v - sd);
                    hi = Math.max(hi, v + sd);
                }
            }
        }
        double margin = hi > lo ? 0.04 * (hi - lo) : Math.max(0.05 * Math.abs(lo), 0.5);
        return new double[] {lo - margin, hi + margin};
    }

    /** Tick values at a 1-2-5 step, about {@code target} of them, inside {@code range}. */
    static double[] ticks(double[] range, int target) {
        double raw = (range[1] - range[0]) / target;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double n = raw / magnitude;
        double step = (n < 1.5 ? 1 : n < 3 ? 2 : n < 7 ? 5 : 10) * magnitude;
        long first = (long) Math.ceil(range[0] / step - 1e-9);
        long last = (long) Math.floor(range[1] / step + 1e-9);
        double[] out = new double[(int) (last - first + 1)];
        for (int k = 0; k < out.length; k++) {
            out[k] = (first + k) * step;
        }
        return out;
    }

    private static String format(double value, double[] ticks) {
        double step = ticks.length > 1 ? ticks[1] - ticks[0] : Math.abs(value);
        int decimals = step > 0 ? Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9)) : 0;
        return String.format(Locale.ROOT, "%." + decimals + "f", value == 0 ? 0.0 : value);
    }
}
