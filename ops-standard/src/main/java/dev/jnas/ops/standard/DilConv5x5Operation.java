package dev.jnas.ops.standard;

import org.pf4j.Extension;

/** {@code dil_conv_5x5}, see {@link DilConvOperation}. */
@Extension
public class DilConv5x5Operation extends DilConvOperation {

    public DilConv5x5Operation() {
        super(5);
    }
}
