package dev.jnas.launcher;

import picocli.CommandLine;

/** Entry point of the {@code jnas} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (0 success, 2 user error, 1 internal error). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, for in-process use and tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new JnasCommand());
        cli.setParameterExceptionHandler(ErrorHandling::onParameterError);
        cli.setExecutionExceptionHandler(ErrorHandling::onExecutionError);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}
