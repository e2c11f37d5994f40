package dev.jnas.launcher;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jnas.api.blackbox.Budget;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.Genotype;
import dev.jnas.api.space.GenotypeEdge;
import dev.jnas.api.space.Nb201Cell;
import dev.jnas.platform.evaluation.TrainedArchitecture;
import dev.jnas.platform.report.LinePlot;
import dev.jnas.platform.run.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * What {@code jnas compare} writes and prints: one row per run, mean ± std per strategy, and the
 * anytime curves (the search's own accuracy signal against the search cost spent) as CSV, JSON and
 * a PNG plot.
 */
final class ComparisonReport {

    /** Operations without weights; a cell rich in them is the "collapse" DARTS is known for. */
    static final Set<String> WEIGHT_FREE = Set.of("none", "max_pool_3x3", "avg_pool_3x3", "skip_connect");

    /**
     * One search run and the common training of what it found.
     *
     * @param strategy the strategy id
     * @param seed the seed of the search and of the final training
     * @param architecture the architecture found
     * @param searchSeconds the search cost: DARTS's wall seconds, or the black-box trainings' seconds
     * @param searchImages the images the search's training steps processed
     * @param evaluations DARTS epochs, or the black-box evaluations made within the budget
     * @param searchReward the search's accuracy for what it returned (%): DARTS's supernet
     *     validation accuracy, or the best proxy validation accuracy
     * @param curve the anytime curve: {@code [cost, accuracy %]} points, the cost in the budget's unit
     * @param directory where the run's files are
     * @param testAccuracy test accuracy after the common training (%)
     * @param weights the trained network's weights
     */
    record Outcome(
            @JsonProperty("strategy") String strategy,
            @JsonProperty("seed") long seed,
            @JsonProperty("architecture") TrainedArchitecture architecture,
            @JsonProperty("search_seconds") double searchSeconds,
            @JsonProperty("search_images") long searchImages,
            @JsonProperty("evaluations") int evaluations,
            @JsonProperty("search_accuracy") double searchReward,
            @JsonIgnore List<double[]> curve,
            @JsonIgnore Path directory,
            @JsonProperty("test_accuracy") double testAccuracy,
            @JsonProperty("weights") long weights) {

        Outcome trained(double accuracy, long weightCount) {
            return new Outcome(strategy, seed, architecture, searchSeconds, searchImages, evaluations, searchReward, curve,
                    directory, accuracy, weightCount);
        }

        /** Weight-free edges of the DARTS normal cell (of 8), or of the NAS-Bench-201 cell (of 6). */
        @JsonProperty("weight_free_edges_normal")
        int weightFreeNormal() {
            Genotype g = architecture.genotype();
            return g != null ? weightFree(g.normal().stream().map(GenotypeEdge::op).toList())
                    : weightFree(Nb201Cell.parse(architecture.cell()).ops());
        }

        /** Weight-free edges of the DARTS reduction cell; {@code null} for NAS-Bench-201, which has none. */
        @JsonProperty("weight_free_edges_reduce")
        Integer weightFreeReduce() {
            Genotype g = architecture.genotype();
            return g != null ? weightFree(g.reduce().stream().map(GenotypeEdge::op).toList()) : null;
        }

        private static int weightFree(List<String> ops) {
            return (int) ops.stream().filter(WEIGHT_FREE::contains).count();
        }
    }

    /**
     * The runs of one strategy, summarised (standard deviations in population form).
     */
    record Summary(
            @JsonProperty("strategy") String strategy,
            @JsonProperty("runs") int runs,
            @JsonProperty("test_accuracy_mean") double testMean,
            @JsonProperty("test_accuracy_std") double testStd,
            @JsonProperty("search_seconds_mean") double secondsMean,
            @JsonProperty("search_images_mean") double imagesMean,
            @JsonProperty("evaluations_mean") double evaluationsMean,
            @JsonProperty("search_accuracy_mean") double rewardMean,
            @JsonProperty("weight_free_edges_normal_mean") double weightFreeMean,
            @JsonProperty("weights_mean") double weightsMean) {
    }

    private final String dataset;
    private final Budget.Unit unit;
    private final List<Outcome> outcomes;
    private final List<Summary> summaries = new ArrayList<>();

    ComparisonReport(String dataset, Budget.Unit unit, List<Outcome> outcomes) {
        this.dataset = dataset;
        this.unit = unit;
        this.outcomes = List.copyOf(outcomes);
        Map<String, List<Outcome>> byStrategy = byStrategy();
        byStrategy.forEach((strategy, runs) -> summaries.add(new Summary(strategy, runs.size(),
                mean(runs, Outcome::testAccuracy), std(runs, Outcome::testAccuracy), mean(runs, Outcome::searchSeconds),
                mean(runs, o -> o.searchImages()), mean(runs, Outcome::evaluations), mean(runs, Outcome::searchReward),
                mean(runs, Outcome::weightFreeNormal), mean(runs, o -> o.weights()))));
    }

    List<Summary> summaries() {
        return summaries;
    }

    private Map<String, List<Outcome>> byStrategy() {
        Map<String, List<Outcome>> by = new LinkedHashMap<>();
        outcomes.forEach(o -> by.computeIfAbsent(o.strategy(), k -> new ArrayList<>()).add(o));
        return by;
    }

    private static double mean(List<Outcome> runs, ToDoubleFunction<Outcome> f) {
        return runs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    private static double std(List<Outcome> runs, ToDoubleFunction<Outcome> f) {
        double m = mean(runs, f);
        return Math.sqrt(runs.stream().mapToDouble(o -> (f.applyAsDouble(o) - m) * (f.applyAsDouble(o) - m))
                .average().orElse(Double.NaN));
    }

    /** Writes results.csv, summary.csv, anytime.csv, anytime.json, anytime.png and compare.json into {@code dir}. */
    void write(Path dir) {
        StringBuilder results = new StringBuilder("strategy,seed,search_seconds,search_images,evaluations,"
                + "search_accuracy,test_accuracy,weights,weight_free_edges_normal,weight_free_edges_reduce,architecture\n");
        for (Outcome o : outcomes) {
            results.append(String.format(Locale.ROOT, "%s,%d,%.1f,%d,%d,%.2f,%.2f,%d,%d,%s,\"%s\"%n", o.strategy(),
                    o.seed(), o.searchSeconds(), o.searchImages(), o.evaluations(), o.searchReward(), o.testAccuracy(), o.weights(),
                    o.weightFreeNormal(), o.weightFreeReduce() == null ? "" : o.weightFreeReduce(),
                    o.architecture().text().replace("\"", "\"\"")));
        }
        text(dir.resolve("results.csv"), results);
        StringBuilder summary = new StringBuilder("strategy,runs,test_accuracy_mean,test_accuracy_std,"
                + "search_seconds_mean,search_images_mean,evaluations_mean,search_accuracy_mean,"
                + "weight_free_edges_normal_mean,weights_mean\n");
        for (Summary s : summaries) {
            summary.append(String.format(Locale.ROOT, "%s,%d,%.2f,%.2f,%.1f,%.0f,%.1f,%.2f,%.2f,%.0f%n", s.strategy(),
                    s.runs(), s.testMean(), s.testStd(), s.secondsMean(), s.imagesMean(), s.evaluationsMean(), s.rewardMean(),
                    s.weightFreeMean(), s.weightsMean()));
        }
        text(dir.resolve("summary.csv"), summary);
        String cost = "cost_" + (unit == Budget.Unit.SECONDS ? "seconds" : "images");
        StringBuilder anytime = new StringBuilder("strategy,seed," + cost + ",accuracy\n");
        Map<String, List<Map<String, Object>>> curves = new TreeMap<>();
        for (Outcome o : outcomes) {
            for (double[] p : o.curve()) {
                anytime.append(String.format(Locale.ROOT, "%s,%d,%.3f,%.4f%n", o.strategy(), o.seed(), p[0], p[1]));
            }
            Map<String, Object> curve = new LinkedHashMap<>();
            curve.put("seed", o.seed());
            curve.put("points", o.curve());
            curves.computeIfAbsent(o.strategy(), k -> new ArrayList<>()).add(curve);
        }
        text(dir.resolve("anytime.csv"), anytime);
        Json.write(dir.resolve("anytime.json"), Map.of("x", cost, "y", "accuracy_percent",
                "note", "darts: supernet validation accuracy after each epoch; others: best proxy validation "
                        + "accuracy found so far", "curves", curves));
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("dataset", dataset);
        all.put("summary", summaries);
        all.put("runs", outcomes);
        Json.write(dir.resolve("compare.json"), all);
        plot(dir.resolve("anytime.png"));
    }

    private void plot(Path file) {
        LinePlot.Builder plot = LinePlot.builder()
                .setTitle("Anytime search accuracy on " + dataset + " (mean ± std over seeds)")
                .setXLabel(unit == Budget.Unit.SECONDS ? "search cost (s)" : "search cost (images processed)").setYLabel("validation accuracy (%)");
        byStrategy().forEach((strategy, runs) -> {
            List<double[]> xs = new ArrayList<>();
            List<double[]> ys = new ArrayList<>();
            for (Outcome o : runs) {
                xs.add(o.curve().stream().mapToDouble(p -> p[0]).toArray());
                ys.add(o.curve().stream().mapToDouble(p -> p[1]).toArray());
            }
            String name = "darts".equals(strategy) ? "darts (supernet)" : strategy + " (best proxy)";
            plot.addSeries(LinePlot.meanOf(name, xs, ys, 200));
        });
        try {
            plot.build().write(file);
        } catch (IOException e) {
            throw new JnasException("cannot write " + file + ": " + e.getMessage());
        }
    }

    private static void text(Path file, CharSequence content) {
        Json.writeAtomically(file, content.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The table: per strategy, the common training's test accuracy and the search's cost. */
    void printTable(PrintWriter out) {
        out.println("Test accuracy (%) after the common training of each found architecture on " + dataset);
        out.println(String.format(Locale.ROOT, "%-10s %4s %16s %10s %13s %11s %16s %17s %10s", "strategy", "runs",
                "test accuracy", "search (s)", "search images", "evaluations", "search acc. (%)", "weight-free edges",
                "weights"));
        for (Summary s : summaries) {
            out.println(String.format(Locale.ROOT, "%-10s %4d %9.2f ± %4.2f %10.0f %,13.0f %11.1f %16.2f %17.1f %,10.0f",
                    s.strategy(), s.runs(), s.testMean(), s.testStd(), s.secondsMean(), s.imagesMean(), s.evaluationsMean(),
                    s.rewardMean(), s.weightFreeMean(), s.weightsMean()));
        }
        out.println("search acc.: darts, its supernet's validation accuracy; the others, their best proxy training's."
                + " Weight-free edges: of the 8 in the DARTS normal cell, of the 6 in a NAS-Bench-201 cell.");
    }
}
