package dev.jnas.platform.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a dataset's files come from.
 *
 * <ul>
 *   <li>{@link Kind#SAMPLE}: the Fashion-MNIST sample inside the jnas jar (3000 training and 1000
 *       test images); the default, it needs no download.</li>
 *   <li>{@link Kind#SYSTEM}: the full dataset where a system package puts it
 *       ({@code /usr/share/datasets/fashion-mnist} from Debian's {@code dataset-fashion-mnist}).</li>
 *   <li>{@link Kind#DIRECTORY}: a folder the user names, holding the dataset's standard files.</li>
 * </ul>
 *
 * <pre>{@code
 * DatasetSource source = dataDir == null ? DatasetSource.sample() : DatasetSource.directory(dataDir);
 * }</pre>
 *
 * @param kind where to look
 * @param directory the folder for {@link Kind#DIRECTORY}, else {@code null}
 */
public record DatasetSource(Kind kind, Path directory) {

    /** The kinds of source. */
    public enum Kind {
        /** The embedded Fashion-MNIST sample. */
        SAMPLE,
        /** The full dataset at its known system location. */
        SYSTEM,
        /** A folder given by the user. */
        DIRECTORY
    }

    public DatasetSource {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.DIRECTORY) != (directory != null)) {
            throw new IllegalArgumentException("a directory goes with kind DIRECTORY only");
        }
    }

    /** The embedded sample. */
    public static DatasetSource sample() {
        return new DatasetSource(Kind.SAMPLE, null);
    }

    /** The full dataset at its known system location. */
    public static DatasetSource system() {
        return new DatasetSource(Kind.SYSTEM, null);
    }

    /** The dataset's files in {@code directory}. */
    public static DatasetSource directory(Path directory) {
        return new DatasetSource(Kind.DIRECTORY, Objects.requireNonNull(directory, "directory"));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case SAMPLE -> "embedded sample";
            case SYSTEM -> "system location";
            case DIRECTORY -> directory.toString();
        };
    }
}
