package dev.jnas.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnas.api.SearchStrategy;
import dev.jnas.api.blackbox.Budget;
import dev.jnas.api.blackbox.Options;
import dev.jnas.api.space.Nb201Space;
import dev.jnas.platform.search.RepeatedSearch;
import dev.jnas.platform.search.RepeatedSearch.Run;
import dev.jnas.platform.search.RepeatedSearch.Summary;
import dev.jnas.strategies.evolution.RegularizedEvolutionSearchStrategy;
import dev.jnas.strategies.nb201.Nb201TableEvaluator;
import dev.jnas.strategies.random.RandomSearchStrategy;
import dev.jnas.strategies.rl.ReinforceSearchStrategy;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reproduces NAS-Bench-201's Table 5 for the three sample-based baselines on CIFAR-10: 100 runs
 * per strategy (seeds 0–99) under the 12000 s simulated budget, with the shipped table.
 *
 * <p><b>Tolerance: each mean within 0.2 of the published mean.</b> Why 0.2: the standard error of
 * a 100-run mean is about 0.3 / √100 = 0.03, the published means (500 runs) carry about 0.015,
 * and the reward here is the 200-epoch validation accuracy instead of the published runs'
 * 12-epoch one, which is expected to move means up by up to ~0.1 (less noise, better choices);
 * 0.2 covers that shift with a margin and is still below every published standard deviation
 * (0.30–0.37). It catches gross breakage (a cell drawn at random averages 87.1, so returning
 * the last cell instead of the best lands near 87) and a strategy that stops early or overspends;
 * the comparison with random search checks that evolution and REINFORCE actually search. The runs
 * are seeded: the numbers are the code's real output and the test is deterministic.
 */
class Nb201ReproductionTest {

    private static final int SEEDS = 100;
    private static final double BUDGET = 12_000;
    private static final double TOLERANCE = 0.2;

    private static Summary random;
    private static Summary evolution;
    private static Summary reinforce;

    @BeforeAll
    static void runAll() {
        Nb201TableEvaluator table = new Nb201TableEvaluator();
        random = run(new RandomSearchStrategy(), table);
        evolution = run(new RegularizedEvolutionSearchStrategy(), table);
        reinforce = run(new ReinforceSearchStrategy(), table);
    }

    private static Summary run(SearchStrategy strategy, Nb201TableEvaluator table) {
        List<Run> runs = RepeatedSearch.run(strategy, Options.none(strategy.id()), Nb201Space.INSTANCE, table,
                Options.none(table.id()), Budget.seconds(BUDGET), 0, SEEDS, done -> { });
        for (Run r : runs) {
            assertTrue(r.spentSeconds() <= BUDGET, r.strategy() + " seed " + r.seed() + " spent " + r.spentSeconds());
        }
        return RepeatedSearch.summarise(strategy.id(), runs);
    }

    @Test
    void regularizedEvolutionMatchesThePaper() {
        assertNear(93.92, evolution);
    }

    @Test
    void reinforceMatchesThePaper() {
        assertNear(93.85, reinforce);
    }

    @Test
    void randomSearchMatchesThePaper() {
        assertNear(93.70, random);
    }

    @Test
    void evolutionAndReinforceBeatRandomSearchOnAverage() {
        assertTrue(evolution.meanReported() > random.meanReported(), evolution + " vs " + random);
        assertTrue(reinforce.meanReported() > random.meanReported(), reinforce + " vs " + random);
    }

    @Test
    void aRunMakesAboutAHundredQueries() {
        for (Summary s : List.of(random, evolution, reinforce)) {
            assertEquals(SEEDS, s.runs());
            assertTrue(s.meanTrials() > 80 && s.meanTrials() < 120, s.toString());
        }
    }

    private static void assertNear(double published, Summary s) {
        assertTrue(Math.abs(s.meanReported() - published) <= TOLERANCE,
                String.format("%s: %.2f ± %.2f, published %.2f", s.strategy(), s.meanReported(), s.stdReported(),
                        published));
        assertTrue(s.stdReported() < 0.6, s.toString());
    }
}
