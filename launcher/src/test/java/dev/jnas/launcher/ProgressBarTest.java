package dev.jnas.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnas.api.StepProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The per-epoch progress bar on a terminal, and plain epoch lines elsewhere. */
class ProgressBarTest {

    @Test
    void aTerminalSeesTheBarWithLossAndAccuracy() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), true);
        bar.onStart(2, 4);
        bar.onStep(new StepProgress(1, 1, 4, 2.25, 0.125));
        bar.onStep(new StepProgress(1, 2, 4, 2.0, 0.25));
        bar.onStep(new StepProgress(1, 4, 4, 1.5, 0.5));
        String[] frames = text.toString().split("\r", -1);
        assertEquals("epoch 1/2 [######------------------] 1/4  loss 2.2500  acc 12.50%", frames[1]);
        assertEquals("epoch 1/2 [########################] 4/4  loss 1.5000  acc 50.00%", frames[frames.length - 1],
                "the last step of an epoch is always drawn, however soon after the one before");
    }

    @Test
    void elsewhereOnlyTheEpochLinesArePrinted() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), false);
        bar.onStart(2, 4);
        bar.onStep(new StepProgress(1, 4, 4, 1.5, 0.5));
        assertEquals("", text.toString());
    }
}
