package dev.jnas.strategies.nb201;

import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.Nb201Cell;
import dev.jnas.api.space.Nb201Space;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The NAS-Bench-201 table: for each of the 15,625 cells, in the benchmark's index order, its
 * cifar10-valid validation accuracy per training seed, its CIFAR-10 test accuracy and the time
 * its 200-epoch cifar10-valid training took. Read from the CSV shipped with jnas
 * ({@code data/nasbench201/nb201.csv}) or any file with the same columns.
 *
 * <p>Reading checks everything a lookup relies on and stops at the first problem with a one-line
 * {@link JnasException} naming the file and line: a missing column, a short row, a number that is
 * not one, a per-seed list whose length is not {@code n_seeds}, an {@code arch_str} that does not
 * parse or disagrees with {@code ops_code}, an index out of order, a cell listed twice, or a row
 * count other than 15,625.
 */
public final class Nb201Table {

    /** Cells in the space, hence rows in a table. */
    public static final int ROWS = Nb201Space.INSTANCE.size();

    /** The classpath location of the table shipped with jnas. */
    static final String RESOURCE = "/dev/jnas/data/nasbench201/nb201.csv";

    static final List<String> COLUMNS = List.of("index", "arch_str", "ops_code", "c10valid_valid_acc_seeds",
            "n_seeds", "c10_test_acc_mean", "train_time_200ep_c10valid_s");

    private final String source;
    private final Nb201Cell[] cells = new Nb201Cell[ROWS];
    private final double[][] validSeeds = new double[ROWS][];
    private final double[] test = new double[ROWS];
    private final double[] trainSeconds = new double[ROWS];
    private final int[] indexByOrdinal = new int[ROWS];

    private Nb201Table(String source) {
        this.source = source;
        Arrays.fill(indexByOrdinal, -1);
    }

    /** The table shipped with jnas. */
    public static Nb201Table embedded() {
        InputStream in = Nb201Table.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the NAS-Bench-201 table " + RESOURCE + " is missing from the jar");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return read(reader, "the embedded NAS-Bench-201 table");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the embedded NAS-Bench-201 table", e);
        }
    }

    /**
     * Reads a table file.
     *
     * @throws JnasException if it is missing, unreadable or malformed
     */
    public static Nb201Table read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new JnasException("NAS-Bench-201 table file not found: " + file);
        } catch (IOException e) {
            throw new JnasException("cannot read NAS-Bench-201 table " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    private static Nb201Table read(BufferedReader reader, String source) throws IOException {
        Nb201Table table = new Nb201Table(source);
        String header = reader.readLine();
        if (header == null || header.isBlank()) {
            throw new JnasException("bad NAS-Bench-201 table " + source + ": empty (expected a header line)");
        }
        List<String> names = Arrays.asList(header.strip().split(",", -1));
        int[] at = new int[COLUMNS.size()];
        for (int c = 0; c < at.length; c++) {
            at[c] = names.indexOf(COLUMNS.get(c));
            if (at[c] < 0) {
                throw new JnasException("bad NAS-Bench-201 table " + source + " line 1: missing column '"
                        + COLUMNS.get(c) + "'");
            }
        }
        int row = 0;
        int line = 1;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            if (row == ROWS) {
                throw new JnasException("bad NAS-Bench-201 table " + source + " line " + line + ": more than "
                        + ROWS + " rows");
            }
            table.parseRow(text.strip().split(",", -1), names.size(), at, row, new Where(source, line, names));
            row++;
        }
        if (row != ROWS) {
            throw new JnasException("bad NAS-Bench-201 table " + source + ": " + row + " rows, expected " + ROWS);
        }
        return table;
    }

    /** Where a row came from, for messages. */
    private record Where(String source, int line, List<String> columns) {

        JnasException error(String what) {
            return new JnasException("bad NAS-Bench-201 table " + source + " line " + line + ": " + what);
        }
    }

    private void parseRow(String[] fields, int width, int[] at, int row, Where where) {
        if (fields.length != width) {
            throw where.error(fields.length + " fields, the header has " + width);
        }
        int index = (int) number(fields, at[0], where, true);
        if (index != row) {
            throw where.error("index " + fields[at[0]] + " out of order (expected " + row + ")");
        }
        Nb201Cell cell;
        try {
            cell = Nb201Cell.parse(fields[at[1]]);
        } catch (JnasException e) {
            throw where.error(e.getMessage());
        }
        if (!cell.opsCode().equals(fields[at[2]])) {
            throw where.error("ops_code '" + fields[at[2]] + "' disagrees with arch_str (" + cell.opsCode() + ")");
        }
        if (indexByOrdinal[cell.ordinal()] >= 0) {
            throw where.error("cell " + cell + " already listed at index " + indexByOrdinal[cell.ordinal()]);
        }
        int seeds = (int) number(fields, at[4], where, true);
        String[] perSeed = fields[at[3]].split(";", -1);
        if (seeds < 1 || perSeed.length != seeds) {
            throw where.error("c10valid_valid_acc_seeds has " + perSeed.length + " value(s) but n_seeds is " + seeds);
        }
        double[] valid = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            valid[s] = accuracy(perSeed[s], "c10valid_valid_acc_seeds", where);
        }
        cells[row] = cell;
        indexByOrdinal[cell.ordinal()] = row;
        validSeeds[row] = valid;
        test[row] = accuracy(fields[at[5]], "c10_test_acc_mean", where);
        trainSeconds[row] = number(fields, at[6], where, false);
        if (!(trainSeconds[row] > 0)) {
            throw where.error("train_time_200ep_c10valid_s must be positive, got " + fields[at[6]]);
        }
    }

    private static double number(String[] fields, int column, Where where, boolean integer) {
        String text = fields[column];
        try {
            double value = integer ? Integer.parseInt(text) : Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw where.error("column " + where.columns().get(column) + ": not " + (integer ? "an integer" : "a number")
                + ": '" + text + "'");
    }

    private static double accuracy(String text, String column, Where where) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw where.error("column " + column + ": not a number: '" + text + "'");
        }
        if (!(value >= 0 && value <= 100)) {
            throw where.error("column " + column + ": accuracy " + text + " outside [0, 100]");
        }
        return value;
    }

    /** Where the table was read from. */
    public String source() {
        return source;
    }

    /** The cell at a benchmark index. */
    public Nb201Cell cell(int index) {
        return cells[index];
    }

    /** The benchmark index of a cell. */
    public int index(Nb201Cell cell) {
        return indexByOrdinal[cell.ordinal()];
    }

    /** The cifar10-valid validation accuracy of each training seed, in percent. */
    public double[] validAccuracies(int index) {
        return validSeeds[index].clone();
    }

    /** The mean of {@link #validAccuracies}. */
    public double validAccuracy(int index) {
        return Arrays.stream(validSeeds[index]).average().orElseThrow();
    }

    /** The CIFAR-10 test accuracy (trained on train + valid, mean over seeds), in percent. */
    public double testAccuracy(int index) {
        return test[index];
    }

    /** Seconds the 200-epoch training on cifar10-valid took. */
    public double trainSeconds(int index) {
        return trainSeconds[index];
    }

    /** The cells of the table, in index order. */
    public List<Nb201Cell> cells() {
        return new ArrayList<>(Arrays.asList(cells));
    }
}
