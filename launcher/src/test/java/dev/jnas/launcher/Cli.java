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

    /** The error output, which must be exactly one line for a user error. */
    String errorLine() {
        String trimmed = err.strip();
        if (trimmed.contains("\n")) {
            throw new AssertionError("expected one line on stderr, got:\n" + err);
        }
        return trimmed;
    }
}
