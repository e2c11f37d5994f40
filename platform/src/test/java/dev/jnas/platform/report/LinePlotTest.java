package dev.jnas.platform.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinePlotTest {

    private static final double NaN = Double.NaN;

    @TempDir
    Path dir;

    private static LinePlot.Builder titled() {
        return LinePlot.builder().setTitle("DARTS vs black-box search on fashion-mnist")
                .setXLabel("search cost (s)").setYLabel("best validation accuracy (%)");
    }

    /** Pixels whose RGB is within {@code tolerance} (summed over channels) of {@code rgb}. */
    private static int pixelsNear(BufferedImage image, int rgb, int tolerance) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int d = Math.abs((p >> 16 & 255) - (rgb >> 16 & 255)) + Math.abs((p >> 8 & 255) - (rgb >> 8 & 255))
                        + Math.abs((p & 255) - (rgb & 255));
                count += d <= tolerance ? 1 : 0;
            }
        }
        return count;
    }

    @Test
    void writesAPngWithEverySeriesColourOnAMostlyWhiteBackground() throws IOException {
        LinePlot.Series evolution = LinePlot.meanOf("evolution",
                List.of(new double[] {0, 40, 90, 300}, new double[] {5, 60, 200, 280}),
                List.of(new double[] {62, 78, 84, 88}, new double[] {55, 80, 86, 87}), 200);
        LinePlot.Series random = new LinePlot.Series("random",
                new double[] {0, 30, NaN, 120, 250}, new double[] {60, 70, 99, 79, 83}, null);
        LinePlot.Series darts = new LinePlot.Series("DARTS", new double[] {150}, new double[] {90}, null);
        Path file = dir.resolve("anytime.png");

        titled().addSeries(evolution).addSeries(random).addSeries(darts).optSize(900, 560).build().write(file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(900, image.getWidth());
        assertEquals(560, image.getHeight());
        for (int i = 0; i < 2; i++) {
            assertTrue(pixelsNear(image, LinePlotPainter.PALETTE[i], 40) >= 300, "series " + i + " drawn");
        }
        assertTrue(pixelsNear(image, LinePlotPainter.PALETTE[2], 40) >= 20, "the single point is drawn");
        assertTrue(pixelsNear(image, 0xFFFFFF, 0) > 0.6 * 900 * 560, "mostly white");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left");
        }
        assertTrue(GraphicsEnvironment.isHeadless(), "rendering never needs a display");
    }

    @Test
    void overwritesAnExistingFileAndHonoursTheSize() throws IOException {
        Path file = dir.resolve("plot.png");
        Files.writeString(file, "old");
        titled().addSeries(new LinePlot.Series("a", new double[] {1, 2}, new double[] {3, 4}, null).withStep(false))
                .optSize(320, 200).build().write(file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(320, image.getWidth());
        assertEquals(200, image.getHeight());
    }

    @Test
    void meanOfAveragesStepCurvesOnACommonGrid() {
        LinePlot.Series s = LinePlot.meanOf("m",
                List.of(new double[] {0, 2, 5}, new double[] {1, 3}),
                List.of(new double[] {10, 20, 30}, new double[] {40, 50}), 6);
        assertEquals("m", s.name());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, s.x());
        assertArrayEquals(new double[] {10, 25, 30, 35, 35, 40}, s.y());
        assertArrayEquals(new double[] {0, 15, 10, 15, 15, 10}, s.std());
        assertTrue(s.step());
    }

    @Test
    void meanOfIsNaNWhereNoRunHasStarted() {
        LinePlot.Series s = LinePlot.meanOf("m",
                List.of(new double[] {2, 4}, new double[] {3, 4}),
                List.of(new double[] {1, 3}, new double[] {2, 4}), 5);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, s.x());
        assertArrayEquals(new double[] {NaN, NaN, 1, 1.5, 3.5}, s.y());
        assertArrayEquals(new double[] {NaN, NaN, 0, 0.5, 0.5}, s.std());
    }

    @Test
    void meanOfRefusesInconsistentRuns() {
        List<double[]> one = List.<double[]>of(new double[] {0, 1});
        assertThrows(IllegalArgumentException.class, () -> LinePlot.meanOf("m", one, List.of(), 5));
        assertThrows(IllegalArgumentException.class, () -> LinePlot.meanOf("m", one, one, 1));
        assertThrows(IllegalArgumentException.class,
                () -> LinePlot.meanOf("m", one, List.<double[]>of(new double[] {1}), 5));
        assertThrows(IllegalArgumentException.class,
                () -> LinePlot.meanOf("m", List.<double[]>of(new double[] {1, 0}), one, 5));
        assertThrows(IllegalArgumentException.class,
                () -> LinePlot.meanOf("m", List.<double[]>of(new double[] {0, NaN}), one, 5));
    }

    @Test
    void buildRefusesAPlotWithoutSeriesLabelsOrFinitePoints() {
        LinePlot.Series ok = new LinePlot.Series("a", new double[] {1}, new double[] {2}, null);
        assertThrows(IllegalArgumentException.class, () -> titled().build());
        assertThrows(IllegalArgumentException.class, () -> LinePlot.builder().addSeries(ok).build());
        assertThrows(IllegalArgumentException.class, () -> titled().addSeries(ok).optSize(10, 10).build());
        assertThrows(IllegalArgumentException.class, () -> titled()
                .addSeries(new LinePlot.Series("nan", new double[] {NaN}, new double[] {1}, null)).build());
    }

    @Test
    void seriesRefusesMismatchedLengths() {
        assertThrows(IllegalArgumentException.class,
                () -> new LinePlot.Series("a", new double[] {1, 2}, new double[] {1}, null));
        assertThrows(IllegalArgumentException.class,
                () -> new LinePlot.Series("a", new double[] {1, 2}, new double[] {1, 2}, new double[] {1}));
    }

    @Test
    void ticksFollowOneTwoFiveSteps() {
        assertArrayEquals(new double[] {0, 50, 100, 150, 200, 250, 300}, LinePlotPainter.ticks(new double[] {-12, 312}, 7));
        assertArrayEquals(new double[] {52, 54, 56, 58}, LinePlotPainter.ticks(new double[] {51.3, 59.2}, 5));
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, LinePlotPainter.ticks(new double[] {0.05, 0.31}, 3), 1e-12);
    }
}
