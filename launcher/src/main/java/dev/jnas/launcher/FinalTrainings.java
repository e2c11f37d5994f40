package dev.jnas.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnas.api.error.JnasException;
import dev.jnas.launcher.ComparisonReport.Outcome;
import dev.jnas.platform.run.Json;
import dev.jnas.platform.run.RunDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The common evaluation protocol of {@code jnas compare}: every architecture a search found is
 * trained from scratch by a {@code jnas train} child (the DARTS genotype from its run's
 * {@code genotype.json}, a NAS-Bench-201 cell by its string) into the run's {@code final/} folder
 * and measured on test images that no search saw.
 */
final class FinalTrainings {

    private FinalTrainings() {
    }

    /**
     * Trains every found architecture with {@code jnas train --preset PRESET EXTRA...}, {@code parallel}
     * children at once, each with {@code threads} threads and the seed of its search.
     *
     * @return the outcomes with their test accuracy and weight count, in the order given
     */
    static List<Outcome> trainAll(List<Outcome> outcomes, String preset, List<String> extra, int parallel,
                                  int threads, PrintWriter err) {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Outcome o : outcomes) {
                futures.add(pool.submit(() -> {
                    Path dir = o.directory().resolve("final");
                    String genotype = o.architecture().genotype() != null
                            ? o.directory().resolve(RunDirectory.GENOTYPE).toString() : o.architecture().cell();
                    List<String> args = new ArrayList<>(List.of("train", "--preset", preset, "--genotype",
                            genotype, "--seed", Long.toString(o.seed()),
                            "--threads", Integer.toString(threads), "--output", dir.toString()));
                    args.addAll(extra);
                    ChildJnas.run("the final training of " + o.strategy() + " seed " + o.seed(), args,
                            o.directory().resolve("final.log"));
                    JsonNode result = Json.COMPACT.readTree(dir.resolve("result.json").toFile());
                    Outcome done = o.trained(100 * result.get("test_accuracy").asDouble(), result.get("weights").asLong());
                    synchronized (err) {
                        err.println(String.format(Locale.ROOT, "jnas: %s seed %d: test accuracy %.2f%% after the "
                                + "common training", o.strategy(), o.seed(), done.testAccuracy()));
                        err.flush();
                    }
                    return done;
                }));
            }
            List<Outcome> trained = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                try {
                    trained.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof JnasException j ? j : new JnasException("a final training failed: "
                            + e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new JnasException("interrupted while training the found architectures");
                }
            }
            return trained;
        } finally {
            pool.shutdownNow();
        }
    }
}
