package dev.jnas.api.space;

import dev.jnas.api.error.JnasException;
import java.util.List;

/**
 * The DARTS cell search space: a cell has two inputs (the outputs of the two previous cells) and
 * {@code nodes} intermediate nodes; node {@code i} may take an edge from each of the {@code 2 + i}
 * earlier states, and every edge chooses one of {@code operations}.
 *
 * <p>Edges are numbered node by node, inputs in order, as in the DARTS code: with 4 nodes there
 * are 14 edges, node 0 owns edges 0–1, node 1 edges 2–4, node 2 edges 5–8, node 3 edges 9–13.
 *
 * <pre>{@code CellSpace space = CellSpace.darts(); int e = space.edgeIndex(2, 1);}</pre>
 *
 * @param operations the candidate operation ids, in α's column order
 * @param nodes the number of intermediate nodes
 */
public record CellSpace(List<String> operations, int nodes) {

    /** The DARTS primitives, in the reference code's order. */
    public static final List<String> DARTS_PRIMITIVES = List.of(
            "none", "max_pool_3x3", "avg_pool_3x3", "skip_connect",
            "sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3", "dil_conv_5x5");

    /** The operation that stands for "no edge"; never chosen when a genotype is derived. */
    public static final String NONE = "none";

    public CellSpace {
        operations = List.copyOf(operations);
        if (operations.isEmpty()) {
            throw new JnasException("a cell space needs at least one operation");
        }
        if (nodes < 1) {
            throw new JnasException("a cell needs at least one intermediate node, got " + nodes);
        }
    }

    /** The DARTS space: 8 primitives, 4 intermediate nodes. */
    public static CellSpace darts() {
        return new CellSpace(DARTS_PRIMITIVES, 4);
    }

    /** The number of mixed edges in a cell (14 for DARTS). */
    public int edges() {
        return nodes * (nodes + 3) / 2;
    }

    /** The index of the edge from state {@code input} (0 and 1 are the cell inputs) to {@code node}. */
    public int edgeIndex(int node, int input) {
        if (node < 0 || node >= nodes || input < 0 || input >= node + 2) {
            throw new IllegalArgumentException("no edge " + input + " -> node " + node);
        }
        return node * (node + 3) / 2 + input;
    }
}
