package dev.jnas.ops.standard;

import org.pf4j.Extension;

/** {@code nor_conv_1x1}, see {@link NorConvOperation}. */
@Extension
public class NorConv1x1Operation extends NorConvOperation {

    public NorConv1x1Operation() {
        super(1);
    }
}
