package dev.jnas.launcher;

import picocli.CommandLine.Option;

/** The budget and size of a run; each option overrides the command's preset. */
final class SizeOptions {

    @Option(names = "--epochs", description = "Epochs (default: the preset's).")
    Integer epochs;

    @Option(names = "--batch-size", description = "Examples per step (default: the preset's).")
    Integer batchSize;

    @Option(names = {"--channels", "-C"}, description = "Initial channels C (default: the preset's).")
    Integer channels;

    @Option(names = {"--cells", "--layers"}, description = "Number of cells L (default: the preset's).")
    Integer cells;

    @Option(names = "--train-limit", paramLabel = "N",
            description = "Use only N training images, a seeded random choice (0: all; default: the preset's).")
    Integer trainLimit;

    /** The explicit value, else the preset's. */
    static int pick(Integer explicit, int preset) {
        return explicit != null ? explicit : preset;
    }
}
