package dev.jnas.api.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnas.api.error.JnasException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The NAS-Bench-201 cell's string form, its ops_code and its edge numbering. */
class Nb201CellTest {

    /** The first rows of the benchmark table, the best cell (6111) and the all-skip cell (1835). */
    @ParameterizedTest
    @CsvSource({
        "'|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|', 421211",
        "'|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|', 334131",
        "'|avg_pool_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|avg_pool_3x3~0|avg_pool_3x3~1|avg_pool_3x3~2|', 433444",
        "'|avg_pool_3x3~0|+|skip_connect~0|none~1|+|none~0|none~1|skip_connect~2|', 410001",
        "'|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|', 333132",
        "'|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|', 111111",
        "'|none~0|+|none~0|none~1|+|none~0|none~1|none~2|', 000000",
    })
    void roundTripsTheStringAndTheOpsCode(String text, String opsCode) {
        Nb201Cell cell = Nb201Cell.parse(text);
        assertEquals(text, cell.format());
        assertEquals(text, cell.toString());
        assertEquals(opsCode, cell.opsCode());
        assertEquals(cell, Nb201Cell.fromOpsCode(opsCode));
        assertEquals(cell, Nb201Cell.fromCodes(cell.codes()));
        assertEquals(Integer.parseInt(opsCode, 5), cell.ordinal());
        assertEquals(cell, Nb201Space.INSTANCE.parse(Nb201Space.INSTANCE.format(cell)));
    }

    @Test
    void edgesAreNumberedAsTheBenchmarkWritesThem() {
        int[][] order = {{1, 0}, {2, 0}, {2, 1}, {3, 0}, {3, 1}, {3, 2}};
        for (int e = 0; e < order.length; e++) {
            assertEquals(e, Nb201Cell.edge(order[e][0], order[e][1]));
            assertEquals(order[e][0], Nb201Cell.target(e));
            assertEquals(order[e][1], Nb201Cell.source(e));
        }
        Nb201Cell cell = Nb201Cell.parse("|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|none~2|");
        assertEquals("skip_connect", cell.op(2, 1));
        assertEquals("none", cell.op(3, 2));
        assertThrows(IllegalArgumentException.class, () -> Nb201Cell.edge(1, 1));
    }

    @Test
    void everyOrdinalIsOneCell() {
        Set<String> seen = new HashSet<>();
        for (int n = 0; n < Nb201Space.INSTANCE.size(); n++) {
            String code = String.format("%6s", Integer.toString(n, 5)).replace(' ', '0');
            Nb201Cell cell = Nb201Cell.fromOpsCode(code);
            assertEquals(n, cell.ordinal());
            assertTrue(seen.add(cell.format()));
        }
        assertEquals(15625, seen.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "|nor_conv_3x3~0|",
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|",
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|",
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|+",
        "|nor_conv_3x3~0|+|nor_conv_3x3~1|nor_conv_3x3~0|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|",
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|conv_7x7~1|nor_conv_1x1~2|",
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|x",
        " |nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|",
        "nor_conv_3x3~0+nor_conv_3x3~0|nor_conv_3x3~1+skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2",
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|\n",
    })
    void aMalformedStringIsOneLineQuotingIt(String text) {
        JnasException e = assertThrows(JnasException.class, () -> Nb201Cell.parse(text));
        String message = e.getMessage();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.startsWith("not a NAS-Bench-201 cell: '" + text.replace("\n", "\\n") + "'"), message);
        assertTrue(message.contains("|op~0|+|op~0|op~1|+|op~0|op~1|op~2|"), message);
    }

    @Test
    void theReasonIsNamed() {
        String unknown = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|conv_7x7~1|nor_conv_1x1~2|";
        assertTrue(assertThrows(JnasException.class, () -> Nb201Cell.parse(unknown)).getMessage()
                .contains("unknown operation 'conv_7x7'"));
        String shortNode = "|nor_conv_3x3~0|+|nor_conv_3x3~0|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|";
        assertTrue(assertThrows(JnasException.class, () -> Nb201Cell.parse(shortNode)).getMessage()
                .contains("node 2 needs 2 incoming edge(s), found 1"));
        assertThrows(JnasException.class, () -> Nb201Cell.parse(null));
        assertThrows(JnasException.class, () -> Nb201Cell.fromOpsCode("12345"));
        assertThrows(JnasException.class, () -> Nb201Cell.fromOpsCode("123456"));
        assertThrows(JnasException.class, () -> new Nb201Cell(List.of("none")));
        assertArrayEquals(new int[] {4, 2, 1, 2, 1, 1}, Nb201Cell.fromOpsCode("421211").codes());
    }

    @Test
    void derivationTakesEachEdgesStrongestOperationNoneIncluded() {
        // columns: none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3
        float[][] weights = {
            {0.5f, 0.1f, 0.1f, 0.2f, 0.1f},
            {0.1f, 0.1f, 0.1f, 0.6f, 0.1f},
            {0.1f, 0.3f, 0.3f, 0.2f, 0.1f},
            {0.1f, 0.2f, 0.2f, 0.2f, 0.3f},
            {0.0f, 0.9f, 0.0f, 0.1f, 0.0f},
            {0.2f, 0.2f, 0.4f, 0.1f, 0.1f},
        };
        Nb201Cell cell = Nb201Cell.derive(weights);
        // edge 2<-1 ties skip_connect and nor_conv_1x1: the earlier operation wins, as torch's argmax
        assertEquals("|none~0|+|nor_conv_3x3~0|skip_connect~1|+|avg_pool_3x3~0|skip_connect~1|nor_conv_1x1~2|",
                cell.format());
        assertEquals("031412", cell.opsCode());
        assertThrows(IllegalArgumentException.class, () -> Nb201Cell.derive(new float[5][5]));
        assertThrows(IllegalArgumentException.class, () -> Nb201Cell.derive(new float[6][4]));
    }
}
