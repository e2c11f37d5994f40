package dev.jnas.platform.trials;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.jnas.api.Checkpoints;
import dev.jnas.api.Operation;
import dev.jnas.api.blackbox.Evaluation;
import dev.jnas.api.blackbox.TrialRequest;
import dev.jnas.api.data.SearchData;
import dev.jnas.api.error.JnasException;
import dev.jnas.platform.evaluation.TrainResult;
import dev.jnas.platform.evaluation.TrainSettings;
import dev.jnas.platform.evaluation.TrainableNetwork;
import dev.jnas.platform.evaluation.TrainedArchitecture;
import dev.jnas.platform.evaluation.Trainer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The short training that stands in for an architecture's quality during black-box search: a
 * small DARTS evaluation network of the genotype, or NAS-Bench-201 network of the cell ({@code cells}
 * is then the cells per stage), without auxiliary head, drop-path or augmentation,
 * trained from scratch for a few epochs on the search's training part, then measured on its
 * validation part. The test images are never touched. The evaluation's reward and reported result
 * are both that validation accuracy (in percent); its cost is the wall time of training and
 * measuring, and the images trained on.
 *
 * <p>Settings by name, all required (the {@code train} evaluator fills in its defaults):
 * {@code epochs}, {@code channels}, {@code cells}, {@code batch-size}, {@code learning-rate}
 * (cosine-annealed to 0); SGD with momentum 0.9, weight decay 3e-4 and gradient clipping at 5.
 *
 * <pre>{@code Evaluation e = new ProxyTraining(data, operations, manager).apply(request);}</pre>
 */
public final class ProxyTraining implements Function<TrialRequest, Evaluation> {

    /** The settings a request names. */
    public static final List<String> SETTINGS = List.of("epochs", "channels", "cells", "batch-size", "learning-rate");

    private final SearchData data;
    private final Map<String, Operation> operations;
    private final NDManager manager;

    /**
     * @param data the search data: the network trains on {@code train()} and is measured on {@code valid()}
     * @param operations the operation factories by id
     * @param manager the long-lived manager (and device) each training's manager is made under
     */
    public ProxyTraining(SearchData data, Map<String, Operation> operations, NDManager manager) {
        this.data = data;
        this.operations = operations;
        this.manager = manager;
    }

    /**
     * Trains the request's architecture and measures it.
     *
     * @throws JnasException for a space other than {@code darts} and {@code nb201}, an architecture that does not
     *     parse, or a bad setting
     */
    @Override
    public Evaluation apply(TrialRequest request) {
        TrainSettings settings = settings(request);
        long start = System.nanoTime();
        TrainResult result;
        try (NDManager trial = manager.newSubManager()) {
            Engine.getInstance().setRandomSeed((int) request.seed());
            TrainableNetwork network = Networks.build(trial, settings,
                    TrainedArchitecture.parse(request.space(), request.architecture()), operations, data.info());
            try (Trainer trainer = new Trainer(network, settings, data.train(), data.valid(), trial, List.of(),
                    Checkpoints.NONE)) {
                result = trainer.run();
            }
        }
        double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-9);
        double accuracy = 100 * result.testAccuracy();
        return new Evaluation(accuracy, accuracy, seconds, result.imagesProcessed());
    }

    /** The training settings of a request. */
    public TrainSettings settings(TrialRequest request) {
        Map<String, String> s = request.settings();
        for (String key : s.keySet()) {
            if (!SETTINGS.contains(key)) {
                throw new JnasException("unknown training setting '" + key + "' (known: " + String.join(", ", SETTINGS)
                        + ")");
            }
        }
        return new TrainSettings(request.space(), data.info().name(), integer(s, "epochs"), integer(s, "batch-size"),
                integer(s, "channels"), integer(s, "cells"), request.seed(), 0, real(s, "learning-rate"), 0, 0.9, 3e-4,
                5, false, 0, 0, 0, 0, false);
    }

    private static String text(Map<String, String> settings, String key) {
        String text = settings.get(key);
        if (text == null) {
            throw new JnasException("training setting " + key + " is missing");
        }
        return text;
    }

    private static int integer(Map<String, String> settings, String key) {
        String text = text(settings, key);
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new JnasException("training setting " + key + ": not an integer: '" + text + "'");
        }
    }

    private static double real(Map<String, String> settings, String key) {
        String text = text(settings, key);
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new JnasException("training setting " + key + ": not a number: '" + text + "'");
        }
    }
}
