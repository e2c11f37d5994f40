package dev.jnas.api.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.Nb201Cell;
import dev.jnas.api.space.Nb201Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The budget rule and the history every sample-based strategy shares. */
class TrialLogTest {

    private static final Nb201Cell A = Nb201Cell.fromOpsCode("333132");
    private static final Nb201Cell B = Nb201Cell.fromOpsCode("111111");

    /** Reward = the number of nor_conv_3x3 edges; reported = 10 × reward; cost = 4 s and 100 images. */
    private static DiscreteProblem<Nb201Cell> problem(double budget) {
        return problem(Budget.seconds(budget));
    }

    private static DiscreteProblem<Nb201Cell> problem(Budget budget) {
        EvaluationSession<Nb201Cell> session = cell -> {
            double convs = cell.ops().stream().filter("nor_conv_3x3"::equals).count();
            return new Evaluation(convs, 10 * convs, 4, 100);
        };
        return new DiscreteProblem<>(Nb201Space.INSTANCE, session, budget, 0, Options.none("test"));
    }

    @Test
    void aQueryThatWouldExceedTheBudgetIsDiscardedAndEndsTheSearch() {
        List<Trial> seen = new ArrayList<>();
        TrialLog<Nb201Cell> log = new TrialLog<>(problem(10), seen::add);
        assertTrue(log.evaluate(B).isPresent());
        assertTrue(log.evaluate(A).isPresent());
        assertFalse(log.exhausted());
        assertTrue(log.evaluate(A).isEmpty());
        assertTrue(log.exhausted());
        assertTrue(log.evaluate(A).isEmpty());
        assertEquals(2, log.trials().size());
        assertEquals(log.trials(), seen);
        assertEquals(8, log.spentSeconds());
        assertEquals(8, log.trials().get(1).spentSeconds());
    }

    @Test
    void anEvaluationThatCostsNothingInTheBudgetsUnitStopsTheSearchInsteadOfLoopingForever() {
        EvaluationSession<Nb201Cell> noImages = cell -> new Evaluation(1, 10, 4, 0);
        TrialLog<Nb201Cell> log = new TrialLog<>(new DiscreteProblem<>(Nb201Space.INSTANCE, noImages,
                Budget.images(1000), 0, Options.none("test")), t -> { });
        JnasException e = assertThrows(JnasException.class, () -> log.evaluate(B));
        assertEquals("the evaluation of " + B.format() + " cost nothing against a budget of 1,000 images; a search "
                + "whose queries are free would never end (does the evaluator count images?)", e.getMessage());
        assertTrue(log.trials().isEmpty());
    }

    @Test
    void aBudgetOfExactlyTheCostsIsSpentToTheEnd() {
        TrialLog<Nb201Cell> log = new TrialLog<>(problem(12), t -> { });
        for (int i = 0; i < 3; i++) {
            assertTrue(log.evaluate(B).isPresent());
        }
        assertTrue(log.evaluate(B).isEmpty());
        assertEquals(12, log.spentSeconds());
    }

    @Test
    void anImagesBudgetCountsTheImagesProcessedNotTheSeconds() {
        // 250 images: two queries of 100 fit, the third would pass the budget; seconds play no part
        TrialLog<Nb201Cell> log = new TrialLog<>(problem(Budget.images(250)), t -> { });
        assertTrue(log.evaluate(A).isPresent());
        assertTrue(log.evaluate(B).isPresent());
        assertTrue(log.evaluate(A).isEmpty());
        assertTrue(log.exhausted());
        assertEquals(200, log.spentImages());
        assertEquals(8, log.spentSeconds());
        assertEquals(List.of(100L, 200L), log.trials().stream().map(Trial::spentImages).toList());
        assertEquals("250 images", log.budget().toString());
        assertEquals("12000 s", Budget.seconds(12000).toString());
        assertEquals("121.9 s", Budget.seconds(121.883603417).toString());
    }

    @Test
    void theBestSoFarIsTheHighestRewardAndTheEarliestAmongEquals() {
        TrialLog<Nb201Cell> log = new TrialLog<>(problem(100), t -> { });
        assertTrue(log.best().isEmpty());
        log.evaluate(B);
        log.evaluate(A);
        log.evaluate(A);
        log.evaluate(B);
        List<Trial> trials = log.trials();
        assertEquals(List.of(1, 2, 2, 2), trials.stream().map(Trial::bestNumber).toList());
        assertEquals(40, trials.get(3).bestReported());
        assertEquals(B.format(), trials.get(3).architecture());
        assertEquals(A, log.bestArchitecture().orElseThrow());
        assertEquals(2, log.best().orElseThrow().number());
    }

    @Test
    void badBudgetsAndOptionsAreUserErrors() {
        assertThrows(JnasException.class, () -> problem(0));
        assertThrows(JnasException.class, () -> problem(Double.NaN));
        assertEquals("budget must be a positive number of images, got -1.0",
                assertThrows(JnasException.class, () -> Budget.images(-1)).getMessage());
        Options options = new Options("evolution", Map.of("population", "x", "sample-size", "0", "rate", "2"));
        assertEquals("option evolution.population: not an integer: 'x'",
                assertThrows(JnasException.class, () -> options.integer("population", 10, 1)).getMessage());
        assertEquals("option evolution.sample-size must be at least 1, got 0",
                assertThrows(JnasException.class, () -> options.integer("sample-size", 3, 1)).getMessage());
        assertEquals("unknown option 'evolution.rate' (known: evolution.population, evolution.sample-size)",
                assertThrows(JnasException.class, () -> options.requireOnly(List.of("population", "sample-size")))
                        .getMessage());
        assertEquals(0.5, new Options("r", Map.of("lr", "0.5")).real("lr", 0.01, 0, 1));
        assertThrows(JnasException.class, () -> new Options("r", Map.of("lr", "2")).real("lr", 0.01, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Evaluation(90, 90, 0, 1));
    }
}
