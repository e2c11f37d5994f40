package dev.jnas.platform.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * A PNG line chart of anytime curves: x is the search cost spent, y the best accuracy found so far.
 * Each {@link Series} gets a colour of a fixed colour-blind-safe palette (Okabe–Ito), is drawn as a
 * step function by default and, when it has standard deviations, with a translucent ±std band.
 * Axes get 1-2-5 ticks over the data's range plus a small margin; NaN points are skipped. Rendering
 * needs no display: {@code java.awt.headless} is set to {@code true} unless the caller chose.
 *
 * <pre>{@code
 * LinePlot.builder().setTitle("evolution vs random").setXLabel("search cost (s)")
 *         .setYLabel("best validation accuracy (%)")
 *         .addSeries(LinePlot.meanOf("evolution", runXs, runYs, 200))
 *         .build().write(Path.of("anytime.png"));
 * }</pre>
 */
public final class LinePlot {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * One curve. Arrays are copied; {@code std} may be null (no band) and NaN entries are skipped.
     *
     * @param name the legend entry
     * @param x the x values (search cost), in drawing order
     * @param y the y values, as long as {@code x}
     * @param std standard deviations of {@code y}, as long as {@code x}, or null
     * @param step whether to draw a step function (horizontal, then vertical) rather than straight lines
     */
    public record Series(String name, double[] x, double[] y, double[] std, boolean step) {

        public Series {
            Objects.requireNonNull(name, "name");
            if (x == null || y == null || x.length != y.length || (std != null && std.length != x.length)) {
                throw new IllegalArgumentException("series '" + name + "': x, y (and std) must have the same length");
            }
            x = x.clone();
            y = y.clone();
            std = std == null ? null : std.clone();
        }

        /** A step series. */
        public Series(String name, double[] x, double[] y, double[] std) {
            this(name, x, y, std, true);
        }

        /** This series drawn as steps ({@code true}) or straight segments. */
        public Series withStep(boolean step) {
            return new Series(name, x, y, std, step);
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }

        @Override
        public double[] std() {
            return std == null ? null : std.clone();
        }
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series;
    private final int width;
    private final int height;

    private LinePlot(Builder b) {
        title = b.title;
        xLabel = b.xLabel;
        yLabel = b.yLabel;
        series = List.copyOf(b.series);
        width = b.width;
        height = b.height;
    }

    /** A new builder; title, axis labels and at least one series are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Writes the chart as a PNG: to a temporary file in the same folder, then renamed onto {@code file}. */
    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(render(), "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Draws the chart into a new RGB image of the configured size. */
    public BufferedImage render() {
        return new LinePlotPainter(title, xLabel, yLabel, series, width, height).paint();
    }

    /**
     * The mean and population std of several runs' best-so-far step curves on a common grid of
     * {@code points} x values from 0 to the largest x of any run. A run's value at a grid point is
     * its last y with x ≤ that point: NaN before its first point, its last y after its last point.
     * Runs without a value are left out of a point's statistics; a point no run reaches is NaN.
     *
     * @param xs each run's x values, non-decreasing
     * @param ys each run's y values, as long as its x values
     */
    public static Series meanOf(String name, List<double[]> xs, List<double[]> ys, int points) {
        if (xs.isEmpty() || xs.size() != ys.size() || points < 2) {
            throw new IllegalArgumentException("meanOf needs as many x as y runs, at least one, and points >= 2");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < xs.size(); r++) {
            double[] x = xs.get(r);
            if (x.length != ys.get(r).length) {
                throw new IllegalArgumentException("run " + r + ": x and y have different lengths");
            }
            for (int i = 0; i < x.length; i++) {
                if (Double.isNaN(x[i]) || (i > 0 && x[i] < x[i - 1])) {
                    throw new IllegalArgumentException("run " + r + ": x values must be numbers that never decrease");
                }
                max = Math.max(max, x[i]);
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("no run has a point");
        }
        double[] grid = new double[points];
        double[] mean = new double[points];
        double[] std = new double[points];
        int[] next = new int[xs.size()];
        double[] values = new double[xs.size()];
        for (int k = 0; k < points; k++) {
            grid[k] = k == points - 1 ? max : max * k / (points - 1);
            int n = 0;
            double sum = 0;
            for (int r = 0; r < xs.size(); r++) {
                double[] x = xs.get(r);
                while (next[r] < x.length && x[next[r]] <= grid[k]) {
                    next[r]++;
                }
                double v = next[r] == 0 ? Double.NaN : ys.get(r)[next[r] - 1];
                if (!Double.isNaN(v)) {
                    values[n++] = v;
                    sum += v;
                }
            }
            mean[k] = n == 0 ? Double.NaN : sum / n;
            double squares = 0;
            for (int j = 0; j < n; j++) {
                squares += (values[j] - mean[k]) * (values[j] - mean[k]);
            }
            std[k] = n == 0 ? Double.NaN : Math.sqrt(squares / n);
        }
        return new Series(name, grid, mean, std);
    }

    /** Builds a {@link LinePlot}: {@code setX} for required values, {@code optX} for optional ones. */
    public static final class Builder {
        private String title;
        private String xLabel;
        private String yLabel;
        private final List<Series> series = new ArrayList<>();
        private int width = 900;
        private int height = 560;

        private Builder() {}

        /** The title above the plot (required). */
        public Builder setTitle(String title) {
            this.title = title;
            return this;
        }

        /** The label under the x axis (required). */
        public Builder setXLabel(String label) {
            this.xLabel = label;
            return this;
        }

        /** The label beside the y axis (required). */
        public Builder setYLabel(String label) {
            this.yLabel = label;
            return this;
        }

        /** Adds a curve; its colour is the palette's next one (at least one series is required). */
        public Builder addSeries(Series s) {
            series.add(Objects.requireNonNull(s, "series"));
            return this;
        }

        /** Image size in pixels; 900×560 unless set, at least 240×180. */
        public Builder optSize(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        /** Validates and builds; refuses a missing title or label, no series, no finite point, a tiny size. */
        public LinePlot build() {
            if (title == null || xLabel == null || yLabel == null) {
                throw new IllegalArgumentException("a plot needs a title, an x label and a y label");
            }
            if (series.isEmpty()) {
                throw new IllegalArgumentException("a plot needs at least one series");
            }
            boolean anyPoint = series.stream().anyMatch(s -> IntStream.range(0, s.x.length)
                    .anyMatch(i -> Double.isFinite(s.x[i]) && Double.isFinite(s.y[i])));
            if (!anyPoint) {
                throw new IllegalArgumentException("no series has a point with finite x and y");
            }
            if (width < 240 || height < 180) {
                throw new IllegalArgumentException("plot size must be at least 240x180, got " + width + "x" + height);
            }
            return new LinePlot(this);
        }
    }
}
