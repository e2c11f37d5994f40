package dev.jnas.api.space;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnas.api.error.JnasException;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The DARTS genotypes as a {@link DiscreteSpace}, for sample-based search in the space DARTS
 * searches: each of the two cell types has 4 intermediate nodes, each node two edges from two
 * distinct earlier states (node {@code n} has {@code n + 2} to choose from), each edge carrying one
 * of the 7 DARTS primitives other than {@code none} (which a derived genotype never holds). Every
 * intermediate node is concatenated into the cell's output, as in DARTS.
 *
 * <p>Decisions, per cell type (normal, then reduce) and node by node: the node's pair of inputs
 * (one of {@code C(n + 2, 2)}: 1, 3, 6 and 10 pairs), then the operation on the edge from the
 * lower input and the one on the edge from the higher input; 24 decisions in all. Every
 * assignment is a genotype of the space, so uniform sampling and a policy over the decisions never
 * propose one DARTS could not derive. Decoded genotypes list each node's edges by input.
 *
 * <p>Mutation is Real et al.'s rule: with equal probability a "hidden-state" or an "operation"
 * mutation, in a cell type, node and edge drawn uniformly; a hidden-state mutation moves the
 * edge to another earlier state that the node's other edge does not already use (node 0 has no
 * such state, so its edges only change operation), an operation mutation gives the edge another
 * operation.
 *
 * <p>The canonical text is the genotype's compact JSON, as {@code genotype.json} holds it.
 */
public final class DartsSpace implements DiscreteSpace<Genotype> {

    /** The id of this space. */
    public static final String ID = "darts";

    /** The operations an edge may carry: the DARTS primitives without {@code none}. */
    public static final List<String> OPERATIONS = CellSpace.DARTS_PRIMITIVES.stream()
            .filter(op -> !op.equals(CellSpace.NONE)).toList();

    /** Intermediate nodes per cell. */
    public static final int NODES = 4;

    private static final List<Integer> CONCAT = List.of(2, 3, 4, 5);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The only instance. */
    public static final DartsSpace INSTANCE = new DartsSpace();

    private final List<Integer> choices;

    private DartsSpace() {
        List<Integer> c = new ArrayList<>();
        for (int cell = 0; cell < 2; cell++) {
            for (int node = 0; node < NODES; node++) {
                int states = node + 2;
                c.add(states * (states - 1) / 2);
                c.add(OPERATIONS.size());
                c.add(OPERATIONS.size());
            }
        }
        choices = List.copyOf(c);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Integer> choices() {
        return choices;
    }

    /** The index of the input pair {@code a < b}: pairs are ordered by their higher, then lower, input. */
    private static int pair(int a, int b) {
        return b * (b - 1) / 2 + a;
    }

    /** The higher input of pair {@code index}. */
    private static int higher(int index) {
        int b = 1;
        while (pair(0, b + 1) <= index) {
            b++;
        }
        return b;
    }

    /**
     * @throws JnasException for a genotype outside the space, one whose node takes an input twice included
     */
    @Override
    public int[] encode(Genotype genotype) {
        check(genotype);
        int[] decisions = new int[choices.size()];
        int i = 0;
        for (List<GenotypeEdge> edges : List.of(genotype.normal(), genotype.reduce())) {
            for (int node = 0; node < NODES; node++) {
                GenotypeEdge first = edges.get(2 * node);
                GenotypeEdge second = edges.get(2 * node + 1);
                GenotypeEdge low = first.input() < second.input() ? first : second;
                GenotypeEdge high = low == first ? second : first;
                decisions[i++] = pair(low.input(), high.input());
                decisions[i++] = OPERATIONS.indexOf(low.op());
                decisions[i++] = OPERATIONS.indexOf(high.op());
            }
        }
        return decisions;
    }

    @Override
    public Genotype decode(int[] decisions) {
        if (decisions.length != choices.size()) {
            throw new IllegalArgumentException("expected " + choices.size() + " decisions, got " + decisions.length);
        }
        for (int i = 0; i < decisions.length; i++) {
            if (decisions[i] < 0 || decisions[i] >= choices.get(i)) {
                throw new IllegalArgumentException("decision " + i + " = " + decisions[i] + " out of range 0.."
                        + (choices.get(i) - 1));
            }
        }
        List<List<GenotypeEdge>> cells = new ArrayList<>();
        int i = 0;
        for (int cell = 0; cell < 2; cell++) {
            List<GenotypeEdge> edges = new ArrayList<>();
            for (int node = 0; node < NODES; node++) {
                int b = higher(decisions[i]);
                int a = decisions[i++] - pair(0, b);
                edges.add(new GenotypeEdge(OPERATIONS.get(decisions[i++]), a));
                edges.add(new GenotypeEdge(OPERATIONS.get(decisions[i++]), b));
            }
            cells.add(edges);
        }
        return new Genotype(cells.get(0), CONCAT, cells.get(1), CONCAT);
    }

    /** Real et al.'s mutation (see the class comment); the result lists each node's edges by input. */
    @Override
    public Genotype mutate(Genotype genotype, RandomGenerator random) {
        check(genotype);
        boolean reduce = random.nextBoolean();
        List<GenotypeEdge> edges = new ArrayList<>(reduce ? genotype.reduce() : genotype.normal());
        boolean hiddenState = random.nextBoolean();
        int node = hiddenState ? 1 + random.nextInt(NODES - 1) : random.nextInt(NODES);
        int edge = 2 * node + random.nextInt(2);
        GenotypeEdge old = edges.get(edge);
        GenotypeEdge kept = edges.get(edge ^ 1);
        if (hiddenState) {
            List<Integer> free = new ArrayList<>();
            for (int state = 0; state < node + 2; state++) {
                if (state != old.input() && state != kept.input()) {
                    free.add(state);
                }
            }
            edges.set(edge, new GenotypeEdge(old.op(), free.get(random.nextInt(free.size()))));
        } else {
            int op = DiscreteSpace.other(OPERATIONS.indexOf(old.op()), OPERATIONS.size(), random);
            edges.set(edge, new GenotypeEdge(OPERATIONS.get(op), old.input()));
        }
        Genotype child = reduce ? new Genotype(genotype.normal(), CONCAT, edges, CONCAT)
                : new Genotype(edges, CONCAT, genotype.reduce(), CONCAT);
        return decode(encode(child));
    }

    @Override
    public String format(Genotype genotype) {
        try {
            return JSON.writeValueAsString(genotype);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a genotype as JSON", e);
        }
    }

    @Override
    public Genotype parse(String text) {
        Genotype genotype;
        try {
            genotype = JSON.readValue(text, Genotype.class);
        } catch (JsonProcessingException | RuntimeException e) {
            Throwable cause = e.getCause() instanceof JnasException j ? j : e;
            String why = cause instanceof JnasException ? cause.getMessage()
                    : String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable");
            throw new JnasException("not a DARTS genotype: '" + Nb201Cell.oneLine(String.valueOf(text)) + "': " + why);
        }
        try {
            check(genotype);
        } catch (JnasException e) {
            throw new JnasException("not a genotype of the DARTS space: '" + Nb201Cell.oneLine(text) + "': "
                    + e.getMessage());
        }
        return genotype;
    }

    private static void check(Genotype genotype) {
        genotype.validate(OPERATIONS);
        if (genotype.nodes() != NODES) {
            throw new JnasException("genotype has " + genotype.nodes() + " nodes, the DARTS space " + NODES);
        }
        if (!genotype.normalConcat().equals(CONCAT) || !genotype.reduceConcat().equals(CONCAT)) {
            throw new JnasException("genotype concatenates " + genotype.normalConcat() + " / "
                    + genotype.reduceConcat() + ", the DARTS space always " + CONCAT);
        }
        for (List<GenotypeEdge> edges : List.of(genotype.normal(), genotype.reduce())) {
            for (int node = 0; node < NODES; node++) {
                if (edges.get(2 * node).input() == edges.get(2 * node + 1).input()) {
                    throw new JnasException("node " + node + " takes state " + edges.get(2 * node).input()
                            + " twice; a node of the DARTS space has two distinct inputs");
                }
            }
        }
    }

    @Override
    public String toString() {
        return ID;
    }
}
