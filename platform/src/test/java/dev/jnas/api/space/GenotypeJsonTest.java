package dev.jnas.api.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnas.api.error.JnasException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A genotype's JSON form reads like the DARTS code's namedtuple and round-trips. */
class GenotypeJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** DARTS_V2 of the paper's genotypes.py. */
    static final String DARTS_V2 = "{\"normal\": [[\"sep_conv_3x3\", 0], [\"sep_conv_3x3\", 1], [\"sep_conv_3x3\", 0],"
            + " [\"sep_conv_3x3\", 1], [\"sep_conv_3x3\", 1], [\"skip_connect\", 0], [\"skip_connect\", 0],"
            + " [\"dil_conv_3x3\", 2]], \"normal_concat\": [2, 3, 4, 5],"
            + " \"reduce\": [[\"max_pool_3x3\", 0], [\"max_pool_3x3\", 1], [\"skip_connect\", 2], [\"max_pool_3x3\", 1],"
            + " [\"max_pool_3x3\", 0], [\"skip_connect\", 2], [\"skip_connect\", 2], [\"max_pool_3x3\", 1]],"
            + " \"reduce_concat\": [2, 3, 4, 5]}";

    @Test
    void readsTheReferenceFormAndRoundTrips() throws Exception {
        Genotype g = JSON.readValue(DARTS_V2, Genotype.class).validate(CellSpace.DARTS_PRIMITIVES);
        assertEquals(4, g.nodes());
        assertEquals(new GenotypeEdge("dil_conv_3x3", 2), g.normal().get(7));
        String written = JSON.writeValueAsString(g);
        assertTrue(written.startsWith("{\"normal\":[[\"sep_conv_3x3\",0],"), written);
        assertEquals(g, JSON.readValue(written, Genotype.class));
    }

    @Test
    void badGenotypesAreRefusedWithTheReason() throws Exception {
        String unknownOp = DARTS_V2.replace("dil_conv_3x3", "conv_7x7");
        JnasException e = assertThrows(JnasException.class,
                () -> JSON.readValue(unknownOp, Genotype.class).validate(CellSpace.DARTS_PRIMITIVES));
        assertTrue(e.getMessage().contains("unknown operation 'conv_7x7'"), e.getMessage());

        String laterState = DARTS_V2.replace("[\"sep_conv_3x3\", 1], [\"skip_connect\", 0]",
                "[\"sep_conv_3x3\", 1], [\"skip_connect\", 4]");
        e = assertThrows(JnasException.class,
                () -> JSON.readValue(laterState, Genotype.class).validate(CellSpace.DARTS_PRIMITIVES));
        assertTrue(e.getMessage().contains("not an earlier state"), e.getMessage());

        Genotype odd = new Genotype(List.of(new GenotypeEdge("skip_connect", 0)), List.of(2),
                List.of(new GenotypeEdge("skip_connect", 0)), List.of(2));
        e = assertThrows(JnasException.class, () -> odd.validate(CellSpace.DARTS_PRIMITIVES));
        assertTrue(e.getMessage().contains("two edges per node"), e.getMessage());
    }

    @Test
    void aMissingFieldIsNamed() {
        Exception e = assertThrows(Exception.class,
                () -> JSON.readValue("{\"normal\": [], \"normal_concat\": []}", Genotype.class));
        assertTrue(String.valueOf(e.getMessage()).contains("reduce"), e.getMessage());
    }
}
