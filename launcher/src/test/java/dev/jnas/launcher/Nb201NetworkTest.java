package dev.jnas.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.jnas.api.Operation;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.space.Nb201Cell;
import dev.jnas.platform.nb201.Nb201Network;
import dev.jnas.platform.plugin.Extensions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** NAS-Bench-201's network with the standard operations: the table's parameter counts, and shapes. */
class Nb201NetworkTest {

    private static Map<String, Operation> operations() {
        EngineSupport.start(1);
        return Extensions.load(Path.of(System.getProperty("jnas.home")).resolve("plugins")).byId(Operation.class);
    }

    /** The table row with this index: {@code [arch_str, params_mb_c10]}. */
    private static String[] row(int index) throws IOException {
        Path table = Path.of(System.getProperty("jnas.home"), "data", "nasbench201", "nb201.csv");
        try (var lines = Files.lines(table)) {
            List<String> header = List.of(lines.findFirst().orElseThrow().split(","));
            int arch = header.indexOf("arch_str");
            int params = header.indexOf("params_mb_c10");
            try (var rows = Files.lines(table)) {
                String[] cells = rows.skip(1).map(l -> l.split(",")).filter(c -> c[0].equals("" + index))
                        .findFirst().orElseThrow();
                return new String[] {cells[arch], cells[params]};
            }
        }
    }

    /**
     * Rows 0 and 1, a cell with three {@code none} edges (3), a cell whose first node is {@code none}
     * (7), the all-skip cell where DARTS collapses (1835) and the best cell (6111): the CIFAR-10
     * network with C=16 and N=5 has exactly the table's {@code params_mb_c10} × 10^6 weights.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 7, 1835, 6111})
    void weightCountIsTheTablesParameterCount(int index) throws IOException {
        String[] row = row(index);
        long expected = Math.round(Double.parseDouble(row[1]) * 1e6);
        try (NDManager manager = NDManager.newBaseManager()) {
            Nb201Network net = Nb201Network.build(manager, Nb201Cell.parse(row[0]), operations(), DatasetInfo.CIFAR10,
                    Nb201Network.CHANNELS, Nb201Network.CELLS_PER_STAGE);
            assertEquals(expected, net.weightCount(), row[0]);
        }
    }

    @Test
    void theFirstRowsCountsAreTheOnesPublished() throws IOException {
        assertEquals("|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|",
                row(0)[0]);
        assertEquals("0.129306", row(0)[1]);
        assertEquals("0.802426", row(1)[1]);
        assertEquals("1.073466", row(6111)[1]);
    }

    @Test
    void mapsFashionMnistImagesToClassScores() {
        DatasetInfo info = DatasetInfo.FASHION_MNIST;
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            Nb201Network net = Nb201Network.build(manager, Nb201Cell.fromOpsCode("333132"), operations(), info, 2, 1);
            assertEquals(5, net.layers(), "three cells and two residual blocks");
            NDArray images = manager.randomNormal(new Shape(2, info.channels(), info.height(), info.width()));
            for (boolean training : new boolean[] {true, false}) {
                NDArray logits = net.forward(images, training);
                assertEquals(new Shape(2, info.classes()), logits.getShape());
                assertFalse(logits.isNaN().any().getBoolean());
            }
        }
    }
}
