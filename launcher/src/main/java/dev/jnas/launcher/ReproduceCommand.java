package dev.jnas.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jnas reproduce}: groups the reproductions of published results; its subcommands do the work. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce published results of search methods on tabular benchmarks.",
        subcommands = {ReproduceNb201Command.class})
final class ReproduceCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
