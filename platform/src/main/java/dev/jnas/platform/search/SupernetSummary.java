package dev.jnas.platform.search;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jnas.api.space.CellSpace;
import dev.jnas.platform.supernet.DartsSupernet;
import java.util.List;

/**
 * What {@code jnas search --dry-run} prints: the size and shape of a supernet.
 *
 * @param dataset the dataset id
 * @param input the input shape {@code [C, H, W]}
 * @param classes the number of classes
 * @param channels the initial channels C
 * @param cells the number of cells
 * @param reductionCells the indices of reduction cells
 * @param nodes intermediate nodes per cell
 * @param edges mixed edges per cell
 * @param operations the candidate operations
 * @param weights trainable weights
 * @param alphas architecture parameters
 */
public record SupernetSummary(
        @JsonProperty("dataset") String dataset,
        @JsonProperty("input") List<Integer> input,
        @JsonProperty("classes") int classes,
        @JsonProperty("channels") int channels,
        @JsonProperty("cells") int cells,
        @JsonProperty("reduction_cells") List<Integer> reductionCells,
        @JsonProperty("nodes") int nodes,
        @JsonProperty("edges") int edges,
        @JsonProperty("operations") List<String> operations,
        @JsonProperty("weights") long weights,
        @JsonProperty("alphas") long alphas) {

    /** Summarises a built supernet. */
    public static SupernetSummary of(DartsSupernet net, dev.jnas.api.data.DatasetInfo info) {
        CellSpace space = net.space();
        List<Integer> reductions = new java.util.ArrayList<>();
        for (int i = 0; i < net.cells(); i++) {
            if (DartsSupernet.isReduction(i, net.cells())) {
                reductions.add(i);
            }
        }
        long alphas = net.alphas().values().stream().mapToLong(p -> p.getArray().getShape().size()).sum();
        return new SupernetSummary(info.name(), List.of(info.channels(), info.height(), info.width()),
                info.classes(), net.channels(), net.cells(), reductions, space.nodes(), space.edges(),
                space.operations(), net.weightCount(), alphas);
    }
}
