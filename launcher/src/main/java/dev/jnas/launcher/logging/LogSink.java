package dev.jnas.launcher.logging;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Where library logs go. Until a destination is chosen, lines are kept in memory; then they go to
 * the terminal ({@code --verbose}) or to the run directory's log file, earlier lines first. Without
 * a run directory and without {@code --verbose} they are dropped at exit.
 */
public final class LogSink {

    private static final int MAX_BUFFERED = 10_000;
    private static final List<String> BUFFER = new ArrayList<>();
    private static PrintStream target;
    private static boolean debug;

    private LogSink() {
    }

    /** Sends logs to standard error from now on, including DEBUG lines. */
    public static synchronized void toTerminal() {
        debug = true;
        redirect(System.err);
    }

    /** Appends logs to {@code file} from now on (unless they already go to the terminal). */
    public static synchronized void toFile(Path file) throws IOException {
        if (target == System.err) {
            return;
        }
        PrintStream stream = new PrintStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), true, StandardCharsets.UTF_8);
        redirect(stream);
    }

    private static void redirect(PrintStream stream) {
        if (target != null && target != System.err) {
            target.close();
        }
        target = stream;
        BUFFER.forEach(stream::println);
        BUFFER.clear();
    }

    /** Whether DEBUG lines are kept. */
    static synchronized boolean debug() {
        return debug;
    }

    /** Writes one formatted line. */
    static synchronized void write(String line) {
        if (target != null) {
            target.println(line);
        } else if (BUFFER.size() < MAX_BUFFERED) {
            BUFFER.add(line);
        }
    }

    /** Forgets the destination (for in-process tests that run several commands). */
    public static synchronized void reset() {
        if (target != null && target != System.err) {
            target.close();
        }
        target = null;
        debug = false;
        BUFFER.clear();
    }
}
