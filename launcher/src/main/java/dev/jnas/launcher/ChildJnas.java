package dev.jnas.launcher;

import dev.jnas.api.error.JnasException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code jnas} subcommands in child JVMs with this process's class path and installation, as
 * {@code jnas compare} does for searches, trainings and trial workers: each child has its own
 * engine and thread count, and a crash of one costs only its own work.
 */
final class ChildJnas {

    private ChildJnas() {
    }

    /** The command line that starts {@code jnas args...} in a child JVM. */
    static List<String> command(List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true"));
        String home = System.getProperty("jnas.home");
        if (home != null) {
            command.add("-Djnas.home=" + home);
        }
        command.add(Main.class.getName());
        command.addAll(args);
        return command;
    }

    /**
     * Runs {@code jnas args...} to its end, standard output and error appended to {@code log}.
     *
     * @throws JnasException naming {@code what}, the exit code and the log's last line if it fails
     */
    static void run(String what, List<String> args, Path log) {
        int code;
        try {
            Process process = new ProcessBuilder(command(args)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            process.getOutputStream().close();
            code = process.waitFor();
        } catch (IOException e) {
            throw new JnasException("cannot start " + what + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JnasException(what + " was interrupted");
        }
        if (code != 0) {
            throw new JnasException(what + " failed (exit code " + code + "): " + lastLine(log) + " (log: " + log + ")");
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).strip();
                }
            }
        } catch (IOException e) {
            return "no log";
        }
        return "no output";
    }
}
