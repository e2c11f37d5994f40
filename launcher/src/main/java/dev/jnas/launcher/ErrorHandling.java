package dev.jnas.launcher;

import dev.jnas.api.error.DivergenceException;
import dev.jnas.api.error.JnasException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Maps failures to one line on standard error and an exit code. */
final class ErrorHandling {

    /** A user error: bad option, missing or corrupt file, broken plugin. */
    static final int USER_ERROR = 2;
    /** A run diverged (NaN or infinite loss); its last good checkpoint is intact. */
    static final int DIVERGED = 3;
    /** A bug: an exception nobody expected. */
    static final int INTERNAL_ERROR = 1;

    private ErrorHandling() {
    }

    static int onParameterError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println(name + ": " + firstLine(e.getMessage()) + " (see '" + name + " --help')");
        return USER_ERROR;
    }

    static int onExecutionError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        boolean verbose = verbose(parsed);
        JnasException user = userError(e);
        if (user != null) {
            err.println("jnas: " + firstLine(user.getMessage()));
            if (verbose) {
                e.printStackTrace(err);
            }
            return user instanceof DivergenceException ? DIVERGED : USER_ERROR;
        }
        err.println("jnas: internal error: " + e + (verbose ? "" : " (rerun with --verbose for details)"));
        if (verbose) {
            e.printStackTrace(err);
        }
        return INTERNAL_ERROR;
    }

    private static JnasException userError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JnasException j) {
                return j;
            }
        }
        return null;
    }

    private static boolean verbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.lines().findFirst().orElse("").strip();
    }
}
