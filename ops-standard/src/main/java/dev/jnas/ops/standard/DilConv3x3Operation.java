package dev.jnas.ops.standard;

import org.pf4j.Extension;

/** {@code dil_conv_3x3}, see {@link DilConvOperation}. */
@Extension
public class DilConv3x3Operation extends DilConvOperation {

    public DilConv3x3Operation() {
        super(3);
    }
}
