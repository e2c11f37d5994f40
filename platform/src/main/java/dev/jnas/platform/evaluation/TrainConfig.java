package dev.jnas.platform.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.jnas.api.space.Genotype;
import java.util.List;
import java.util.Map;

/**
 * A training run's {@code config.json}: everything needed to repeat it.
 *
 * @param command the jnas command ({@code train})
 * @param arguments the command-line arguments as given
 * @param genotypeSource the built-in name, the file or the text the architecture came from
 * @param genotype the DARTS genotype trained; absent for a NAS-Bench-201 cell
 * @param cell the NAS-Bench-201 cell trained; absent for a DARTS genotype
 * @param settings the resolved settings (preset and defaults applied)
 * @param data where the images came from
 * @param device the device used
 * @param threads intra-op threads
 * @param versions jnas, Java, DJL and PyTorch versions
 * @param plugins the loaded plugins by id, with their versions
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainConfig(String command, List<String> arguments, String genotypeSource,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Genotype genotype,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String cell, TrainSettings settings, String data, String device, int threads,
                          Map<String, String> versions, Map<String, String> plugins) {

    /** A run's configuration for a trained architecture. */
    public TrainConfig(String command, List<String> arguments, String source, TrainedArchitecture architecture,
                       TrainSettings settings, String data, String device, int threads, Map<String, String> versions,
                       Map<String, String> plugins) {
        this(command, arguments, source, architecture.genotype(), architecture.cell(), settings, data, device,
                threads, versions, plugins);
    }

    /**
     * The architecture trained.
     *
     * @throws dev.jnas.api.error.JnasException if the configuration holds none, or one of another space than its settings
     */
    public TrainedArchitecture architecture() {
        return new TrainedArchitecture(settings == null ? null : settings.space(), genotype, cell);
    }
}
