package dev.jnas.api.space;

import dev.jnas.api.error.JnasException;
import java.util.ArrayList;
import java.util.List;

/**
 * A cell of the NAS-Bench-201 space (Dong &amp; Yang, ICLR 2020): four nodes, node 0 the cell
 * input and node 3 its output, and an edge from every earlier node to every later one, six in
 * all, each carrying one of {@link #OPERATIONS}. {@code none} on an edge removes it.
 *
 * <p>Edges are numbered as in the benchmark's strings and its {@code ops_code}: 1←0, 2←0, 2←1,
 * 3←0, 3←1, 3←2. The canonical text is the benchmark's {@code arch_str}, which {@link #parse}
 * and {@link #format} round-trip exactly:
 * <pre>|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|</pre>
 * {@link #opsCode} gives its six-digit code (one digit per edge, the operation's index in
 * {@link #OPERATIONS}), {@code 333131} for the cell above. The benchmark's row index of a cell is
 * a property of the table, not of the cell, and is looked up there.
 *
 * @param ops the operation of each edge, in edge order
 */
public record Nb201Cell(List<String> ops) {

    /** The candidate operations, in the benchmark's order (the digits of {@code ops_code}). */
    public static final List<String> OPERATIONS = List.of(
            "none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3");

    /** Nodes of a cell, the input and output included. */
    public static final int NODES = 4;

    /** Edges of a cell: one from every node to every later node. */
    public static final int EDGES = NODES * (NODES - 1) / 2;

    private static final String FORM = "|op~0|+|op~0|op~1|+|op~0|op~1|op~2|";

    public Nb201Cell {
        ops = List.copyOf(ops);
        if (ops.size() != EDGES) {
            throw new JnasException("a NAS-Bench-201 cell has " + EDGES + " edges, got " + ops.size() + " operations");
        }
        for (String op : ops) {
            if (!OPERATIONS.contains(op)) {
                throw new JnasException("unknown NAS-Bench-201 operation '" + op + "' (known: "
                        + String.join(", ", OPERATIONS) + ")");
            }
        }
    }

    /** The edge from node {@code input} into node {@code node} (1 ≤ node ≤ 3, 0 ≤ input &lt; node). */
    public static int edge(int node, int input) {
        if (node < 1 || node >= NODES || input < 0 || input >= node) {
            throw new IllegalArgumentException("no edge " + node + "<-" + input);
        }
        return node * (node - 1) / 2 + input;
    }

    /** The node edge {@code edge} leads into. */
    public static int target(int edge) {
        int node = 1;
        while (edge >= node) {
            edge -= node;
            node++;
        }
        return node;
    }

    /** The node edge {@code edge} comes from. */
    public static int source(int edge) {
        int node = target(edge);
        return edge - node * (node - 1) / 2;
    }

    /** The operation on the edge from {@code input} into {@code node}. */
    public String op(int node, int input) {
        return ops.get(edge(node, input));
    }

    /**
     * The cell a supernet's architecture weights choose, as NAS-Bench-201's DARTS code derives it:
     * every edge takes its strongest operation, {@code none} included (a {@code none} edge is
     * removed). Ties keep the earlier operation.
     *
     * @param weights {@code [edge][operation]}, edges in this record's order, operations in {@link #OPERATIONS}' order
     * @throws IllegalArgumentException if the matrix is not {@code 6 × 5}
     */
    public static Nb201Cell derive(float[][] weights) {
        if (weights.length != EDGES) {
            throw new IllegalArgumentException("expected " + EDGES + " edges, got " + weights.length);
        }
        int[] codes = new int[EDGES];
        for (int e = 0; e < EDGES; e++) {
            float[] w = weights[e];
            if (w.length != OPERATIONS.size()) {
                throw new IllegalArgumentException("expected " + OPERATIONS.size() + " operation weights on edge " + e
                        + ", got " + w.length);
            }
            int best = 0;
            for (int k = 1; k < w.length; k++) {
                if (w[k] > w[best]) {
                    best = k;
                }
            }
            codes[e] = best;
        }
        return fromCodes(codes);
    }

    /**
     * Reads a cell from the benchmark's string form, which must match exactly (no spaces).
     *
     * @throws JnasException naming the text and what is wrong with it
     */
    public static Nb201Cell parse(String text) {
        if (text == null) {
            throw new JnasException("not a NAS-Bench-201 cell: no text");
        }
        String[] nodes = text.split("\\+", -1);
        if (nodes.length != NODES - 1) {
            throw malformed(text, "expected " + (NODES - 1) + " nodes separated by '+', found " + nodes.length);
        }
        List<String> ops = new ArrayList<>(EDGES);
        for (int node = 1; node < NODES; node++) {
            String group = nodes[node - 1];
            if (group.length() < 2 || !group.startsWith("|") || !group.endsWith("|")) {
                throw malformed(text, "node " + node + " must be written |op~0|...|");
            }
            String[] edges = group.substring(1, group.length() - 1).split("\\|", -1);
            if (edges.length != node) {
                throw malformed(text, "node " + node + " needs " + node + " incoming edge(s), found " + edges.length);
            }
            for (int input = 0; input < node; input++) {
                String edge = edges[input];
                String suffix = "~" + input;
                if (!edge.endsWith(suffix)) {
                    throw malformed(text, "edge " + (input + 1) + " of node " + node + " must end with '" + suffix + "'");
                }
                String op = edge.substring(0, edge.length() - suffix.length());
                if (!OPERATIONS.contains(op)) {
                    throw malformed(text, "unknown operation '" + op + "' (known: " + String.join(", ", OPERATIONS) + ")");
                }
                ops.add(op);
            }
        }
        return new Nb201Cell(ops);
    }

    /** The benchmark's string form, {@code |op~0|+|op~0|op~1|+|op~0|op~1|op~2|}. */
    public String format() {
        StringBuilder s = new StringBuilder();
        for (int node = 1; node < NODES; node++) {
            if (node > 1) {
                s.append('+');
            }
            s.append('|');
            for (int input = 0; input < node; input++) {
                s.append(op(node, input)).append('~').append(input).append('|');
            }
        }
        return s.toString();
    }

    /** The operation index of each edge (a digit of {@link #opsCode}). */
    public int[] codes() {
        int[] codes = new int[EDGES];
        for (int e = 0; e < EDGES; e++) {
            codes[e] = OPERATIONS.indexOf(ops.get(e));
        }
        return codes;
    }

    /**
     * The cell with these operation indices.
     *
     * @throws IllegalArgumentException for a wrong length or an index out of range
     */
    public static Nb201Cell fromCodes(int[] codes) {
        if (codes.length != EDGES) {
            throw new IllegalArgumentException("expected " + EDGES + " operation indices, got " + codes.length);
        }
        List<String> ops = new ArrayList<>(EDGES);
        for (int code : codes) {
            if (code < 0 || code >= OPERATIONS.size()) {
                throw new IllegalArgumentException("operation index " + code + " out of range 0.." + (OPERATIONS.size() - 1));
            }
            ops.add(OPERATIONS.get(code));
        }
        return new Nb201Cell(ops);
    }

    /** The benchmark's {@code ops_code}: six digits, one per edge, e.g. {@code 333131}. */
    public String opsCode() {
        StringBuilder s = new StringBuilder(EDGES);
        for (int code : codes()) {
            s.append(code);
        }
        return s.toString();
    }

    /**
     * The cell with this {@code ops_code}.
     *
     * @throws JnasException if it is not six digits 0–4
     */
    public static Nb201Cell fromOpsCode(String opsCode) {
        if (opsCode == null || !opsCode.matches("[0-4]{" + EDGES + "}")) {
            throw new JnasException("not a NAS-Bench-201 ops_code: '" + opsCode + "' (expected " + EDGES
                    + " digits 0-" + (OPERATIONS.size() - 1) + ")");
        }
        int[] codes = new int[EDGES];
        for (int e = 0; e < EDGES; e++) {
            codes[e] = opsCode.charAt(e) - '0';
        }
        return fromCodes(codes);
    }

    /** The cell as a number in 0..15624: its {@link #opsCode} read in base 5. */
    public int ordinal() {
        int n = 0;
        for (int code : codes()) {
            n = n * OPERATIONS.size() + code;
        }
        return n;
    }

    /** The benchmark's string form, as {@link #format}. */
    @Override
    public String toString() {
        return format();
    }

    private static JnasException malformed(String text, String why) {
        return new JnasException("not a NAS-Bench-201 cell: '" + oneLine(text) + "': " + why + " (expected " + FORM + ")");
    }

    /** The text with line breaks and other control characters escaped, so a message stays one line. */
    static String oneLine(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '\n') {
                s.append("\\n");
            } else if (c == '\r') {
                s.append("\\r");
            } else if (Character.isISOControl(c)) {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }
}
