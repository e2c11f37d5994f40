package dev.jnas.platform.search;

import ai.djl.ndarray.NDManager;
import dev.jnas.api.Operation;
import dev.jnas.api.Regularizer;
import dev.jnas.api.SearchSettings;
import dev.jnas.api.Supernet;
import dev.jnas.api.data.DatasetInfo;
import dev.jnas.api.error.JnasException;
import dev.jnas.api.space.CellSpace;
import dev.jnas.api.space.DartsSpace;
import dev.jnas.api.space.Nb201Cell;
import dev.jnas.api.space.Nb201Space;
import dev.jnas.platform.nb201.Nb201Supernet;
import dev.jnas.platform.supernet.DartsSupernet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds the supernet of a search space by its id ({@link SearchSettings#space()}): the DARTS
 * supernet with {@code L} cells, or NAS-Bench-201's with {@code N} cells per stage.
 *
 * <pre>{@code Supernet net = Supernets.build(manager, settings, operations, info, List.of());}</pre>
 */
public final class Supernets {

    private Supernets() {
    }

    /** The operation ids a space's supernet mixes, in α's column order. */
    public static List<String> operations(String space) {
        return switch (space) {
            case DartsSpace.ID -> CellSpace.DARTS_PRIMITIVES;
            case Nb201Space.ID -> Nb201Cell.OPERATIONS;
            default -> throw new JnasException("unknown space '" + space + "' (known: "
                    + String.join(", ", SearchSettings.SPACES) + ")");
        };
    }

    /**
     * The factories of {@code ids}, in that order.
     *
     * @throws JnasException naming the first missing operation and the known ones
     */
    public static List<Operation> resolve(List<String> ids, Map<String, Operation> available) {
        List<Operation> ops = new ArrayList<>();
        for (String id : ids) {
            Operation op = available.get(id);
            if (op == null) {
                throw new JnasException("unknown operation '" + id + "' (known: "
                        + String.join(", ", new TreeSet<>(available.keySet())) + ")");
            }
            ops.add(op);
        }
        return ops;
    }

    /**
     * Builds and initialises the supernet of the settings' space, with their channels and cells
     * (seed the engine first).
     *
     * @param operations every available operation by id; the space's must all be there
     */
    public static Supernet build(NDManager manager, SearchSettings settings, Map<String, Operation> operations,
                                 DatasetInfo info, List<Regularizer> regularizers) {
        List<Operation> ops = resolve(operations(settings.space()), operations);
        if (settings.space().equals(Nb201Space.ID)) {
            return Nb201Supernet.build(manager, ops, info, settings.channels(), settings.cells(), regularizers);
        }
        return DartsSupernet.build(manager, CellSpace.darts(), ops, info, settings.channels(), settings.cells(),
                regularizers);
    }
}
