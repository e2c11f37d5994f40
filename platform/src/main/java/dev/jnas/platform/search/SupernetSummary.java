package dev.jnas.platform.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jnas.api.Supernet;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.space.CellSpace;
import dev.jnas.api.space.DartsSpace;
import dev.jnas.api.space.Nb201Cell;
import dev.jnas.api.space.Nb201Space;
import dev.jnas.platform.nb201.Nb201Supernet;
import dev.jnas.platform.supernet.DartsSupernet;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code jnas search --dry-run} prints: the size and shape of a supernet.
 *
 * @param space the space the supernet relaxes, {@code darts} or {@code nb201}
 * @param dataset the dataset id
 * @param input the input shape {@code [C, H, W]}
 * @param classes the number of classes
 * @param channels the initial channels C
 * @param cells the number of cells; for NAS-Bench-201 its layers, {@code 3N} cells and the two
 *     residual reduction blocks, as the benchmark's code counts them
 * @param cellsPerStage NAS-Bench-201's N; absent for DARTS
 * @param reductionCells the indices of reduction cells (NAS-Bench-201: of the residual blocks)
 * @param nodes intermediate nodes per cell
 * @param edges mixed edges per cell
 * @param operations the candidate operations
 * @param weights trainable weights
 * @param alphas architecture parameters
 */
public record SupernetSummary(
        @JsonProperty("space") String space,
        @JsonProperty("dataset") String dataset,
        @JsonProperty("input") List<Integer> input,
        @JsonProperty("classes") int classes,
        @JsonProperty("channels") int channels,
        @JsonProperty("cells") int cells,
        @JsonProperty("cells_per_stage") @JsonInclude(JsonInclude.Include.NON_NULL) Integer cellsPerStage,
        @JsonProperty("reduction_cells") List<Integer> reductionCells,
        @JsonProperty("nodes") int nodes,
        @JsonProperty("edges") int edges,
        @JsonProperty("operations") List<String> operations,
        @JsonProperty("weights") long weights,
        @JsonProperty("alphas") long alphas) {

    /** Summarises a built supernet (the DARTS or the NAS-Bench-201 one). */
    public static SupernetSummary of(Supernet net, DatasetInfo info) {
        List<Integer> input = List.of(info.channels(), info.height(), info.width());
        long alphas = net.alphas().values().stream().mapToLong(p -> p.getArray().getShape().size()).sum();
        if (net instanceof Nb201Supernet nb201) {
            return new SupernetSummary(Nb201Space.ID, info.name(), input, info.classes(), nb201.channels(),
                    nb201.layers(), nb201.cellsPerStage(), nb201.reductionLayers(), Nb201Cell.NODES - 1,
                    Nb201Cell.EDGES, net.operations(), net.weightCount(), alphas);
        }
        if (net instanceof DartsSupernet darts) {
            CellSpace space = darts.space();
            List<Integer> reductions = new ArrayList<>();
            for (int i = 0; i < darts.cells(); i++) {
                if (DartsSupernet.isReduction(i, darts.cells())) {
                    reductions.add(i);
                }
            }
            return new SupernetSummary(DartsSpace.ID, info.name(), input, info.classes(), darts.channels(),
                    darts.cells(), null, reductions, space.nodes(), space.edges(), space.operations(),
                    net.weightCount(), alphas);
        }
        throw new IllegalArgumentException("no summary for " + net.getClass().getName());
    }
}
