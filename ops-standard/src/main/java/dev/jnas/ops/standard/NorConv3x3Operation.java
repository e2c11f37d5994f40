package dev.jnas.ops.standard;

import org.pf4j.Extension;

/** {@code nor_conv_3x3}, see {@link NorConvOperation}. */
@Extension
public class NorConv3x3Operation extends NorConvOperation {

    public NorConv3x3Operation() {
        super(3);
    }
}
