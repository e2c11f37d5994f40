package dev.jnas.api.space;

import java.util.ArrayList;
import java.util.List;

/**
 * Discretises architecture weights as DARTS does: for each intermediate node keep the two
 * incoming edges whose strongest non-{@code none} operation weighs most, and label each kept edge
 * with that operation. Ties keep the earlier edge and the earlier operation, as the reference's
 * stable sort does. Every intermediate node is concatenated into the output.
 *
 * <pre>{@code Genotype g = GenotypeDerivation.derive(space, normalWeights, reduceWeights);}</pre>
 */
public final class GenotypeDerivation {

    private GenotypeDerivation() {
    }

    /**
     * @param normal softmax weights of the normal cell, {@code [edges][operations]}
     * @param reduce softmax weights of the reduction cell
     */
    public static Genotype derive(CellSpace space, float[][] normal, float[][] reduce) {
        List<Integer> concat = new ArrayList<>();
        for (int i = 0; i < space.nodes(); i++) {
            concat.add(i + 2);
        }
        return new Genotype(parse(space, normal), concat, parse(space, reduce), concat);
    }

    /** The chosen edges of one cell type. */
    public static List<GenotypeEdge> parse(CellSpace space, float[][] weights) {
        if (weights.length != space.edges()) {
            throw new IllegalArgumentException("expected " + space.edges() + " edges, got " + weights.length);
        }
        int none = space.operations().indexOf(CellSpace.NONE);
        List<GenotypeEdge> edges = new ArrayList<>();
        for (int node = 0; node < space.nodes(); node++) {
            int inputs = node + 2;
            int first = -1;
            int second = -1;
            for (int j = 0; j < inputs; j++) {
                float s = strength(weights[space.edgeIndex(node, j)], none);
                if (first < 0 || s > strength(weights[space.edgeIndex(node, first)], none)) {
                    second = first;
                    first = j;
                } else if (second < 0 || s > strength(weights[space.edgeIndex(node, second)], none)) {
                    second = j;
                }
            }
            for (int j : new int[] {first, second}) {
                float[] w = weights[space.edgeIndex(node, j)];
                edges.add(new GenotypeEdge(space.operations().get(best(w, none)), j));
            }
        }
        return edges;
    }

    private static float strength(float[] w, int none) {
        return w[best(w, none)];
    }

    private static int best(float[] w, int none) {
        int best = -1;
        for (int k = 0; k < w.length; k++) {
            if (k != none && (best < 0 || w[k] > w[best])) {
                best = k;
            }
        }
        return best;
    }
}
