package dev.jnas.platform.evaluation;

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
 * @param genotypeSource the built-in name or the file the genotype came from
 * @param genotype the genotype trained
 * @param settings the resolved settings (preset and defaults applied)
 * @param data where the images came from
 * @param device the device used
 * @param threads intra-op threads
 * @param versions jnas, Java, DJL and PyTorch versions
 * @param plugins the loaded plugins by id, with their versions
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainConfig(String command, List<String> arguments, String genotypeSource, Genotype genotype,
                          TrainSettings settings, String data, String device, int threads,
                          Map<String, String> versions, Map<String, String> plugins) {
}
