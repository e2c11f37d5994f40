package dev.jnas.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jnas.api.blackbox.Trial;
import dev.jnas.api.blackbox.TrialLog;
import dev.jnas.api.space.Genotype;
import java.util.List;

/**
 * What a search returns. A differentiable search fills {@code genotype} and {@code history}; a
 * sample-based one fills {@code trials} and {@code best}, and {@code genotype} too when it
 * searched the DARTS space.
 *
 * @param genotype the DARTS architecture found, or {@code null} when the space was another one
 * @param history one report per epoch (differentiable search)
 * @param trials every evaluated proposal, in order (sample-based search)
 * @param best the trial whose architecture the search returns (the highest reward, the earliest
 *     among equals), or {@code null} when no trial was made
 */
public record SearchResult(
        @JsonProperty("genotype") Genotype genotype,
        @JsonProperty("history") List<EpochReport> history,
        @JsonProperty("trials") List<Trial> trials,
        @JsonProperty("best") Trial best) {

    public SearchResult {
        history = List.copyOf(history);
        trials = List.copyOf(trials);
    }

    /** The result of a differentiable search. */
    public SearchResult(Genotype genotype, List<EpochReport> history) {
        this(genotype, history, List.of(), null);
    }

    /** The result of a sample-based search: its trials and the best of them. */
    public static SearchResult of(TrialLog<?> log) {
        Genotype genotype = log.bestArchitecture().orElse(null) instanceof Genotype g ? g : null;
        return new SearchResult(genotype, List.of(), log.trials(), log.best().orElse(null));
    }
}
