package dev.jnas.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnas.api.space.CellSpace;
import dev.jnas.api.space.Genotype;
import dev.jnas.api.space.Nb201Cell;
import dev.jnas.platform.run.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code jnas search} in-process: the dry run's fidelity, a tiny real search, and bad input. */
class SearchCommandTest {

    @TempDir
    Path tmp;

    /** Weight counts of the DARTS reference search network (model_search.Network) for these sizes. */
    @ParameterizedTest
    @CsvSource({
        "cifar10, 16, 8, 1930618",
        "fashion-mnist, 16, 8, 1929754",
        "fashion-mnist, 8, 5, 393778",
        "fashion-mnist, 4, 3, 72638",
    })
    void dryRunCountsTheReferenceWeights(String dataset, int channels, int cells, long weights) throws Exception {
        Cli r = Cli.run("search", "--dry-run", "--json", "--dataset", dataset, "-C", "" + channels,
                "--cells", "" + cells);
        assertEquals(0, r.exitCode(), r.err());
        JsonNode summary = Json.PRETTY.readTree(r.out());
        assertEquals(weights, summary.get("weights").asLong());
        assertEquals(2 * 14 * 8, summary.get("alphas").asLong());
        assertEquals(cells, summary.get("cells").asInt());
        assertEquals(14, summary.get("edges").asInt());
        assertEquals(CellSpace.DARTS_PRIMITIVES.size(), summary.get("operations").size());
        assertEquals(List.of(cells / 3, 2 * cells / 3),
                List.of(summary.get("reduction_cells").get(0).asInt(), summary.get("reduction_cells").get(1).asInt()));
    }

    @Test
    void dryRunNeedsNoDataFiles() {
        Cli r = Cli.run("search", "--dry-run", "--dataset", "cifar10", "--data-dir", tmp.resolve("absent").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("1,930,618 weights"), r.out());
    }

    @Test
    void tinySearchWritesARunDirectory() throws Exception {
        Path out = tmp.resolve("run");
        Cli r = Cli.run("search", "--epochs", "2", "--batch-size", "16", "-C", "2", "--cells", "3",
                "--train-limit", "96", "--seed", "7", "--output", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
        assertEquals(2, lines.size());
        JsonNode last = Json.PRETTY.readTree(lines.get(1));
        assertEquals(2, last.get("epoch").asInt());
        for (String field : List.of("train_loss", "train_accuracy", "valid_loss", "valid_accuracy", "elapsed_seconds")) {
            assertTrue(last.get(field).isNumber(), field + " in " + lines.get(1).substring(0, 200));
        }
        JsonNode normal = last.get("alphas").get("normal");
        assertEquals(14, normal.size());
        assertEquals(8, normal.get(0).size());
        double rowSum = 0;
        for (JsonNode w : normal.get(0)) {
            rowSum += w.asDouble();
        }
        assertEquals(1.0, rowSum, 1e-5);
        Genotype genotype = Json.read(out.resolve("genotype.json"), Genotype.class, "genotype")
                .validate(CellSpace.DARTS_PRIMITIVES);
        assertEquals(Json.PRETTY.treeToValue(last.get("genotype"), Genotype.class), genotype);
        assertFalse(genotype.normal().stream().anyMatch(e -> e.op().equals("none")));
        JsonNode config = Json.PRETTY.readTree(out.resolve("config.json").toFile());
        assertEquals(7, config.get("settings").get("seed").asInt());
        assertEquals(2, config.get("settings").get("epochs").asInt());
        assertTrue(config.get("versions").has("djl"));
        assertTrue(Files.exists(out.resolve("jnas.log")));
        assertTrue(r.err().contains("epoch 2/2"), r.err());
        assertFalse(r.err().contains("INFO"), "library logs leaked to the terminal:\n" + r.err());
    }

    /**
     * A tiny DARTS search of NAS-Bench-201's space: α per epoch for the one cell type, the derived
     * cell (a valid benchmark cell, {@code none} allowed) and its CIFAR-10 test accuracy from the table.
     */
    @Test
    void tinyNb201SearchDerivesACellAndLooksItUp() throws Exception {
        Path out = tmp.resolve("nb201");
        Cli r = Cli.run("search", "--space", "nb201", "--epochs", "1", "--batch-size", "8", "-C", "2", "--cells", "1",
                "--train-limit", "48", "--seed", "4", "--output", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
        assertEquals(1, lines.size());
        JsonNode epoch = Json.PRETTY.readTree(lines.get(0));
        assertEquals(List.of("cell"), List.copyOf(iterable(epoch.get("alphas").fieldNames())));
        assertEquals(Nb201Cell.EDGES, epoch.get("alphas").get("cell").size());
        assertEquals(Nb201Cell.OPERATIONS.size(), epoch.get("alphas").get("cell").get(0).size());
        assertTrue(epoch.get("genotype").isNull(), lines.get(0));
        Nb201Cell cell = Nb201Cell.parse(epoch.get("architecture").asText());
        assertEquals(cell.format(), r.out().strip());

        JsonNode record = Json.PRETTY.readTree(out.resolve("architecture.json").toFile());
        assertEquals("nb201", record.get("space").asText());
        assertEquals(cell.format(), record.get("architecture").asText());
        double accuracy = record.get("table_test_accuracy").asDouble();
        assertEquals(tableTestAccuracy(cell), accuracy, 1e-9);
        assertTrue(r.err().contains(String.format(java.util.Locale.ROOT,
                "jnas: NAS-Bench-201 table: CIFAR-10 test accuracy %.2f%% for %s", accuracy, cell.format())), r.err());
        assertFalse(Files.exists(out.resolve("genotype.json")));
        JsonNode config = Json.PRETTY.readTree(out.resolve("config.json").toFile());
        assertEquals("nb201", config.get("settings").get("space").asText());
        assertEquals(1, config.get("settings").get("cells").asInt());
    }

    private static <T> List<T> iterable(java.util.Iterator<T> items) {
        List<T> list = new java.util.ArrayList<>();
        items.forEachRemaining(list::add);
        return list;
    }

    /** The table's {@code c10_test_acc_mean} of a cell, read from the shipped CSV. */
    private static double tableTestAccuracy(Nb201Cell cell) throws Exception {
        Path table = Path.of(System.getProperty("jnas.home"), "data", "nasbench201", "nb201.csv");
        List<String> rows = Files.readAllLines(table);
        List<String> header = List.of(rows.get(0).split(","));
        for (String row : rows.subList(1, rows.size())) {
            String[] fields = row.split(",");
            if (fields[header.indexOf("arch_str")].equals(cell.format())) {
                return Double.parseDouble(fields[header.indexOf("c10_test_acc_mean")]);
            }
        }
        throw new AssertionError("not in the table: " + cell);
    }

    @Test
    void anUnknownSpaceIsAUserError() {
        Cli r = Cli.run("search", "--space", "nb101", "--dry-run");
        assertEquals(2, r.exitCode());
        assertTrue(r.errorLine().contains("unknown space 'nb101'") && r.errorLine().contains("nb201"), r.err());
    }

    @ParameterizedTest
    @CsvSource({
        "--epochs, 0, epochs",
        "--batch-size, 0, batch size",
        "--channels, 0, channels",
        "--cells, 0, cells",
        "--epochs, -1, epochs",
        "--batch-size, -16, batch size",
        "--channels, -3, channels",
        "-C, -3, channels",
        "--cells, -8, cells",
    })
    void nonPositiveSizesAreUserErrors(String option, String value, String name) {
        String line = Cli.userError("search", option, value, "--output", tmp.resolve("x").toString());
        assertEquals("jnas: " + name + " must be positive, got " + value, line);
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void verboseShowsTheStackTraceOfAUserError() {
        String line = Cli.userError("search", "--epochs", "-1", "--output", tmp.resolve("x").toString());
        Cli verbose = Cli.run("search", "--verbose", "--epochs", "-1", "--output", tmp.resolve("x").toString());
        assertEquals(2, verbose.exitCode());
        List<String> lines = verbose.err().strip().lines().toList();
        assertEquals(line, lines.get(0));
        assertTrue(lines.size() > 1 && lines.get(1).contains("JnasException"), verbose.err());
        assertTrue(lines.stream().anyMatch(l -> l.strip().startsWith("at dev.jnas.")), verbose.err());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void anUnknownRegularizerIsAUserErrorNamingIt() {
        String line = Cli.userError("search", "--regularizer", "nosuch", "--output", tmp.resolve("x").toString());
        assertTrue(line.startsWith("jnas: unknown regularizer 'nosuch' (known: "), line);
        assertFalse(Files.exists(tmp.resolve("x")), "a failed start must not leave a run directory");
        // a dry run checks the ids it would run with too
        assertEquals(line, Cli.userError("search", "--dry-run", "--regularizer", "nosuch"));
        assertTrue(Cli.userError("search", "--dry-run", "--estimator", "nosuch")
                .startsWith("jnas: unknown hypergradient estimator 'nosuch'"));
    }

    @Test
    void unknownIdsAreUserErrorsNamingTheKnownOnes() {
        Cli strategy = Cli.run("search", "--strategy", "nope", "--output", tmp.resolve("x").toString());
        assertEquals(2, strategy.exitCode());
        assertTrue(strategy.errorLine().contains("unknown strategy 'nope'"), strategy.err());
        assertTrue(strategy.errorLine().contains("darts"), strategy.err());
        Cli estimator = Cli.run("search", "--estimator", "zeroth", "--output", tmp.resolve("x").toString());
        assertEquals(2, estimator.exitCode());
        assertTrue(estimator.errorLine().contains("'zeroth'"), estimator.err());
        Cli sampler = Cli.run("search", "--strategy", "random", "--output", tmp.resolve("x").toString());
        assertEquals(2, sampler.exitCode());
        assertTrue(sampler.errorLine().contains("reproduce nb201"), sampler.err());
        assertFalse(Files.exists(tmp.resolve("x")));
        Cli dataset = Cli.run("search", "--dataset", "mnist-digits");
        assertEquals(2, dataset.exitCode());
        assertTrue(dataset.errorLine().contains("unknown dataset 'mnist-digits'"), dataset.err());
    }

    @Test
    void missingAndCorruptDataAreUserErrorsNamingTheFile() throws Exception {
        Cli missing = Cli.run("search", "--data-dir", tmp.resolve("nowhere").toString(), "--output",
                tmp.resolve("a").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.errorLine().contains("nowhere"), missing.err());
        Path dir = Files.createDirectories(tmp.resolve("corrupt"));
        for (String name : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte")) {
            Files.write(dir.resolve(name), new byte[] {0, 0, 9, 9, 1, 2, 3});
        }
        Cli corrupt = Cli.run("search", "--data-dir", dir.toString(), "--output", tmp.resolve("b").toString());
        assertEquals(2, corrupt.exitCode());
        assertTrue(corrupt.errorLine().contains("train-images-idx3-ubyte"), corrupt.err());
        assertFalse(Files.exists(tmp.resolve("b")), "a failed start must not leave a run directory");
    }

    @Test
    void anUnwritableOutputIsAUserError() throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "not a directory");
        Cli r = Cli.run("search", "--epochs", "1", "--train-limit", "64", "--output", file.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.errorLine().contains(file.toString()), r.err());
        assertEquals("not a directory", Files.readString(file));

        Path under = file.resolve("run");
        Cli below = Cli.run("search", "--epochs", "1", "--train-limit", "64", "--output", under.toString());
        assertEquals(2, below.exitCode());
        assertTrue(below.errorLine().contains("output directory " + under + " cannot be written"), below.err());
        assertEquals("not a directory", Files.readString(file));
    }

    @Test
    void anExistingRunIsNeverOverwritten() throws Exception {
        Path run = Files.createDirectories(tmp.resolve("old"));
        Files.writeString(run.resolve("metrics.jsonl"), "{\"epoch\":1}\n");
        Cli r = Cli.run("search", "--epochs", "1", "--train-limit", "64", "--output", run.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.errorLine().contains("already holds a run"), r.err());
        assertEquals("{\"epoch\":1}\n", Files.readString(run.resolve("metrics.jsonl")));
    }

    @Test
    void badOptionsAreOneLineUserErrors() {
        Cli unknown = Cli.run("search", "--frobnicate");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.errorLine().contains("--frobnicate"), unknown.err());
        Cli notANumber = Cli.run("search", "--epochs", "many");
        assertEquals(2, notANumber.exitCode());
        assertTrue(notANumber.errorLine().contains("many"), notANumber.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("search", "plugins", "bench")) {
            Cli r = Cli.run(command, "--help");
            assertEquals(0, r.exitCode(), command);
            assertTrue(r.out().contains("Usage: jnas " + command), r.out());
        }
        assertEquals(0, Cli.run("--help").exitCode());
    }
}
