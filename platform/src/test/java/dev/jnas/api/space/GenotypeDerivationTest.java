package dev.jnas.api.space;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The DARTS discretisation rule on hand-made weights. */
class GenotypeDerivationTest {

    private static final CellSpace SPACE = CellSpace.darts();
    private static final int NONE = 0;
    private static final int MAX_POOL = 1;
    private static final int SKIP = 3;
    private static final int SEP3 = 4;
    private static final int SEP5 = 5;
    private static final int DIL3 = 6;

    /** Uniform weights with one operation raised on one edge. */
    private static float[][] uniform() {
        float[][] w = new float[SPACE.edges()][8];
        for (float[] row : w) {
            java.util.Arrays.fill(row, 0.1f);
        }
        return w;
    }

    @Test
    void keepsTheTwoStrongestEdgesPerNodeIgnoringNone() {
        float[][] w = uniform();
        // node 0 (edges 0, 1): both kept whatever their strength; labels are their best non-none op
        w[SPACE.edgeIndex(0, 0)][SEP3] = 0.5f;
        w[SPACE.edgeIndex(0, 1)][SKIP] = 0.4f;
        // node 1 (edges from 0, 1, 2): a huge 'none' on input 0 must not count
        w[SPACE.edgeIndex(1, 0)][NONE] = 0.9f;
        w[SPACE.edgeIndex(1, 1)][DIL3] = 0.3f;
        w[SPACE.edgeIndex(1, 2)][SEP5] = 0.35f;
        // node 2: inputs 3 and 0 win
        w[SPACE.edgeIndex(2, 3)][MAX_POOL] = 0.6f;
        w[SPACE.edgeIndex(2, 0)][SEP3] = 0.2f;
        // node 3: input 4 then input 2
        w[SPACE.edgeIndex(3, 4)][SKIP] = 0.7f;
        w[SPACE.edgeIndex(3, 2)][SEP5] = 0.65f;
        List<GenotypeEdge> edges = GenotypeDerivation.parse(SPACE, w);
        assertEquals(List.of(
                new GenotypeEdge("sep_conv_3x3", 0), new GenotypeEdge("skip_connect", 1),
                new GenotypeEdge("sep_conv_5x5", 2), new GenotypeEdge("dil_conv_3x3", 1),
                new GenotypeEdge("max_pool_3x3", 3), new GenotypeEdge("sep_conv_3x3", 0),
                new GenotypeEdge("skip_connect", 4), new GenotypeEdge("sep_conv_5x5", 2)), edges);
    }

    @Test
    void tiesKeepTheEarlierEdgeAndOperationAsAStableSortDoes() {
        float[][] w = uniform();
        List<GenotypeEdge> edges = GenotypeDerivation.parse(SPACE, w);
        // all equal: first non-none operation (max_pool_3x3), inputs 0 and 1 for every node
        for (int node = 0; node < 4; node++) {
            assertEquals(new GenotypeEdge("max_pool_3x3", 0), edges.get(2 * node));
            assertEquals(new GenotypeEdge("max_pool_3x3", 1), edges.get(2 * node + 1));
        }
    }

    @Test
    void derivesBothCellTypesAndConcatenatesEveryNode() {
        float[][] normal = uniform();
        float[][] reduce = uniform();
        reduce[SPACE.edgeIndex(0, 1)][SEP5] = 0.9f;
        Genotype g = GenotypeDerivation.derive(SPACE, normal, reduce);
        assertEquals(List.of(2, 3, 4, 5), g.normalConcat());
        assertEquals(List.of(2, 3, 4, 5), g.reduceConcat());
        assertEquals(new GenotypeEdge("sep_conv_5x5", 1), g.reduce().get(0));
        assertEquals(new GenotypeEdge("max_pool_3x3", 0), g.reduce().get(1));
        g.validate(CellSpace.DARTS_PRIMITIVES);
    }

    @Test
    void edgeIndicesFollowTheReferenceOrder() {
        assertEquals(14, SPACE.edges());
        assertEquals(0, SPACE.edgeIndex(0, 0));
        assertEquals(2, SPACE.edgeIndex(1, 0));
        assertEquals(5, SPACE.edgeIndex(2, 0));
        assertEquals(9, SPACE.edgeIndex(3, 0));
        assertEquals(13, SPACE.edgeIndex(3, 4));
    }
}
