package dev.jnas.api.space;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jnas.api.error.JnasException;
import java.util.List;

/**
 * A discrete DARTS architecture: for each cell type, two chosen edges per intermediate node
 * (operation and input state), and the states concatenated into the cell output.
 *
 * <p>It is an immutable value, written as the JSON a person can read and the DARTS code's
 * {@code Genotype(normal=[('sep_conv_3x3', 0), ...], normal_concat=[2, 3, 4, 5], ...)} maps onto:
 * <pre>{"normal": [["sep_conv_3x3", 0], ...], "normal_concat": [2, 3, 4, 5], "reduce": ..., "reduce_concat": ...}</pre>
 *
 * @param normal edges of the normal cell, two per node, node by node
 * @param normalConcat states concatenated into the normal cell's output
 * @param reduce edges of the reduction cell
 * @param reduceConcat states concatenated into the reduction cell's output
 */
public record Genotype(
        @JsonProperty("normal") List<GenotypeEdge> normal,
        @JsonProperty("normal_concat") List<Integer> normalConcat,
        @JsonProperty("reduce") List<GenotypeEdge> reduce,
        @JsonProperty("reduce_concat") List<Integer> reduceConcat) {

    public Genotype {
        normal = List.copyOf(require(normal, "normal"));
        normalConcat = List.copyOf(require(normalConcat, "normal_concat"));
        reduce = List.copyOf(require(reduce, "reduce"));
        reduceConcat = List.copyOf(require(reduceConcat, "reduce_concat"));
    }

    private static <T> List<T> require(List<T> list, String field) {
        if (list == null) {
            throw new JnasException("genotype has no '" + field + "'");
        }
        return list;
    }

    /** The number of intermediate nodes (two edges each). */
    public int nodes() {
        return normal.size() / 2;
    }

    /**
     * Checks the structure: two edges per node, each from an earlier state, known operations,
     * concatenated states in range.
     *
     * @throws JnasException naming the first problem
     */
    public Genotype validate(List<String> knownOperations) {
        check("normal", normal, normalConcat, knownOperations);
        check("reduce", reduce, reduceConcat, knownOperations);
        if (normal.size() != reduce.size()) {
            throw new JnasException("genotype: normal and reduce cells have different node counts");
        }
        return this;
    }

    private static void check(String cell, List<GenotypeEdge> edges, List<Integer> concat, List<String> ops) {
        if (edges.isEmpty() || edges.size() % 2 != 0) {
            throw new JnasException("genotype: '" + cell + "' needs two edges per node, got " + edges.size() + " edges");
        }
        int nodes = edges.size() / 2;
        for (int k = 0; k < edges.size(); k++) {
            GenotypeEdge edge = edges.get(k);
            int node = k / 2;
            if (edge == null || edge.op() == null) {
                throw new JnasException("genotype: '" + cell + "' edge " + k + " has no operation");
            }
            if (!ops.contains(edge.op())) {
                throw new JnasException("genotype: '" + cell + "' edge " + k + " uses unknown operation '" + edge.op() + "'");
            }
            if (edge.input() < 0 || edge.input() >= node + 2) {
                throw new JnasException("genotype: '" + cell + "' edge " + k + " of node " + (node + 2)
                        + " takes state " + edge.input() + ", which is not an earlier state");
            }
        }
        if (concat.isEmpty()) {
            throw new JnasException("genotype: '" + cell + "_concat' is empty");
        }
        for (int state : concat) {
            if (state < 0 || state >= nodes + 2) {
                throw new JnasException("genotype: '" + cell + "_concat' names state " + state + ", out of range");
            }
        }
    }
}
