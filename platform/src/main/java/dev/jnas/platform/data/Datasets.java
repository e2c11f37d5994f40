package dev.jnas.platform.data;

import dev.jnas.api.error.JnasException;
import dev.jnas.api.data.DataSplit;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.data.SearchData;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a dataset for a search: reads the training and test images from a {@link DatasetSource}
 * and splits the training images, in a seeded random order, into the part that trains the weights
 * and the part that trains the architecture.
 *
 * <pre>{@code SearchData data = Datasets.load(DatasetSource.sample(), DatasetInfo.FASHION_MNIST, 2, 0.5, 0);}</pre>
 */
public final class Datasets {

    /** Where Debian's {@code dataset-fashion-mnist} package installs Fashion-MNIST. */
    public static final Path SYSTEM_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");
    /** The classpath folder of the embedded Fashion-MNIST sample. */
    public static final String SAMPLE_RESOURCES = "/dev/jnas/data/fashion-mnist-sample/";

    private static final Logger LOG = LoggerFactory.getLogger(Datasets.class);
    private static final List<String> FASHION_FILES = List.of(
            FashionMnistReader.TRAIN_IMAGES, FashionMnistReader.TRAIN_LABELS,
            FashionMnistReader.TEST_IMAGES, FashionMnistReader.TEST_LABELS);
    private static final int SUBSET_STREAM = 0;
    private static final int TRAIN_STREAM = 1;
    private static final int VALID_STREAM = 2;

    /**
     * A dataset's training and test images.
     *
     * @param train the training images
     * @param test the test images
     */
    public record TrainTest(ImageSet train, ImageSet test) {
    }

    private Datasets() {
    }

    /**
     * Reads a dataset and splits it for a search.
     *
     * @param seed fixes the training subset, the train/valid split and every epoch's order
     * @param trainPortion the share of the training images that trains the weights, in (0, 1]
     * @param trainLimit use only this many training images (a seeded random choice); 0 for all
     * @throws JnasException if the files cannot be found or read, or an argument is out of range
     */
    public static SearchData load(DatasetSource source, DatasetInfo info, long seed,
                                  double trainPortion, int trainLimit) {
        checkSplitArguments(trainPortion, trainLimit);
        TrainTest images = read(source, info);
        SearchData data = split(images, seed, trainPortion, trainLimit);
        LOG.info("{} from {}: {} train, {} valid, {} test images", info.name(), source,
                data.train().size(), data.valid().size(), data.test().size());
        return data;
    }

    /**
     * Splits images for a search: a seeded shuffle of the training images, cut to
     * {@code trainLimit}, whose first {@code trainPortion} trains the weights and whose rest is the
     * valid split; both reshuffle every epoch. The test split keeps file order.
     */
    public static SearchData split(TrainTest images, long seed, double trainPortion, int trainLimit) {
        checkSplitArguments(trainPortion, trainLimit);
        int available = images.train().size();
        int used = trainLimit == 0 ? available : Math.min(trainLimit, available);
        if (trainLimit > available) {
            LOG.info("train limit {} exceeds the {} training images: using all", trainLimit, available);
        }
        int[] order = Shuffling.range(available);
        Shuffling.shuffle(order, Shuffling.mix(seed, SUBSET_STREAM));
        int trainCount = (int) Math.floor(used * trainPortion + 1e-9);
        if (trainCount == 0) {
            throw new JnasException("train portion " + trainPortion + " of " + used
                    + " training images leaves no images to train the weights");
        }
        if (trainCount == used && trainPortion < 1) {
            throw new JnasException("train portion " + trainPortion + " of " + used
                    + " training images leaves no validation images");
        }
        DataSplit train = new ImageSplit(images.train(), Arrays.copyOfRange(order, 0, trainCount),
                true, Shuffling.mix(seed, TRAIN_STREAM));
        DataSplit valid = new ImageSplit(images.train(), Arrays.copyOfRange(order, trainCount, used),
                true, Shuffling.mix(seed, VALID_STREAM));
        return new SearchData(images.train().info(), train, valid, ImageSplit.ordered(images.test()));
    }

    /**
     * Reads a dataset's training and test images.
     *
     * @throws JnasException if the source has no such dataset or its files are missing or corrupt
     */
    public static TrainTest read(DatasetSource source, DatasetInfo info) {
        if (info.equals(DatasetInfo.FASHION_MNIST)) {
            return switch (source.kind()) {
                case SAMPLE -> readSample();
                case SYSTEM -> readFashionMnist(systemFashionMnist());
                case DIRECTORY -> readFashionMnist(source.directory());
            };
        }
        if (info.equals(DatasetInfo.CIFAR10)) {
            if (source.kind() != DatasetSource.Kind.DIRECTORY) {
                throw new JnasException("CIFAR-10 has no embedded sample or system location: pass --data-dir "
                        + "with the CIFAR-10 binary version (data_batch_1.bin ... test_batch.bin)");
            }
            return readCifar10(source.directory());
        }
        throw new JnasException("jnas cannot read dataset " + info.name() + " (known: fashion-mnist, cifar10)");
    }

    private static Path systemFashionMnist() {
        if (!Files.isDirectory(SYSTEM_FASHION_MNIST)) {
            throw new JnasException("Fashion-MNIST not found in " + SYSTEM_FASHION_MNIST
                    + ": install the Debian package dataset-fashion-mnist or pass --data-dir");
        }
        return SYSTEM_FASHION_MNIST;
    }

    private static TrainTest readFashionMnist(Path directory) {
        checkDirectory(directory);
        List<Path> files = new ArrayList<>();
        for (String name : FASHION_FILES) {
            Path gzipped = directory.resolve(name + ".gz");
            Path raw = directory.resolve(name);
            if (Files.exists(gzipped)) {
                files.add(gzipped);
            } else if (Files.exists(raw)) {
                files.add(raw);
            } else {
                throw new JnasException("dataset directory " + directory + " has no " + name + "(.gz)"
                        + " (Fashion-MNIST IDX files expected)");
            }
        }
        return new TrainTest(FashionMnistReader.read(files.get(0), files.get(1)),
                FashionMnistReader.read(files.get(2), files.get(3)));
    }

    private static TrainTest readCifar10(Path directory) {
        checkDirectory(directory);
        Path folder = directory;
        Path nested = directory.resolve(Cifar10Reader.ARCHIVE_FOLDER);
        if (!Files.exists(directory.resolve(Cifar10Reader.TRAIN_FILES.get(0))) && Files.isDirectory(nested)) {
            folder = nested;
        }
        List<Path> train = new ArrayList<>();
        for (String name : Cifar10Reader.TRAIN_FILES) {
            train.add(requireFile(folder, name));
        }
        Path test = requireFile(folder, Cifar10Reader.TEST_FILE);
        return new TrainTest(Cifar10Reader.read(train), Cifar10Reader.read(List.of(test)));
    }

    private static Path requireFile(Path folder, String name) {
        Path file = folder.resolve(name);
        if (!Files.exists(file)) {
            throw new JnasException("dataset directory " + folder + " has no " + name
                    + " (CIFAR-10 binary version expected)");
        }
        return file;
    }

    private static void checkDirectory(Path directory) {
        if (!Files.exists(directory)) {
            throw new JnasException("dataset directory " + directory + " does not exist");
        }
        if (!Files.isDirectory(directory)) {
            throw new JnasException("dataset directory " + directory + " is not a directory");
        }
    }

    private static TrainTest readSample() {
        return new TrainTest(
                readSample(FashionMnistReader.TRAIN_IMAGES, FashionMnistReader.TRAIN_LABELS),
                readSample(FashionMnistReader.TEST_IMAGES, FashionMnistReader.TEST_LABELS));
    }

    private static ImageSet readSample(String images, String labels) {
        return FashionMnistReader.parse(sampleName(images), sample(images), sampleName(labels), sample(labels));
    }

    private static String sampleName(String file) {
        return "classpath:" + SAMPLE_RESOURCES + file + ".gz";
    }

    private static byte[] sample(String file) {
        String resource = SAMPLE_RESOURCES + file + ".gz";
        InputStream in = Datasets.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the embedded Fashion-MNIST sample is not on the classpath: " + resource);
        }
        return DataFiles.read(sampleName(file), in);
    }

    private static void checkSplitArguments(double trainPortion, int trainLimit) {
        if (!(trainPortion > 0 && trainPortion <= 1)) {
            throw new JnasException("train portion must be in (0, 1], got " + trainPortion);
        }
        if (trainLimit < 0) {
            throw new JnasException("train limit must be 0 (all) or positive, got " + trainLimit);
        }
    }
}
