package dev.jnas.api.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnas.api.error.JnasException;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The two discrete spaces: encoding, sampling and the mutation rules. */
class DiscreteSpaceTest {

    @Test
    void nb201HasSixDecisionsOfFiveOperations() {
        Nb201Space space = Nb201Space.INSTANCE;
        assertEquals(Collections.nCopies(6, 5), space.choices());
        assertEquals(15625, space.size());
        Nb201Cell cell = Nb201Cell.fromOpsCode("333132");
        assertArrayEquals(new int[] {3, 3, 3, 1, 3, 2}, space.encode(cell));
        assertEquals(cell, space.decode(space.encode(cell)));
        assertThrows(IllegalArgumentException.class, () -> space.decode(new int[] {0, 0, 0, 0, 0, 5}));
        assertThrows(IllegalArgumentException.class, () -> space.decode(new int[] {0, 0}));
    }

    @Test
    void nb201MutationChangesOneOperationChoosingTheNodeFirst() {
        Nb201Space space = Nb201Space.INSTANCE;
        SplittableRandom random = new SplittableRandom(7);
        int[] picked = new int[Nb201Cell.EDGES];
        int draws = 30_000;
        for (int i = 0; i < draws; i++) {
            Nb201Cell parent = space.sample(random);
            int[] before = space.encode(parent);
            int[] after = space.encode(space.mutate(parent, random));
            int changed = -1;
            for (int e = 0; e < before.length; e++) {
                if (before[e] != after[e]) {
                    assertEquals(-1, changed, "more than one edge changed");
                    changed = e;
                }
            }
            assertTrue(changed >= 0, "nothing changed");
            picked[changed]++;
        }
        double[] expected = {1 / 3.0, 1 / 6.0, 1 / 6.0, 1 / 9.0, 1 / 9.0, 1 / 9.0};
        for (int e = 0; e < expected.length; e++) {
            assertEquals(expected[e], picked[e] / (double) draws, 0.01, "edge " + e);
        }
    }

    @Test
    void nb201SamplesAreUniformOverOperations() {
        SplittableRandom random = new SplittableRandom(3);
        int[] counts = new int[5];
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            counts[Nb201Space.INSTANCE.sample(random).codes()[5]]++;
        }
        for (int c : counts) {
            assertEquals(0.2, c / (double) draws, 0.015);
        }
    }

    @Test
    void dartsHas24DecisionsAndRoundTrips() {
        DartsSpace space = DartsSpace.INSTANCE;
        assertEquals(List.of(1, 7, 7, 3, 7, 7, 6, 7, 7, 10, 7, 7, 1, 7, 7, 3, 7, 7, 6, 7, 7, 10, 7, 7), space.choices());
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200; i++) {
            Genotype g = space.sample(random);
            g.validate(CellSpace.DARTS_PRIMITIVES);
            assertTrue(g.normal().stream().noneMatch(e -> e.op().equals("none")));
            assertEquals(List.of(2, 3, 4, 5), g.normalConcat());
            assertEquals(g, space.decode(space.encode(g)));
            assertEquals(g, space.parse(space.format(g)));
            for (List<GenotypeEdge> edges : List.of(g.normal(), g.reduce())) {
                for (int node = 0; node < 4; node++) {
                    assertTrue(edges.get(2 * node).input() < edges.get(2 * node + 1).input(),
                            "two distinct inputs, lower first: " + edges);
                }
            }
        }
    }

    @Test
    void dartsSamplesEveryPairOfInputsOfANodeUniformly() {
        int[] counts = new int[10];
        SplittableRandom random = new SplittableRandom(5);
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            counts[DartsSpace.INSTANCE.encode(DartsSpace.INSTANCE.sample(random))[9]]++;
        }
        for (int c : counts) {
            assertEquals(0.1, c / (double) draws, 0.01, "the 10 input pairs of the last node");
        }
    }

    /** Real et al.: one edge of the parent changes its input or its operation, each half the time. */
    @Test
    void dartsMutationMovesOneEdgeOrChangesItsOperation() {
        DartsSpace space = DartsSpace.INSTANCE;
        SplittableRandom random = new SplittableRandom(3);
        int inputMutations = 0;
        int trials = 2000;
        for (int i = 0; i < trials; i++) {
            Genotype parent = space.sample(random);
            Genotype child = space.mutate(parent, random);
            space.encode(child);
            List<GenotypeEdge> before = new java.util.ArrayList<>(parent.normal());
            before.addAll(parent.reduce());
            List<GenotypeEdge> after = new java.util.ArrayList<>(child.normal());
            after.addAll(child.reduce());
            int changedNodes = 0;
            for (int node = 0; node < 8; node++) {
                List<GenotypeEdge> a = before.subList(2 * node, 2 * node + 2);
                List<GenotypeEdge> b = after.subList(2 * node, 2 * node + 2);
                if (new java.util.HashSet<>(a).equals(new java.util.HashSet<>(b))) {
                    continue;
                }
                changedNodes++;
                List<GenotypeEdge> gone = new java.util.ArrayList<>(a);
                gone.removeAll(b);
                List<GenotypeEdge> added = new java.util.ArrayList<>(b);
                added.removeAll(a);
                assertEquals(1, gone.size(), "one edge of " + a + " -> " + b);
                assertEquals(1, added.size());
                boolean sameOp = gone.get(0).op().equals(added.get(0).op());
                boolean sameInput = gone.get(0).input() == added.get(0).input();
                assertTrue(sameOp != sameInput, "either the input or the operation changes: " + a + " -> " + b);
                inputMutations += sameOp ? 1 : 0;
            }
            assertEquals(1, changedNodes, "one node of one cell changes");
        }
        assertEquals(0.5, inputMutations / (double) trials, 0.04, "share of hidden-state mutations");
    }

    @Test
    void dartsRefusesANodeThatTakesAnInputTwice() {
        Genotype v2 = DartsSpace.INSTANCE.parse(GenotypeJsonTest.DARTS_V2);
        List<GenotypeEdge> normal = new java.util.ArrayList<>(v2.normal());
        normal.set(0, new GenotypeEdge(normal.get(0).op(), 1));
        Genotype twice = new Genotype(normal, v2.normalConcat(), v2.reduce(), v2.reduceConcat());
        JnasException e = assertThrows(JnasException.class, () -> DartsSpace.INSTANCE.encode(twice));
        assertEquals("node 0 takes state 1 twice; a node of the DARTS space has two distinct inputs", e.getMessage());
    }

    @Test
    void dartsParsesTheGenotypeJsonAndRefusesWhatIsNotInTheSpace() {
        DartsSpace space = DartsSpace.INSTANCE;
        Genotype v2 = space.parse(GenotypeJsonTest.DARTS_V2);
        assertEquals("dil_conv_3x3", v2.normal().get(7).op());
        String withNone = GenotypeJsonTest.DARTS_V2.replace("dil_conv_3x3", "none");
        JnasException e = assertThrows(JnasException.class, () -> space.parse(withNone));
        assertTrue(e.getMessage().startsWith("not a genotype of the DARTS space: '"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown operation 'none'"), e.getMessage());
        e = assertThrows(JnasException.class, () -> space.parse("{\"normal\": [}"));
        assertTrue(e.getMessage().startsWith("not a DARTS genotype: '{\"normal\": [}'"), e.getMessage());
    }

    @Test
    void theGenericMutationChangesOneDecision() {
        DiscreteSpace<Nb201Cell> generic = new DiscreteSpace<>() {
            public String id() {
                return "test";
            }

            public List<Integer> choices() {
                return List.of(1, 2, 5);
            }

            public int[] encode(Nb201Cell a) {
                return new int[] {0, a.codes()[0] % 2, a.codes()[1]};
            }

            public Nb201Cell decode(int[] d) {
                return Nb201Cell.fromCodes(new int[] {d[1], d[2], 0, 0, 0, 0});
            }

            public String format(Nb201Cell a) {
                return a.format();
            }

            public Nb201Cell parse(String text) {
                return Nb201Cell.parse(text);
            }
        };
        SplittableRandom random = new SplittableRandom(1);
        Nb201Cell a = generic.decode(new int[] {0, 1, 3});
        for (int i = 0; i < 100; i++) {
            assertNotEquals(a, generic.mutate(a, random));
        }
    }

    @Test
    void spacesAreFoundById() {
        assertEquals(Nb201Space.INSTANCE, DiscreteSpace.byId("nb201"));
        assertEquals(DartsSpace.INSTANCE, DiscreteSpace.byId("darts"));
        assertEquals("unknown space 'nb101' (known: darts, nb201)",
                assertThrows(JnasException.class, () -> DiscreteSpace.byId("nb101")).getMessage());
    }
}
