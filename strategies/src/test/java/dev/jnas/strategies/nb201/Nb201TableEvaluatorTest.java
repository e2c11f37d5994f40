package dev.jnas.strategies.nb201;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnas.api.blackbox.Evaluation;
import dev.jnas.api.blackbox.EvaluationSession;
import dev.jnas.api.blackbox.EvaluationSettings;
import dev.jnas.api.blackbox.Options;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.DartsSpace;
import dev.jnas.api.space.Nb201Cell;
import dev.jnas.api.space.Nb201Space;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nb201-table: what a lookup returns and costs, seeded noise, options and the spaces it accepts. */
class Nb201TableEvaluatorTest {

    private static final Nb201TableEvaluator EVALUATOR = new Nb201TableEvaluator();
    private static final Nb201Cell BEST = Nb201Cell.fromOpsCode("333132");

    @TempDir
    Path tmp;

    private static EvaluationSession<Nb201Cell> open(long seed, Map<String, String> options) {
        return EVALUATOR.open(Nb201Space.INSTANCE, new EvaluationSettings(seed, new Options("nb201-table", options)));
    }

    @Test
    void aLookupRewardsOneSeedsValidationAccuracyAndCostsTwelveEpochs() {
        Nb201Table table = EVALUATOR.table("");
        int index = table.index(BEST);
        Set<Double> rewards = new HashSet<>();
        EvaluationSession<Nb201Cell> session = open(1, Map.of());
        for (int i = 0; i < 50; i++) {
            Evaluation e = session.evaluate(BEST);
            rewards.add(e.reward());
            assertEquals(table.testAccuracy(index), e.reported());
            assertEquals(table.trainSeconds(index) * 12 / 200, e.seconds(), 1e-9);
            assertEquals(300_000, e.images());
        }
        Set<Double> seeds = new HashSet<>();
        for (double v : table.validAccuracies(index)) {
            seeds.add(v);
        }
        assertEquals(seeds, rewards, "every seed's accuracy is drawn, and only those");
    }

    @Test
    void theSeedFixesTheDraws() {
        List<Double> a = draws(open(5, Map.of()));
        assertEquals(a, draws(open(5, Map.of())));
        assertNotEquals(a, draws(open(6, Map.of())));
    }

    private static List<Double> draws(EvaluationSession<Nb201Cell> session) {
        List<Double> rewards = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rewards.add(session.evaluate(Nb201Cell.fromOpsCode("421211")).reward());
        }
        return rewards;
    }

    @Test
    void anotherTableFileIsReadOnceAndUsed() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(Nb201TableTest.CSV));
        lines.set(6112, Nb201TableTest.replaceField(lines.get(0), lines.get(6112), "c10_test_acc_mean", "12.5"));
        Path file = tmp.resolve("edited.csv");
        Files.write(file, lines);
        Evaluation e = open(0, Map.of("table", file.toString())).evaluate(BEST);
        assertEquals(12.5, e.reported());
        assertSame(EVALUATOR.table(file.toString()), EVALUATOR.table(file.toString()));
        assertEquals(94.37, open(0, Map.of()).evaluate(BEST).reported(), 0.005);
    }

    @Test
    void badSettingsAreOneLineUserErrors() throws IOException {
        assertEquals("evaluator nb201-table evaluates only the nb201 space, not 'darts'",
                assertThrows(JnasException.class, () -> EVALUATOR.open(DartsSpace.INSTANCE,
                        new EvaluationSettings(0, Options.none("nb201-table")))).getMessage());
        assertEquals("unknown option 'nb201-table.tabel' (known: nb201-table.table)",
                assertThrows(JnasException.class, () -> open(0, Map.of("tabel", "x.csv"))).getMessage());
        Path broken = Files.writeString(tmp.resolve("broken.csv"), "index,arch_str\n0,x\n");
        JnasException e = assertThrows(JnasException.class, () -> open(0, Map.of("table", broken.toString())));
        assertTrue(e.getMessage().startsWith("bad NAS-Bench-201 table " + broken + " line 1: missing column"),
                e.getMessage());
    }
}
