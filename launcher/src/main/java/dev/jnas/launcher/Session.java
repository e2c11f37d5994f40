package dev.jnas.launcher;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.jnas.api.Operation;
import dev.jnas.platform.plugin.Extensions;
import java.util.Map;

/**
 * What a command that builds models starts with: the tensor engine (started with the command's
 * thread count), the device chosen by {@code --device}, and the extensions of the plugin folder.
 *
 * @param engine the started engine
 * @param device where tensors live
 * @param plugins the loaded extensions
 */
record Session(Engine engine, Device device, Extensions plugins) {

    /**
     * Starts the engine and loads the plugins.
     *
     * @throws dev.jnas.api.error.JnasException if the engine cannot start, the device is missing or a plugin is broken
     */
    static Session start(CommonOptions common, int threads) {
        Engine engine = EngineSupport.start(threads);
        return new Session(engine, EngineSupport.device(engine, common.device),
                Extensions.load(common.pluginsDirectory()));
    }

    /** The available operations by id. */
    Map<String, Operation> operations() {
        return plugins.byId(Operation.class);
    }
}
