package dev.jnas.ops.standard;

import org.pf4j.Extension;

/** {@code sep_conv_5x5}, see {@link SepConvOperation}. */
@Extension
public class SepConv5x5Operation extends SepConvOperation {

    public SepConv5x5Operation() {
        super(5);
    }
}
