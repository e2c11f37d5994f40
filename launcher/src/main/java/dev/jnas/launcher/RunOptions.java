package dev.jnas.launcher;

import dev.jnas.launcher.logging.LogSink;
import dev.jnas.platform.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of the commands that run a model and write a run directory ({@code search}, {@code train}). */
final class RunOptions {

    @Option(names = "--threads", paramLabel = "N", description = "Intra-op CPU threads (default: all cores).")
    Integer threads;

    @Option(names = {"--output", "-o"}, paramLabel = "DIR",
            description = "Run directory (default: runs/${COMMAND-NAME}-<date>-<time>).")
    Path output;

    @Option(names = "--dry-run", description = "Build the model, print its size and exit; reads no data.")
    boolean dryRun;

    @Option(names = "--json", description = "With --dry-run: print the summary as JSON.")
    boolean json;

    /** The intra-op thread count: {@code --threads}, else every core. */
    int threadCount() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /**
     * Creates the run directory ({@code --output}, else a fresh {@code runs/<kind>-<date>-<time>}) and,
     * unless logs go to the terminal, sends library logs to its {@code jnas.log}.
     */
    RunDirectory createRun(String kind, boolean verbose) throws IOException {
        RunDirectory run = RunDirectory.create(output != null ? output : RunDirectory.fresh(Path.of("runs"), kind));
        if (!verbose) {
            LogSink.toFile(run.log());
        }
        return run;
    }
}
