package dev.jnas.platform.evaluation;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * What {@code jnas train --dry-run} prints: the size and shape of an evaluation network
 * ({@link DartsNetwork#summary}).
 *
 * @param genotype the built-in name or file of the genotype
 * @param dataset the dataset id
 * @param input the input shape {@code [C, H, W]}
 * @param classes the number of classes
 * @param channels the initial channels C
 * @param cells the number of cells
 * @param reductionCells the indices of the reduction cells
 * @param auxiliary whether the network has the auxiliary head
 * @param weights trainable weights without the auxiliary head
 * @param auxiliaryWeights trainable weights of the auxiliary head
 * @param dropPathSites the operations drop-path applies to
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NetworkSummary(String genotype, String dataset, List<Integer> input, int classes, int channels,
                             int cells, List<Integer> reductionCells, boolean auxiliary, long weights,
                             long auxiliaryWeights, int dropPathSites) {
}
