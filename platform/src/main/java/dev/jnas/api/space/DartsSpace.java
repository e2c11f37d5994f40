package dev.jnas.api.space;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnas.api.error.JnasException;
import java.util.ArrayList;
import java.util.List;

/**
 * The DARTS genotypes as a {@link DiscreteSpace}, for sample-based search in the DARTS space
 * (Real et al.'s setting): each of the two cell types has 4 intermediate nodes, each node two
 * edges, each edge an input state and an operation. That is 32 decisions, per cell type (normal,
 * then reduce), node by node, edge by edge: the edge's input (node {@code n} has {@code n + 2}
 * earlier states to choose from) and its operation (one of the 7 DARTS primitives other than
 * {@code none}, which a derived genotype never holds). Every intermediate node is concatenated
 * into the cell's output, as in DARTS.
 *
 * <p>The two edges of a node may take the same input, as in the NASNet space Real et al. search;
 * DARTS's own derivation never produces that, but such a genotype is valid and buildable.
 *
 * <p>Mutation is the {@linkplain DiscreteSpace#mutate generic one}, which here is Real et al.'s
 * rule: every edge has one input and one operation decision, so changing one decision uniformly
 * is choosing "hidden-state" or "operation" mutation with equal probability, then a cell type, a
 * node and one of its edges uniformly, then a different value uniformly.
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
                for (int edge = 0; edge < 2; edge++) {
                    c.add(node + 2);
                    c.add(OPERATIONS.size());
                }
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

    @Override
    public int[] encode(Genotype genotype) {
        check(genotype);
        int[] decisions = new int[choices.size()];
        int i = 0;
        for (List<GenotypeEdge> edges : List.of(genotype.normal(), genotype.reduce())) {
            for (GenotypeEdge edge : edges) {
                decisions[i++] = edge.input();
                decisions[i++] = OPERATIONS.indexOf(edge.op());
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
            for (int k = 0; k < 2 * NODES; k++) {
                int input = decisions[i++];
                edges.add(new GenotypeEdge(OPERATIONS.get(decisions[i++]), input));
            }
            cells.add(edges);
        }
        return new Genotype(cells.get(0), CONCAT, cells.get(1), CONCAT);
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
    }

    @Override
    public String toString() {
        return ID;
    }
}
