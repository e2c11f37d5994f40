package dev.jnas.platform.trials;

import ai.djl.ndarray.NDManager;
import dev.jnas.api.Operation;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.space.Nb201Cell;
import dev.jnas.platform.evaluation.DartsNetwork;
import dev.jnas.platform.evaluation.TrainSettings;
import dev.jnas.platform.evaluation.TrainableNetwork;
import dev.jnas.platform.evaluation.TrainedArchitecture;
import dev.jnas.platform.nb201.Nb201Network;
import java.util.Map;

/**
 * Builds the discrete network a training trains, by the settings' space: the DARTS evaluation
 * network of a genotype ({@code channels} C, {@code cells} L, the auxiliary head if the settings
 * ask), or the NAS-Bench-201 network of a cell ({@code channels} C, {@code cells} per stage N).
 *
 * <pre>{@code TrainableNetwork net = Networks.build(manager, settings, architecture, ops, info);}</pre>
 */
public final class Networks {

    private Networks() {
    }

    /**
     * Builds and initialises the network of an architecture (seed the engine first).
     *
     * @throws dev.jnas.api.error.JnasException if the architecture names a missing operation
     * @throws IllegalArgumentException if the settings are for another space than the architecture
     */
    public static TrainableNetwork build(NDManager manager, TrainSettings settings, TrainedArchitecture architecture,
                                         Map<String, Operation> operations, DatasetInfo dataset) {
        if (!settings.space().equals(architecture.space())) {
            throw new IllegalArgumentException("settings for " + settings.space() + ", architecture of "
                    + architecture.space());
        }
        if (architecture.genotype() != null) {
            return DartsNetwork.build(manager, architecture.genotype(), operations, dataset, settings.channels(),
                    settings.cells(), settings.auxiliary());
        }
        return Nb201Network.build(manager, Nb201Cell.parse(architecture.cell()), operations, dataset,
                settings.channels(), settings.cells());
    }
}
