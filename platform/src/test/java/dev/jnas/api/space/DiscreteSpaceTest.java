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
    void dartsHas32DecisionsAndRoundTrips() {
        DartsSpace space = DartsSpace.INSTANCE;
        assertEquals(32, space.choices().size());
        assertEquals(List.of(2, 7, 2, 7, 3, 7, 3, 7, 4, 7, 4, 7, 5, 7, 5, 7), space.choices().subList(0, 16));
        SplittableRandom random = new SplittableRandom(11);
        int inputMutations = 0;
        for (int i = 0; i < 200; i++) {
            Genotype g = space.sample(random);
            g.validate(CellSpace.DARTS_PRIMITIVES);
            assertTrue(g.normal().stream().noneMatch(e -> e.op().equals("none")));
            assertEquals(List.of(2, 3, 4, 5), g.normalConcat());
            assertEquals(g, space.decode(space.encode(g)));
            assertEquals(g, space.parse(space.format(g)));
            int[] before = space.encode(g);
            int[] after = space.encode(space.mutate(g, random));
            int changed = 0;
            for (int d = 0; d < before.length; d++) {
                if (before[d] != after[d]) {
                    changed++;
                    inputMutations += d % 2 == 0 ? 1 : 0;
                }
            }
            assertEquals(1, changed);
        }
        // a mutation changes one input or one operation of the parent (Real et al.), each half the time
        assertEquals(0.5, inputMutations / 200.0, 0.12, "share of mutations that rewire an edge's input");
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
