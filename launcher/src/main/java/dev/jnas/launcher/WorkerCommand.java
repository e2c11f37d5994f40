package dev.jnas.launcher;

import ai.djl.ndarray.NDManager;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.data.SearchData;
import dev.jnas.platform.data.Datasets;
import dev.jnas.platform.trials.ProxyTraining;
import dev.jnas.platform.trials.TrialWorker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jnas worker} (hidden): a trial worker that {@code jnas compare} starts. It loads the
 * search data once, then trains the architectures that arrive on standard input and answers on
 * standard output, in {@link TrialWorker}'s protocol, until its input ends.
 */
@Command(name = "worker", hidden = true, mixinStandardHelpOptions = true,
        description = "Train architectures for a trial runner: requests on standard input, results on standard output.")
final class WorkerCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--dataset", required = true, description = "The dataset id.")
    String dataset;

    @Option(names = "--data", required = true, paramLabel = "TOKEN",
            description = "The data source as config.json records it: sample, system or a directory.")
    String data;

    @Option(names = "--seed", required = true, description = "The seed of the train/validation split.")
    long seed;

    @Option(names = "--train-limit", defaultValue = "0", description = "Use at most this many training images (0: all).")
    int trainLimit;

    @Option(names = "--threads", defaultValue = "1", description = "Intra-op CPU threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() throws IOException {
        common.routeLogs();
        Session session = Session.start(common, threads);
        DatasetInfo info = DatasetInfo.byName(dataset);
        SearchData split = Datasets.load(DataOptions.source(data), info, seed, 0.5, trainLimit);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (NDManager manager = session.engine().newBaseManager(session.device())) {
            TrialWorker.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out,
                    new ProxyTraining(split, session.operations(), manager));
        }
        return 0;
    }
}
