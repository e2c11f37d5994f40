package dev.jnas.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnas.platform.run.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code jnas train} in-process: the network's size, a tiny real training, and bad input. */
class TrainCommandTest {

    /** A genotype.json as {@code jnas search} writes it, with operations darts-v2 does not use. */
    private static final String SEARCHED = """
            {
              "normal" : [ [ "sep_conv_5x5", 1 ], [ "dil_conv_5x5", 0 ], [ "avg_pool_3x3", 2 ], [ "sep_conv_3x3", 1 ],
                [ "skip_connect", 0 ], [ "dil_conv_3x3", 3 ], [ "sep_conv_3x3", 4 ], [ "max_pool_3x3", 1 ] ],
              "normal_concat" : [ 2, 3, 4, 5 ],
              "reduce" : [ [ "avg_pool_3x3", 0 ], [ "sep_conv_5x5", 1 ], [ "skip_connect", 2 ], [ "dil_conv_5x5", 0 ],
                [ "max_pool_3x3", 1 ], [ "sep_conv_3x3", 3 ], [ "skip_connect", 4 ], [ "dil_conv_3x3", 1 ] ],
              "reduce_concat" : [ 2, 3, 4, 5 ]
            }
            """;

    @TempDir
    Path tmp;

    /**
     * The first row is the DARTS paper's 3.3M (the reference's {@code count_parameters_in_MB}, which
     * leaves the auxiliary head out). Every count, the auxiliary heads' included, was computed once
     * by hand with a plain PyTorch re-implementation of the reference's {@code model.py} and
     * {@code operations.py} (NetworkCIFAR, AuxiliaryHeadCIFAR; a 1-channel stem for Fashion-MNIST,
     * whose 7×7 auxiliary input pools to 1×1 and so gets a 1×1 last convolution).
     */
    @ParameterizedTest
    @CsvSource({
        "darts-v2, cifar10, 36, 20, 3349342, 476426",
        "darts-v2, cifar10, 4, 5, 11554, 410890",
        "darts-v1, fashion-mnist, 8, 8, 65266, 124170",
    })
    void dryRunCountsTheReferenceWeights(String genotype, String dataset, int channels, int cells, long weights,
                                         long auxiliaryWeights) throws Exception {
        Cli r = Cli.run("train", "--dry-run", "--json", "--genotype", genotype, "--dataset", dataset,
                "-C", "" + channels, "--cells", "" + cells);
        assertEquals(0, r.exitCode(), r.err());
        JsonNode summary = Json.PRETTY.readTree(r.out());
        assertEquals(weights, summary.get("weights").asLong());
        assertEquals(auxiliaryWeights, summary.get("auxiliary_weights").asLong());
        assertTrue(summary.get("auxiliary").asBoolean(), "the paper's default has the auxiliary head");
        assertEquals(List.of(cells / 3, 2 * cells / 3), List.of(summary.get("reduction_cells").get(0).asInt(),
                summary.get("reduction_cells").get(1).asInt()));
    }

    @Test
    void dryRunWithoutTheAuxiliaryHeadReadsNoData() {
        Cli r = Cli.run("train", "--dry-run", "--dataset", "cifar10", "--no-auxiliary",
                "--data-dir", tmp.resolve("absent").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("3,349,342 weights"), r.out());
        assertFalse(r.out().contains("auxiliary"), r.out());
    }

    @Test
    void tinyTrainingWritesARunDirectory() throws Exception {
        Path out = tmp.resolve("run");
        Cli r = Cli.run("train", "--genotype", "darts-v2", "-C", "2", "--cells", "3", "--epochs", "2",
                "--batch-size", "8", "--train-limit", "32", "--auxiliary", "--cutout", "8", "--seed", "3",
                "--threads", "1", "--output", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
        assertEquals(2, lines.size());
        JsonNode first = Json.PRETTY.readTree(lines.get(0));
        JsonNode last = Json.PRETTY.readTree(lines.get(1));
        assertEquals(0.025, first.get("learning_rate").asDouble(), 1e-12);
        assertEquals(0.0125, last.get("learning_rate").asDouble(), 1e-12, "cosine from 0.025 to 0 over 2 epochs");
        assertEquals(0.0, first.get("drop_prob").asDouble());
        assertEquals(0.1, last.get("drop_prob").asDouble(), 1e-12, "0.2 · epoch 1 / 2 epochs");
        assertEquals(64, last.get("images").asLong());
        for (String field : List.of("train_loss", "train_accuracy", "test_loss", "test_accuracy", "elapsed_seconds")) {
            assertTrue(last.get(field).isNumber(), field + " in " + lines.get(1));
        }
        JsonNode result = Json.PRETTY.readTree(out.resolve("result.json").toFile());
        assertEquals(Json.PRETTY.readTree(r.out()), result, "stdout carries the result");
        assertEquals(last.get("test_accuracy"), result.get("test_accuracy"));
        double accuracy = result.get("test_accuracy").asDouble();
        assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);
        assertTrue(Double.isFinite(result.get("test_loss").asDouble()));
        assertEquals(2, result.get("epochs").asInt());
        assertEquals(64, result.get("images_processed").asLong());
        assertTrue(result.get("weights").asLong() > 0 && result.get("auxiliary_weights").asLong() > 0);
        assertTrue(result.get("train_seconds").asDouble() > 0);
        JsonNode config = Json.PRETTY.readTree(out.resolve("config.json").toFile());
        assertEquals("train", config.get("command").asText());
        assertEquals("darts-v2", config.get("genotype_source").asText());
        assertEquals("dil_conv_3x3", config.get("genotype").get("normal").get(7).get(0).asText());
        JsonNode settings = config.get("settings");
        assertEquals(3, settings.get("seed").asInt());
        assertEquals(8, settings.get("cutout").asInt());
        assertTrue(settings.get("auxiliary").asBoolean());
        assertEquals(0.4, settings.get("auxiliary_weight").asDouble());
        assertEquals(3e-4, settings.get("weight_decay").asDouble());
        assertEquals(0.9, settings.get("momentum").asDouble());
        assertEquals(5.0, settings.get("gradient_clip").asDouble());
        assertEquals(0.0, settings.get("learning_rate_min").asDouble());
        assertTrue(config.get("versions").has("pytorch"));
        assertTrue(Files.exists(out.resolve("jnas.log")));
        assertTrue(r.err().contains("epoch 2/2") && r.err().contains("test acc"), r.err());
        assertFalse(r.err().contains("INFO"), "library logs leaked to the terminal:\n" + r.err());
    }

    /**
     * The distinct-inputs rule belongs to the space black-box search samples, not to training: DARTS's
     * network builds a node fed twice by one state, or an edge of {@code none}.
     */
    @Test
    void aGenotypeOutsideTheSampledSpaceStillTrains() throws Exception {
        String twice = SEARCHED.replace("[ \"sep_conv_5x5\", 1 ], [ \"dil_conv_5x5\", 0 ]",
                "[ \"sep_conv_5x5\", 1 ], [ \"none\", 1 ]");
        assertTrue(!twice.equals(SEARCHED));
        Path file = Files.writeString(tmp.resolve("twice.json"), twice);
        Cli r = Cli.run("train", "--genotype", file.toString(), "--dry-run", "--json", "-C", "4", "--cells", "3");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Json.PRETTY.readTree(r.out()).get("weights").asLong() > 0);
    }

    @Test
    void aGenotypeWrittenBySearchIsAccepted() throws Exception {
        Path run = Files.createDirectories(tmp.resolve("search-run"));
        Path file = Files.writeString(run.resolve("genotype.json"), SEARCHED);
        for (String given : List.of(file.toString(), run.toString())) {
            Cli r = Cli.run("train", "--genotype", given, "--dry-run", "--json", "-C", "4", "--cells", "3");
            assertEquals(0, r.exitCode(), r.err());
            JsonNode summary = Json.PRETTY.readTree(r.out());
            assertEquals(given, summary.get("genotype").asText());
            assertTrue(summary.get("weights").asLong() > 0);
        }
    }

    @Test
    void badGenotypesAreOneLineUserErrorsNamingThem() throws Exception {
        Path broken = Files.writeString(tmp.resolve("broken.json"), SEARCHED.replace("sep_conv_5x5", "conv_9x9"));
        String badOp = Cli.userError("train", "--genotype", broken.toString(), "--dry-run");
        assertTrue(badOp.contains(broken.toString()) && badOp.contains("'conv_9x9'"), badOp);
        Path invalid = Files.writeString(tmp.resolve("invalid.json"), "{\"normal\": [[\"sep_conv_3x3\", 0]");
        String badJson = Cli.userError("train", "--genotype", invalid.toString(), "--dry-run");
        assertTrue(badJson.contains("bad genotype file " + invalid), badJson);
        String missing = Cli.userError("train", "--genotype", tmp.resolve("nowhere.json").toString(), "--dry-run");
        assertTrue(missing.contains("nowhere.json"), missing);
        String unknown = Cli.userError("train", "--genotype", "darts-v9", "--dry-run");
        assertTrue(unknown.contains("unknown genotype 'darts-v9'"), unknown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--epochs", "--batch-size", "--channels", "--cells"})
    void aZeroSizeIsAOneLineUserError(String option) {
        String error = Cli.userError("train", option, "0", "--output", tmp.resolve("x").toString());
        assertTrue(error.contains("must be positive, got 0"), error);
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void badSettingsAreOneLineUserErrors() {
        assertTrue(Cli.userError("train", "--drop-path", "1.5", "--dry-run").contains("drop-path"));
        assertTrue(Cli.userError("train", "--cutout", "-1", "--dry-run").contains("cutout"));
        assertTrue(Cli.userError("train", "--batch-size", "1", "--dry-run").contains("at least 2"));
        assertTrue(Cli.userError("train", "--dataset", "imagenet", "--dry-run").contains("unknown dataset 'imagenet'"));
        assertEquals(0, Cli.run("train", "--help").exitCode());
    }
}
