package dev.jnas.api.data;

import dev.jnas.api.error.JnasException;
import java.util.List;
import java.util.Locale;

/**
 * The shape of a dataset's examples, known from its name alone, so a network can be built
 * without reading a file.
 *
 * @param name the dataset id ({@code fashion-mnist}, {@code cifar10})
 * @param channels image channels
 * @param height image height
 * @param width image width
 * @param classes number of classes
 */
public record DatasetInfo(String name, int channels, int height, int width, int classes) {

    public static final DatasetInfo FASHION_MNIST = new DatasetInfo("fashion-mnist", 1, 28, 28, 10);
    public static final DatasetInfo CIFAR10 = new DatasetInfo("cifar10", 3, 32, 32, 10);

    /** The datasets jnas can read. */
    public static final List<DatasetInfo> KNOWN = List.of(FASHION_MNIST, CIFAR10);

    /**
     * Looks a dataset up by name.
     *
     * @throws JnasException for an unknown name
     */
    public static DatasetInfo byName(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (DatasetInfo info : KNOWN) {
            if (info.name().equals(key)) {
                return info;
            }
        }
        throw new JnasException("unknown dataset '" + name + "' (known: fashion-mnist, cifar10)");
    }
}
