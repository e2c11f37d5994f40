package dev.jnas.launcher;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.jnas.api.error.JnasException;

/** Starts the tensor engine with the command's thread count and picks the device. */
final class EngineSupport {

    private EngineSupport() {
    }

    /**
     * Starts the PyTorch engine. The thread counts are read once per process, so they take effect
     * only for the first command of a process.
     */
    static Engine start(int threads) {
        if (threads < 1) {
            throw new JnasException("threads must be positive, got " + threads);
        }
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(threads));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        try {
            return Engine.getEngine("PyTorch");
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new JnasException("cannot start the PyTorch engine: " + ErrorHandling.firstLine(e.getMessage()), e);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The device for a choice; {@code gpu} without a GPU is a user error. */
    static Device device(Engine engine, CommonOptions.DeviceChoice choice) {
        int gpus = engine.getGpuCount();
        switch (choice) {
            case gpu:
                if (gpus == 0) {
                    throw new JnasException("--device gpu: no GPU found (this build's engine sees no CUDA device); "
                            + "use --device cpu, or build with -Pcuda on a CUDA machine");
                }
                return Device.gpu();
            case cpu:
                return Device.cpu();
            default:
                return gpus > 0 ? Device.gpu() : Device.cpu();
        }
    }
}
