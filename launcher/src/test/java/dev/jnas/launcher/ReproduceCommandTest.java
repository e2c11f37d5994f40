package dev.jnas.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jnas.api.space.Nb201Cell;
import dev.jnas.platform.run.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code jnas reproduce nb201} in-process: the table it prints, its files, and bad input. */
class ReproduceCommandTest {

    @TempDir
    Path tmp;

    @Test
    void printsEachStrategyBesideThePublishedResult() {
        Cli r = Cli.run("reproduce", "nb201", "--seeds", "5");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("NAS-Bench-201, CIFAR-10 test accuracy (%)"), r.out());
        assertTrue(lines.get(0).contains("5 seed(s), 12000 s simulated budget"), r.out());
        assertTrue(lines.get(2).matches("evolution +5 .* ± .*93\\.92 ± 0\\.30 \\(REA\\)"), lines.get(2));
        assertTrue(lines.get(3).matches("reinforce +5 .* ± .*93\\.85 ± 0\\.37 \\(REINFORCE\\)"), lines.get(3));
        assertTrue(lines.get(4).matches("random +5 .* ± .*93\\.70 ± 0\\.36 \\(RS\\)"), lines.get(4));
        assertTrue(lines.get(5).contains("200-epoch validation accuracy"), r.out());
        assertTrue(r.err().contains("jnas: random: 5 runs"), r.err());
    }

    @Test
    void writesJsonAndCsv() throws Exception {
        Path json = tmp.resolve("runs.json");
        Cli r = Cli.run("reproduce", "nb201", "--seeds", "3", "--strategies", "random,evolution", "--json",
                "--budget", "3000", "-O", "evolution.population=5", "--output", json.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode summary = Json.PRETTY.readTree(r.out());
        assertEquals(3000.0, summary.get("budget_seconds").asDouble());
        assertEquals("random", summary.get("strategies").get(0).get("strategy").asText());
        assertEquals(3, summary.get("strategies").get(1).get("runs").asInt());
        assertEquals(93.70, summary.get("strategies").get(0).get("published_mean").asDouble());
        JsonNode written = Json.PRETTY.readTree(json.toFile());
        assertEquals(6, written.get("runs").size());
        JsonNode run = written.get("runs").get(5);
        assertEquals("evolution", run.get("strategy").asText());
        Nb201Cell.parse(run.get("architecture").asText());
        assertEquals(run.get("trials").asInt(), run.get("history").size());
        assertTrue(run.get("spent_seconds").asDouble() <= 3000);

        Path csv = tmp.resolve("runs.csv");
        r = Cli.run("reproduce", "nb201", "--seeds", "2", "--strategies", "reinforce", "--output", csv.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("strategy,seed,architecture,reward,test_accuracy,evaluations,spent_seconds", rows.get(0));
        assertEquals(3, rows.size());
        assertTrue(rows.get(2).startsWith("reinforce,1,\"|"), rows.get(2));
    }

    @Test
    void theSameSeedsGiveTheSameNumbers() {
        Cli a = Cli.run("reproduce", "nb201", "--seeds", "4", "--strategies", "reinforce", "--json");
        Cli b = Cli.run("reproduce", "nb201", "--seeds", "4", "--strategies", "reinforce", "--json");
        assertEquals(0, a.exitCode(), a.err());
        assertEquals(a.out(), b.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--strategies=foo           | unknown strategy 'foo' (known: darts, evolution, random, reinforce)",
        "--evaluator=foo            | unknown evaluator 'foo' (known: nb201-table, train)",
        "--space=nb101              | unknown space 'nb101' (known: darts, nb201)",
        "--space=darts              | evaluator nb201-table evaluates only the nb201 space, not 'darts'",
        "--budget=0                 | budget must be a positive number of seconds, got 0.0",
        "--budget=-5                | budget must be a positive number of seconds, got -5.0",
        "--budget=20                | a budget of 20 s does not cover a single evaluation of nb201-table",
        "--seeds=0                  | seeds must be positive, got 0",
        "--option=evolution=3       | option 'evolution' must be written ID.KEY=VALUE",
        "--option=evolution.size=3  | unknown option 'evolution.size' (known: evolution.population, evolution.sample-size)",
        "--option=bohb.eta=3        | option 'bohb.eta': 'bohb' is none of this run's strategies and evaluator",
        "--strategies=darts         | only sample-based strategies (random, evolution, reinforce) can run here",
        "--output=/nonexistent/x.csv | cannot write /nonexistent/x.csv: no folder /nonexistent",
    })
    void badInputIsOneLineAndExitCodeTwo(String option, String message) {
        Cli r = option.startsWith("--seeds") ? Cli.run("reproduce", "nb201", option.strip())
                : Cli.run("reproduce", "nb201", "--seeds", "2", option.strip());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.errorLine().contains(message.strip()), r.err());
    }

    @Test
    void aMalformedTableFileIsNamed() throws Exception {
        Path table = tmp.resolve("nb201.csv");
        Files.writeString(table, "index,arch_str,ops_code,c10valid_valid_acc_seeds,n_seeds,c10_test_acc_mean,"
                + "train_time_200ep_c10valid_s\n0,|nor_conv_3x3~0|+|none~0|,0,1,1,1,1\n");
        Cli r = Cli.run("reproduce", "nb201", "--seeds", "2", "--table", table.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.errorLine().startsWith("jnas: bad NAS-Bench-201 table " + table.toAbsolutePath()
                + " line 2: not a NAS-Bench-201 cell: '|nor_conv_3x3~0|+|none~0|'"), r.err());
        r = Cli.run("reproduce", "nb201", "--table", tmp.resolve("absent.csv").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.errorLine().contains("NAS-Bench-201 table file not found"), r.err());
    }

    @Test
    void reproduceAloneListsItsSubcommands() {
        Cli r = Cli.run("reproduce");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("nb201"), r.out());
    }
}
