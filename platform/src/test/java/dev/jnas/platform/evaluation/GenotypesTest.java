package dev.jnas.platform.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.CellSpace;
import dev.jnas.api.space.Genotype;
import dev.jnas.api.space.GenotypeEdge;
import dev.jnas.platform.run.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in genotypes are the paper's; files are read and checked with one-line errors. */
class GenotypesTest {

    private static final List<Integer> CONCAT = List.of(2, 3, 4, 5);

    @TempDir
    Path tmp;

    /** {@code "op input op input ..."} as edges. */
    private static List<GenotypeEdge> edges(String ops) {
        String[] parts = ops.split(" ");
        List<GenotypeEdge> edges = new ArrayList<>();
        for (int i = 0; i < parts.length; i += 2) {
            edges.add(new GenotypeEdge(parts[i], Integer.parseInt(parts[i + 1])));
        }
        return edges;
    }

    @Test
    void theBuiltInGenotypesAreThoseOfTheDartsCode() {
        Genotype v2 = new Genotype(
                edges("sep_conv_3x3 0 sep_conv_3x3 1 sep_conv_3x3 0 sep_conv_3x3 1 sep_conv_3x3 1 skip_connect 0"
                        + " skip_connect 0 dil_conv_3x3 2"), CONCAT,
                edges("max_pool_3x3 0 max_pool_3x3 1 skip_connect 2 max_pool_3x3 1 max_pool_3x3 0 skip_connect 2"
                        + " skip_connect 2 max_pool_3x3 1"), CONCAT);
        Genotype v1 = new Genotype(
                edges("sep_conv_3x3 1 sep_conv_3x3 0 skip_connect 0 sep_conv_3x3 1 skip_connect 0 sep_conv_3x3 1"
                        + " sep_conv_3x3 0 skip_connect 2"), CONCAT,
                edges("max_pool_3x3 0 max_pool_3x3 1 skip_connect 2 max_pool_3x3 0 max_pool_3x3 0 skip_connect 2"
                        + " skip_connect 2 avg_pool_3x3 0"), CONCAT);
        assertEquals(v2, Genotypes.resolve("darts-v2", CellSpace.DARTS_PRIMITIVES));
        assertEquals(v1, Genotypes.resolve("darts-v1", CellSpace.DARTS_PRIMITIVES));
    }

    @Test
    void aSearchsGenotypeFileAndItsRunDirectoryAreRead() {
        Genotype v1 = Genotypes.builtIn("darts-v1");
        Json.write(tmp.resolve("genotype.json"), v1);
        assertEquals(v1, Genotypes.resolve(tmp.resolve("genotype.json").toString(), CellSpace.DARTS_PRIMITIVES));
        assertEquals(v1, Genotypes.resolve(tmp.toString(), CellSpace.DARTS_PRIMITIVES));
    }

    private String problem(String json) throws Exception {
        Path file = Files.writeString(tmp.resolve("bad.json"), json);
        String message = assertThrows(JnasException.class,
                () -> Genotypes.resolve(file.toString(), CellSpace.DARTS_PRIMITIVES)).getMessage();
        assertTrue(message.contains(file.toString()), message);
        assertEquals(1, message.lines().count(), message);
        return message;
    }

    @Test
    void badFilesAreOneLineErrorsNamingFileAndProblem() throws Exception {
        String v2 = Json.line(Genotypes.builtIn("darts-v2"));
        assertTrue(problem("{\"normal\": [").contains("bad genotype file"));
        assertTrue(problem(v2.replace("dil_conv_3x3", "conv_7x7")).contains("unknown operation 'conv_7x7'"));
        assertTrue(problem(v2.replace("[\"dil_conv_3x3\",2]", "[\"dil_conv_3x3\",7]")).contains("not an earlier state"));
        assertTrue(problem(v2.replace(",[\"dil_conv_3x3\",2]", "")).contains("two edges per node, got 7"));
        assertTrue(problem("{\"normal\": [], \"normal_concat\": []}").contains("'reduce'"));

        String missing = tmp.resolve("absent/genotype.json").toString();
        String message = assertThrows(JnasException.class,
                () -> Genotypes.resolve(missing, CellSpace.DARTS_PRIMITIVES)).getMessage();
        assertTrue(message.contains("not found") && message.contains(missing), message);
    }

    @Test
    void anUnknownNameListsTheBuiltInOnes() {
        String message = assertThrows(JnasException.class,
                () -> Genotypes.resolve("darts-v3", CellSpace.DARTS_PRIMITIVES)).getMessage();
        assertTrue(message.contains("unknown genotype 'darts-v3'") && message.contains("darts-v2"), message);
    }
}
