package dev.jnas.launcher;

import dev.jnas.launcher.logging.LogSink;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the jnas command line in-process and captures what it prints. */
record Cli(int exitCode, String out, String err) {

    static Cli run(String... args) {
        LogSink.reset();
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        LogSink.reset();
        return new Cli(code, out.toString(), err.toString());
    }

    /**
     * Runs a command line that must fail as a user error: exit code 2 and one line on standard
     * error, which is returned.
     */
    static String userError(String... args) {
        Cli r = run(args);
        if (r.exitCode() != ErrorHandling.USER_ERROR) {
            throw new AssertionError("expected exit code 2 from " + String.join(" ", args) + ", got "
                    + r.exitCode() + ":\n" + r.err());
        }
        return r.errorLine();
    }

    /** The error output, which must be exactly one line for a user error. */
    String errorLine() {
        String trimmed = err.strip();
        if (trimmed.contains("\n")) {
            throw new AssertionError("expected one line on stderr, got:\n" + err);
        }
        return trimmed;
    }
}
