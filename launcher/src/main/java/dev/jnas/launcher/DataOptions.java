package dev.jnas.launcher;

import dev.jnas.api.error.JnasException;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.data.SearchData;
import dev.jnas.platform.data.DatasetSource;
import dev.jnas.platform.data.Datasets;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which dataset a command uses and where its images come from. */
final class DataOptions {

    private static final String SAMPLE = "sample";
    private static final String SYSTEM = "system";

    /** The kinds of source a user names. */
    enum Source { sample, full }

    @Option(names = "--dataset", defaultValue = "fashion-mnist",
            description = "fashion-mnist or cifar10 (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--data", paramLabel = "sample|full",
            description = "sample: the Fashion-MNIST sample shipped with jnas (3000 train / 1000 test images); "
                    + "full: the whole dataset, from --data-dir or, for Fashion-MNIST, "
                    + "/usr/share/datasets/fashion-mnist (Debian package dataset-fashion-mnist). "
                    + "Default: sample for fashion-mnist, full otherwise; --data-dir implies full.")
    Source source;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "A directory holding the full dataset (Fashion-MNIST IDX files, gzipped or not; "
                    + "CIFAR-10 binary version).")
    Path directory;

    /**
     * The dataset named by {@code --dataset}.
     *
     * @throws JnasException for an unknown name
     */
    DatasetInfo info() {
        return DatasetInfo.byName(dataset);
    }

    DatasetSource resolve(DatasetInfo info) {
        if (directory != null) {
            if (source == Source.sample) {
                throw new JnasException("--data sample and --data-dir exclude each other");
            }
            return DatasetSource.directory(directory);
        }
        boolean fashion = info.equals(DatasetInfo.FASHION_MNIST);
        Source chosen = source != null ? source : fashion ? Source.sample : Source.full;
        if (chosen == Source.sample) {
            if (!fashion) {
                throw new JnasException("jnas ships no sample of " + info.name() + "; pass --data-dir");
            }
            return DatasetSource.sample();
        }
        return DatasetSource.system();
    }

    SearchData load(DatasetInfo info, long seed, double trainPortion, int trainLimit) {
        return Datasets.load(resolve(info), info, seed, trainPortion, trainLimit);
    }

    /**
     * The source as config.json records it: {@code sample}, {@code system} or the absolute
     * directory, so that a resumed run reads the same images.
     */
    String token(DatasetInfo info) {
        DatasetSource s = resolve(info);
        return switch (s.kind()) {
            case SAMPLE -> SAMPLE;
            case SYSTEM -> SYSTEM;
            case DIRECTORY -> s.directory().toAbsolutePath().normalize().toString();
        };
    }

    /** The source a {@link #token} names. */
    static DatasetSource source(String token) {
        return switch (token) {
            case SAMPLE -> DatasetSource.sample();
            case SYSTEM -> DatasetSource.system();
            default -> DatasetSource.directory(Path.of(token));
        };
    }
}
