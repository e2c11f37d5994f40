package dev.jnas.api.space;

import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The NAS-Bench-201 space as a {@link DiscreteSpace}: six decisions, the operation of each edge
 * in edge order, five categories each ({@link Nb201Cell#OPERATIONS}); 5<sup>6</sup> = 15,625 cells.
 * The encoding is the cell's {@link Nb201Cell#codes() operation indices}, so the decisions read
 * left to right are the benchmark's {@code ops_code}.
 *
 * <p>Sampling draws every edge's operation uniformly, as the benchmark's baselines do. Mutation
 * changes one operation: every edge of the cell exists (an edge is removed only by {@code none}),
 * so the "change one input of an edge" mutation of Real et al. does not apply here. The edge is
 * chosen as in the benchmark's regularized-evolution baseline: a target node uniformly (1, 2 or
 * 3), then one of its incoming edges uniformly, then a different operation uniformly. (Edge 1←0
 * is thus picked with probability 1/3, each edge into node 3 with 1/9.)
 *
 * <pre>{@code Nb201Cell cell = Nb201Space.INSTANCE.parse("|nor_conv_3x3~0|+|...|");}</pre>
 */
public final class Nb201Space implements DiscreteSpace<Nb201Cell> {

    /** The id of this space. */
    public static final String ID = "nb201";

    private static final List<Integer> CHOICES =
            Collections.nCopies(Nb201Cell.EDGES, Nb201Cell.OPERATIONS.size());

    /** The only instance: the space has no parameters. */
    public static final Nb201Space INSTANCE = new Nb201Space();

    private Nb201Space() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Integer> choices() {
        return CHOICES;
    }

    @Override
    public int[] encode(Nb201Cell cell) {
        return cell.codes();
    }

    @Override
    public Nb201Cell decode(int[] decisions) {
        return Nb201Cell.fromCodes(decisions);
    }

    @Override
    public String format(Nb201Cell cell) {
        return cell.format();
    }

    @Override
    public Nb201Cell parse(String text) {
        return Nb201Cell.parse(text);
    }

    /** Changes one operation: a node uniformly, one of its incoming edges uniformly, another operation uniformly. */
    @Override
    public Nb201Cell mutate(Nb201Cell cell, RandomGenerator random) {
        int node = 1 + random.nextInt(Nb201Cell.NODES - 1);
        int edge = Nb201Cell.edge(node, random.nextInt(node));
        int[] codes = cell.codes();
        codes[edge] = DiscreteSpace.other(codes[edge], Nb201Cell.OPERATIONS.size(), random);
        return Nb201Cell.fromCodes(codes);
    }

    /** The number of cells, 15,625. */
    public int size() {
        int n = 1;
        for (int c : CHOICES) {
            n *= c;
        }
        return n;
    }

    @Override
    public String toString() {
        return ID;
    }
}
