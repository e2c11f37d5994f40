package dev.jnas.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jnas.api.Operation;
import dev.jnas.api.Supernet;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.space.Nb201Cell;
import dev.jnas.api.space.Nb201Space;
import dev.jnas.platform.nb201.Nb201Supernet;
import dev.jnas.platform.plugin.Extensions;
import dev.jnas.platform.run.Json;
import dev.jnas.platform.search.Supernets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NAS-Bench-201's search supernet with the standard operations. */
class Nb201SupernetTest {

    private static List<Operation> operations() {
        EngineSupport.start(1);
        Map<String, Operation> all = Extensions.load(Path.of(System.getProperty("jnas.home")).resolve("plugins"))
                .byId(Operation.class);
        return Supernets.resolve(Nb201Cell.OPERATIONS, all);
    }

    @Test
    void forwardsToClassScoresAndGivesOneSharedAlphaItsGradient() {
        DatasetInfo info = DatasetInfo.FASHION_MNIST;
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            Nb201Supernet net = Nb201Supernet.build(manager, operations(), info, 2, 1, List.of());
            assertEquals(List.of(Supernet.CELL), net.cellTypes());
            Parameter alpha = net.alphas().get("alphas_cell");
            assertEquals(new Shape(6, 5), alpha.getArray().getShape());
            assertTrue(alpha.getArray().abs().max().getFloat() < 1e-2f, "1e-3·N(0, 1)");
            NDArray images = manager.randomNormal(new Shape(2, info.channels(), info.height(), info.width()));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = net.forward(images, true);
                assertEquals(new Shape(2, info.classes()), logits.getShape());
                collector.backward(logits.mul(manager.randomNormal(logits.getShape())).sum());
            }
            float[] gradient = alpha.getArray().getGradient().toFloatArray();
            for (int e = 0; e < Nb201Cell.EDGES; e++) {
                float norm = 0;
                for (int k = 0; k < Nb201Cell.OPERATIONS.size(); k++) {
                    norm += Math.abs(gradient[e * Nb201Cell.OPERATIONS.size() + k]);
                }
                assertTrue(norm > 0, "no gradient on the α row of edge " + e);
            }
            assertEquals(new Shape(2, info.classes()), net.forward(images, false).getShape());
        }
    }

    @Test
    void derivesTheStrongestOperationOfEveryEdge() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Nb201Supernet net = Nb201Supernet.build(manager, operations(), DatasetInfo.FASHION_MNIST, 2, 1, List.of());
            float[][][] weights = net.alphaWeights();
            assertEquals(1, weights.length);
            assertEquals(6, weights[0].length);
            for (int e = 0; e < 6; e++) {
                weights[0][e] = new float[5];
                weights[0][e][e % 5] = 1;
            }
            var derived = net.derive(weights);
            assertEquals(Nb201Space.ID, derived.spaceId());
            assertEquals("|none~0|+|skip_connect~0|nor_conv_1x1~1|+|nor_conv_3x3~0|avg_pool_3x3~1|none~2|",
                    derived.text());
        }
    }

    /**
     * The CIFAR-10 supernet of NAS-Bench-201's DARTS baseline, C=16 and N=5: 60·C² per cell (six
     * edges of a 1×1 and a 3×3 convolution) over three stages of five cells, plus stem, residual
     * blocks, last BatchNorm and classifier (the discrete network's 464 + 14,464 + 57,600 + 128 + 650).
     */
    @Test
    void dryRunPrintsTheSupernetsSize() throws Exception {
        Cli r = Cli.run("search", "--space", "nb201", "--dry-run", "--json", "--dataset", "cifar10");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode summary = Json.PRETTY.readTree(r.out());
        assertEquals("nb201", summary.get("space").asText());
        assertEquals(17, summary.get("cells").asInt());
        assertEquals(5, summary.get("cells_per_stage").asInt());
        assertEquals(6, summary.get("edges").asInt());
        assertEquals(30, summary.get("alphas").asLong());
        assertEquals(Nb201Cell.OPERATIONS.size(), summary.get("operations").size());
        assertEquals(NB201_SUPERNET_WEIGHTS, summary.get("weights").asLong());
    }

    private static final long NB201_SUPERNET_WEIGHTS = 60L * (16 * 16 + 32 * 32 + 64 * 64) * 5
            + 464 + 14_464 + 57_600 + 128 + 650;
}
