package dev.jnas.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnas.api.space.DartsSpace;
import dev.jnas.api.space.Nb201Cell;
import dev.jnas.platform.run.Json;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code jnas compare} in-process, with its searches, trial workers and trainings in child
 * processes, on a few images of the embedded sample.
 */
class CompareCommandTest {

    @TempDir
    Path tmp;

    @Test
    void comparesDartsWithBlackBoxSearchUnderTheDartsBudget() throws Exception {
        Path out = tmp.resolve("cmp");
        Cli r = Cli.run("compare", "--strategies", "darts,random", "--seeds", "1", "--search-epochs", "1",
                "--train-epochs", "1", "--train-limit", "64", "--workers", "2", "-O", "train.channels=2",
                "-O", "train.cells=3", "--output", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Test accuracy (%) after the common training"), r.out());

        List<String> results = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(3, results.size(), results.toString());
        assertTrue(results.get(1).startsWith("darts,0,"), results.get(1));
        assertTrue(results.get(2).startsWith("random,0,"), results.get(2));
        JsonNode compare = Json.PRETTY.readTree(out.resolve("compare.json").toFile());
        JsonNode darts = compare.get("runs").get(0);
        JsonNode random = compare.get("runs").get(1);
        // the black-box budget is what the DARTS search took, and the rule never lets a run spend more
        assertTrue(random.get("search_seconds").asDouble() <= darts.get("search_seconds").asDouble(), compare.toString());
        assertTrue(random.get("evaluations").asInt() >= 1);
        for (JsonNode run : compare.get("runs")) {
            double test = run.get("test_accuracy").asDouble();
            assertTrue(test >= 0 && test <= 100, run.toString());
            assertTrue(run.get("weights").asLong() > 0, run.toString());
            assertEquals("darts", run.get("architecture").get("space").asText());
            DartsSpace.INSTANCE.parse(Json.line(run.get("architecture").get("genotype")));
        }
        List<String> trials = Files.readAllLines(out.resolve("random-seed0").resolve("trials.jsonl"));
        assertEquals(random.get("evaluations").asInt(), trials.size());
        assertTrue(Files.isRegularFile(out.resolve("random-seed0").resolve("final").resolve("result.json")));
        assertTrue(Files.isRegularFile(out.resolve("darts-seed0").resolve("genotype.json")));

        List<String> anytime = Files.readAllLines(out.resolve("anytime.csv"));
        assertEquals("strategy,seed,cost_seconds,accuracy", anytime.get(0));
        assertEquals(1 + 1 + trials.size(), anytime.size(), "one point per DARTS epoch and per trial");
        assertEquals(2, Files.readAllLines(out.resolve("summary.csv")).size() - 1);
        BufferedImage plot = ImageIO.read(out.resolve("anytime.png").toFile());
        assertNotNull(plot);
        assertTrue(plot.getWidth() > 100 && plot.getHeight() > 100);
        JsonNode config = Json.PRETTY.readTree(out.resolve("config.json").toFile());
        assertEquals("compare", config.get("command").asText());
        assertEquals("2", config.get("proxy_training").get("channels").asText());
    }

    @Test
    void comparesInTheNasBench201SpaceToo() throws Exception {
        Path out = tmp.resolve("nb201");
        Cli r = Cli.run("compare", "--space", "nb201", "--strategies", "darts,evolution", "--seeds", "1",
                "--search-epochs", "1", "--train-epochs", "1", "--train-limit", "64", "--workers", "2",
                "-O", "train.channels=2", "-O", "train.cells=1", "-O", "evolution.population=2", "--output",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode compare = Json.PRETTY.readTree(out.resolve("compare.json").toFile());
        assertEquals(2, compare.get("runs").size());
        for (JsonNode run : compare.get("runs")) {
            JsonNode architecture = run.get("architecture");
            assertEquals("nb201", architecture.get("space").asText(), run.toString());
            Nb201Cell cell = Nb201Cell.parse(architecture.get("cell").asText());
            long weightFree = cell.ops().stream().filter(ComparisonReport.WEIGHT_FREE::contains).count();
            assertEquals(weightFree, run.get("weight_free_edges_normal").asLong());
            assertTrue(run.get("weight_free_edges_reduce").isNull(), "a NAS-Bench-201 cell has no reduction cell");
            JsonNode trained = Json.PRETTY.readTree(out.resolve(run.get("strategy").asText() + "-seed0")
                    .resolve("final").resolve("config.json").toFile());
            assertEquals(cell.format(), trained.get("cell").asText(), "the common training trains the cell found");
            assertEquals("nb201", trained.get("settings").get("space").asText());
        }
        JsonNode darts = Json.PRETTY.readTree(out.resolve("darts-seed0").resolve("config.json").toFile());
        assertEquals("nb201", darts.get("settings").get("space").asText());
        String trial = Files.readAllLines(out.resolve("evolution-seed0").resolve("trials.jsonl")).get(0);
        Nb201Cell.parse(Json.COMPACT.readTree(trial).get("architecture").asText());
        assertEquals("nb201", Json.PRETTY.readTree(out.resolve("config.json").toFile()).get("space").asText());
    }

    @Test
    void anImagesBudgetIsChargedTheImagesOfTheProxyTrainings() throws Exception {
        Path out = tmp.resolve("images");
        // 64 images: 32 train the proxy networks for one epoch, so each trial processes 32 images
        Cli r = Cli.run("compare", "--strategies", "random", "--seeds", "1", "--budget", "100", "--budget-unit",
                "images", "--train-epochs", "1", "--train-limit", "64", "--workers", "1", "-O", "train.channels=2",
                "-O", "train.cells=3", "--output", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode random = Json.PRETTY.readTree(out.resolve("compare.json").toFile()).get("runs").get(0);
        assertEquals(3, random.get("evaluations").asInt(), random.toString());
        assertEquals(96, random.get("search_images").asLong(), random.toString());
        List<String> trials = Files.readAllLines(out.resolve("random-seed0").resolve("trials.jsonl"));
        assertEquals(3, trials.size());
        assertEquals(32, Json.COMPACT.readTree(trials.get(0)).get("spent_images").asLong());
        List<String> anytime = Files.readAllLines(out.resolve("anytime.csv"));
        assertEquals("strategy,seed,cost_images,accuracy", anytime.get(0));
        assertTrue(anytime.get(3).startsWith("random,0,96.000,"), anytime.toString());
        assertEquals("images", Json.PRETTY.readTree(out.resolve("config.json").toFile()).get("budget_unit").asText());
    }

    @Test
    void severalSeedsOfEvolutionAndReinforceGiveMeanAndSpread() throws Exception {
        Path out = tmp.resolve("seeds");
        // each trial trains on 32 images: a budget of 64 images is two trials per run
        Cli r = Cli.run("compare", "--strategies", "evolution,reinforce", "--seeds", "2", "--budget", "64",
                "--budget-unit", "images", "--train-epochs", "1", "--train-limit", "64", "--workers", "1",
                "-O", "train.channels=2", "-O", "train.cells=3", "-O", "evolution.population=1",
                "--output", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode compare = Json.PRETTY.readTree(out.resolve("compare.json").toFile());
        assertEquals(4, compare.get("runs").size(), compare.toString());
        for (JsonNode summary : compare.get("summary")) {
            String strategy = summary.get("strategy").asText();
            List<Double> accuracies = new java.util.ArrayList<>();
            for (JsonNode run : compare.get("runs")) {
                if (run.get("strategy").asText().equals(strategy)) {
                    assertEquals(2, run.get("evaluations").asInt(), run.toString());
                    accuracies.add(run.get("test_accuracy").asDouble());
                }
            }
            assertEquals(2, accuracies.size(), strategy);
            double mean = (accuracies.get(0) + accuracies.get(1)) / 2;
            assertEquals(2, summary.get("runs").asInt());
            assertEquals(mean, summary.get("test_accuracy_mean").asDouble(), 1e-9, strategy);
            assertEquals(Math.abs(accuracies.get(0) - accuracies.get(1)) / 2,
                    summary.get("test_accuracy_std").asDouble(), 1e-9, strategy + ": the spread over seeds");
        }
        List<String> anytime = Files.readAllLines(out.resolve("anytime.csv"));
        assertEquals(1 + 4 * 2, anytime.size(), "one point per trial of each run");
        assertTrue(anytime.stream().anyMatch(l -> l.startsWith("reinforce,1,")), anytime.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--strategies=random                     | without darts among the strategies, --budget AMOUNT is required",
        "--strategies=foo --budget=5             | unknown strategy 'foo' (known: darts, evolution, random, reinforce)",
        "--seeds=0                               | seeds must be positive, got 0",
        "--budget=0                              | budget must be a positive number of seconds, got 0.0",
        "--budget=-5 --budget-unit=images        | budget must be a positive number of images, got -5.0",
        "--workers=0                             | workers must be positive, got 0",
        "--space=nas101 --budget=5               | unknown space 'nas101' (known: darts, nb201)",
        "-O=train.foo=1                          | unknown option 'train.foo' (known: train.batch-size, train.cells, "
                + "train.channels, train.epochs, train.learning-rate)",
        "-O=train.cells=2                        | option train.cells must be at least 3, got 2",
        "-O=evolution.population=0               | option evolution.population must be at least 1, got 0",
        "-O=foo.x=1                              | option 'foo.x': 'foo' is none of this run's strategies and evaluator "
                + "(evolution, reinforce, random, train)",
    })
    void badInputIsOneLineAndExitCodeTwo(String args, String message) {
        Path out = tmp.resolve("never");
        String[] split = args.strip().split(" ");
        String[] all = new String[split.length + 2];
        System.arraycopy(split, 0, all, 1, split.length);
        all[0] = "compare";
        all[all.length - 1] = "--output=" + out;
        Cli r = Cli.run(all);
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("jnas: " + message, r.err().strip());
        assertFalse(Files.exists(out), "nothing written for bad input");
    }
}
