package dev.jnas.api;

import dev.jnas.api.space.Genotype;
import java.util.List;

/**
 * What a search returns.
 *
 * @param genotype the architecture found
 * @param history one report per epoch
 */
public record SearchResult(Genotype genotype, List<EpochReport> history) {

    public SearchResult {
        history = List.copyOf(history);
    }
}
