package dev.jnas.ops.standard;

import org.pf4j.Extension;

/** {@code sep_conv_3x3}, see {@link SepConvOperation}. */
@Extension
public class SepConv3x3Operation extends SepConvOperation {

    public SepConv3x3Operation() {
        super(3);
    }
}
