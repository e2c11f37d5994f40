package dev.jnas.launcher;

import dev.jnas.launcher.logging.LogSink;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command that runs the engine shares. */
final class CommonOptions {

    /** Where tensors live. */
    enum DeviceChoice { auto, cpu, gpu }

    @Option(names = "--verbose", description = "Show library logs and stack traces on the terminal.")
    boolean verbose;

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "The plugin folder to load (default: the plugins/ folder of the jnas installation).")
    Path pluginsDir;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Device for tensors: auto picks a GPU when one is found (default: ${DEFAULT-VALUE}).")
    DeviceChoice device;

    /** Sends library logs to the terminal with {@code --verbose}; otherwise they wait for a run directory. */
    void routeLogs() {
        if (verbose) {
            LogSink.toTerminal();
        }
    }

    Path pluginsDirectory() {
        if (pluginsDir != null) {
            return pluginsDir;
        }
        String home = System.getenv("JNAS_HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("jnas.home", ".");
        }
        return Path.of(home).resolve("plugins");
    }
}
