package dev.jnas.strategies.nb201;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.Nb201Cell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped NAS-Bench-201 table: consistent with the cell type, known values, and bad files refused. */
class Nb201TableTest {

    static final Path CSV = Path.of(System.getProperty("basedir", "."))
            .resolve("../data/nasbench201/nb201.csv").normalize();

    static List<String> lines;
    static Nb201Table table;

    @TempDir
    Path tmp;

    @BeforeAll
    static void read() throws IOException {
        lines = Files.readAllLines(CSV);
        table = Nb201Table.embedded();
    }

    @Test
    void everyRowsStringParsesAndFormatsBackAndAgreesWithItsOpsCodeAndIndex() {
        List<String> header = List.of(lines.get(0).split(","));
        int arch = header.indexOf("arch_str");
        int code = header.indexOf("ops_code");
        int idx = header.indexOf("index");
        assertEquals(Nb201Table.ROWS + 1, lines.size());
        for (int row = 0; row < Nb201Table.ROWS; row++) {
            String[] fields = lines.get(row + 1).split(",");
            Nb201Cell cell = Nb201Cell.parse(fields[arch]);
            assertEquals(fields[arch], cell.format(), "row " + row);
            assertEquals(fields[code], cell.opsCode(), "row " + row);
            assertEquals(cell, Nb201Cell.fromOpsCode(fields[code]), "row " + row);
            assertEquals(row, Integer.parseInt(fields[idx]));
            assertEquals(row, table.index(cell));
            assertEquals(cell, table.cell(row));
        }
    }

    @Test
    void knownValues() {
        Nb201Cell best = table.cell(6111);
        assertEquals("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|",
                best.format());
        assertEquals(94.37, table.testAccuracy(6111), 0.005);
        assertEquals(91.61, table.validAccuracy(6111), 0.005);
        Nb201Cell allSkip = Nb201Cell.fromOpsCode("111111");
        assertEquals(1835, table.index(allSkip));
        assertEquals(54.30, table.testAccuracy(1835), 0.005);
        int bestTest = 0;
        int bestValid = 0;
        for (int i = 0; i < Nb201Table.ROWS; i++) {
            bestTest = table.testAccuracy(i) > table.testAccuracy(bestTest) ? i : bestTest;
            bestValid = table.validAccuracy(i) > table.validAccuracy(bestValid) ? i : bestValid;
        }
        assertEquals(6111, bestTest);
        assertEquals(6111, bestValid);
        assertArrayEquals(new double[] {82.09199998291015, 81.61599997314453, 82.24000001464844},
                table.validAccuracies(0));
        assertEquals(1444.2185997962952, table.trainSeconds(0));
    }

    @Test
    void aTableFileReadsLikeTheEmbeddedOne() {
        Nb201Table file = Nb201Table.read(CSV);
        assertEquals(CSV.toString(), file.source());
        assertEquals(table.cells(), file.cells());
        assertEquals(table.testAccuracy(42), file.testAccuracy(42));
    }

    @Test
    void aMissingColumnIsNamed() throws IOException {
        Path bad = write(lines -> lines.set(0, lines.get(0).replace("c10_test_acc_mean", "c10_test")));
        assertMessage(bad, "bad NAS-Bench-201 table " + bad + " line 1: missing column 'c10_test_acc_mean'");
    }

    @Test
    void aBadNumberNamesTheLineAndColumn() throws IOException {
        Path bad = write(lines -> lines.set(3, replaceField(lines.get(0), lines.get(3), "c10_test_acc_mean", "93.6x")));
        assertMessage(bad, "bad NAS-Bench-201 table " + bad + " line 4: column c10_test_acc_mean: not a number: '93.6x'");
        bad = write(lines -> lines.set(8, replaceField(lines.get(0), lines.get(8), "train_time_200ep_c10valid_s", "NaN")));
        assertMessage(bad, "bad NAS-Bench-201 table " + bad + " line 9: column train_time_200ep_c10valid_s: "
                + "not a number: 'NaN'");
        bad = write(lines -> lines.set(5, replaceField(lines.get(0), lines.get(5), "c10valid_valid_acc_seeds", "90.1;90.2")));
        assertMessage(bad, "line 6: c10valid_valid_acc_seeds has 2 value(s) but n_seeds is 3");
    }

    @Test
    void aWrongRowCountIsRefused() throws IOException {
        Path bad = write(lines -> lines.remove(lines.size() - 1));
        assertMessage(bad, "bad NAS-Bench-201 table " + bad + ": 15624 rows, expected 15625");
        bad = write(lines -> lines.add(lines.get(1)));
        assertMessage(bad, "line 15627: more than 15625 rows");
        bad = write(lines -> lines.subList(1, lines.size()).clear());
        assertMessage(bad, ": 0 rows, expected 15625");
    }

    @Test
    void inconsistentRowsAreRefused() throws IOException {
        Path bad = write(lines -> lines.set(2, lines.get(2).replace("334131", "334132")));
        assertMessage(bad, "line 3: ops_code '334132' disagrees with arch_str (334131)");
        bad = write(lines -> lines.set(2, lines.get(2).replace("|nor_conv_3x3~0|+", "|nor_conv_5x5~0|+")));
        assertMessage(bad, "line 3: not a NAS-Bench-201 cell: '|nor_conv_5x5~0|+");
        bad = write(lines -> lines.set(2, lines.get(2).replaceFirst("^1,", "2,")));
        assertMessage(bad, "line 3: index 2 out of order (expected 1)");
        bad = write(lines -> lines.set(3, "2," + lines.get(2).substring(2)));
        assertMessage(bad, "line 4: cell |nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|"
                + "nor_conv_3x3~1|skip_connect~2| already listed at index 1");
        bad = write(lines -> lines.set(7, lines.get(7).substring(0, lines.get(7).lastIndexOf(','))));
        assertMessage(bad, "line 8: 14 fields, the header has 15");
    }

    @Test
    void aMissingFileIsNamed() {
        Path absent = tmp.resolve("absent.csv");
        assertEquals("NAS-Bench-201 table file not found: " + absent,
                assertThrows(JnasException.class, () -> Nb201Table.read(absent)).getMessage());
    }

    /** A copy of the shipped table with one edit, in a new file. */
    private Path write(Consumer<List<String>> edit) throws IOException {
        List<String> copy = new ArrayList<>(lines);
        edit.accept(copy);
        Path file = Files.createTempFile(tmp, "nb201", ".csv");
        Files.write(file, copy);
        return file;
    }

    /** {@code line} with the field of {@code column} (as named in {@code header}) replaced. */
    static String replaceField(String header, String line, String column, String value) {
        List<String> names = List.of(header.split(","));
        String[] fields = line.split(",", -1);
        fields[names.indexOf(column)] = value;
        return String.join(",", fields);
    }

    private static void assertMessage(Path file, String expected) {
        JnasException e = assertThrows(JnasException.class, () -> Nb201Table.read(file));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
