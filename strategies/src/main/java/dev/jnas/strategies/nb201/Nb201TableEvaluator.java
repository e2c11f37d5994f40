package dev.jnas.strategies.nb201;

import dev.jnas.api.Evaluator;
import dev.jnas.api.blackbox.Evaluation;
import dev.jnas.api.blackbox.EvaluationSession;
import dev.jnas.api.blackbox.EvaluationSettings;
import dev.jnas.api.blackbox.Options;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.DiscreteSpace;
import dev.jnas.api.space.Nb201Cell;
import dev.jnas.api.space.Nb201Space;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.Extension;

/**
 * {@code nb201-table}: evaluates a NAS-Bench-201 cell by looking it up, as the benchmark's own
 * baselines do.
 *
 * <ul>
 *   <li>reward: the cifar10-valid validation accuracy of one training seed, drawn uniformly per
 *       query from the cell's seeds (the benchmark's {@code is_random=True}), so repeated queries
 *       of one cell are noisy;</li>
 *   <li>reported result: the CIFAR-10 test accuracy ({@code c10_test_acc_mean});</li>
 *   <li>cost: 12 of the 200 training epochs, {@code train_time_200ep_c10valid_s × 12 / 200}
 *       simulated seconds, and 12 × 25,000 simulated training images.</li>
 * </ul>
 * The table has only the 200-epoch accuracies; the benchmark's search baselines were rewarded with
 * the 12-epoch ones, which are noisier.
 *
 * <p>Option {@code table=FILE} reads another table with the same columns instead of the one
 * shipped with jnas. Parsed tables are kept for the life of the extension, so opening a session
 * per run costs nothing after the first.
 */
@Extension
public class Nb201TableEvaluator implements Evaluator {

    /** Epochs of training a query stands for, as in the benchmark's search experiments. */
    public static final int EPOCHS = 12;

    /** Epochs the table's training time covers. */
    public static final int TABLE_EPOCHS = 200;

    /** Training images of cifar10-valid (the other 25,000 validate). */
    public static final int TRAIN_IMAGES = 25_000;

    private static final String EMBEDDED = "";

    private final Map<String, Nb201Table> tables = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return "nb201-table";
    }

    @Override
    public String description() {
        return "NAS-Bench-201 lookup: reward = cifar10-valid accuracy of a random seed, cost = 12-epoch training time";
    }

    @Override
    public <A> EvaluationSession<A> open(DiscreteSpace<A> space, EvaluationSettings settings) {
        if (!Nb201Space.ID.equals(space.id())) {
            throw new JnasException("evaluator " + id() + " evaluates only the " + Nb201Space.ID + " space, not '"
                    + space.id() + "'");
        }
        Options options = settings.options().requireOnly(List.of("table"));
        Nb201Table table = table(options.string("table").orElse(EMBEDDED));
        SplittableRandom random = new SplittableRandom(settings.seed());
        return architecture -> evaluate(table, Nb201Cell.fromCodes(space.encode(architecture)), random);
    }

    /** The table at {@code path}, or the embedded one for the empty path; parsed once. */
    Nb201Table table(String path) {
        Nb201Table cached = tables.get(path);
        if (cached != null) {
            return cached;
        }
        Nb201Table table = path.equals(EMBEDDED) ? Nb201Table.embedded() : Nb201Table.read(Path.of(path));
        Nb201Table raced = tables.putIfAbsent(path, table);
        return raced != null ? raced : table;
    }

    /** One lookup: a random seed's validation accuracy, the test accuracy, 12 epochs' cost. */
    static Evaluation evaluate(Nb201Table table, Nb201Cell cell, SplittableRandom random) {
        int index = table.index(cell);
        double[] seeds = table.validAccuracies(index);
        double reward = seeds[random.nextInt(seeds.length)];
        double seconds = table.trainSeconds(index) * EPOCHS / TABLE_EPOCHS;
        return new Evaluation(reward, table.testAccuracy(index), seconds, (long) EPOCHS * TRAIN_IMAGES);
    }
}
