package dev.jnas.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code jnas} command: its subcommands do the work. */
@Command(name = "jnas",
        description = "Neural architecture search on the JVM: differentiable (DARTS) and black-box search.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {SearchCommand.class, TrainCommand.class, CompareCommand.class, PluginsCommand.class, BenchCommand.class,
            ReproduceCommand.class, WorkerCommand.class})
public final class JnasCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
