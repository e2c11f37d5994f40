package dev.jnas.launcher;

import dev.jnas.api.EpochReport;
import dev.jnas.api.SearchListener;
import dev.jnas.api.StepProgress;
import dev.jnas.platform.evaluation.TrainEpoch;
import dev.jnas.platform.evaluation.TrainListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Draws one progress bar per epoch on standard error: steps done, running loss and accuracy,
 * then a summary line when the epoch ends. Redraws at most a few times a second. Serves a search
 * and the training of a genotype alike.
 */
final class ProgressBar implements SearchListener, TrainListener {

    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final boolean interactive;
    private int epochs;
    private long lastDraw;

    ProgressBar(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void onStart(int epochs, int stepsPerEpoch) {
        this.epochs = epochs;
    }

    @Override
    public void onStep(StepProgress p) {
        long now = System.nanoTime();
        if (!interactive || (now - lastDraw < REDRAW_NANOS && p.step() < p.steps())) {
            return;
        }
        lastDraw = now;
        int filled = (int) ((long) WIDTH * p.step() / p.steps());
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        out.print(String.format(Locale.ROOT, "\repoch %d/%d [%s] %d/%d  loss %.4f  acc %.2f%%",
                p.epoch(), epochs, bar, p.step(), p.steps(), p.trainLoss(), 100 * p.trainAccuracy()));
        out.flush();
    }

    @Override
    public void onEpoch(EpochReport r) {
        out.print(interactive ? "\r\033[K" : "");
        out.println(String.format(Locale.ROOT,
                "epoch %d/%d  train loss %.4f acc %.2f%%  valid loss %.4f acc %.2f%%  %.0fs",
                r.epoch(), epochs, r.trainLoss(), 100 * r.trainAccuracy(), r.validLoss(),
                100 * r.validAccuracy(), r.elapsedSeconds()));
        out.flush();
    }

    @Override
    public void onEpoch(TrainEpoch e) {
        out.print(interactive ? "\r\033[K" : "");
        out.println(String.format(Locale.ROOT,
                "epoch %d/%d  train loss %.4f acc %.2f%%  test loss %.4f acc %.2f%%  lr %.5f  drop-path %.3f  %.0fs",
                e.epoch(), epochs, e.trainLoss(), 100 * e.trainAccuracy(), e.testLoss(), 100 * e.testAccuracy(),
                e.learningRate(), e.dropProb(), e.elapsedSeconds()));
        out.flush();
    }
}
