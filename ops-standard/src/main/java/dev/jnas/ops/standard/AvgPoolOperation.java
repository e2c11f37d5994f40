package dev.jnas.ops.standard;

import ai.djl.nn.Block;
import dev.jnas.api.nn.AvgPool;
import org.pf4j.Extension;

/**
 * {@code avg_pool_3x3}: {@code AvgPool2d(3, stride, padding=1, count_include_pad=False)}: a window
 * that overlaps the border averages only the pixels inside ({@link AvgPool}; see
 * {@link PoolOperation}). NAS-Bench-201's {@code avg_pool_3x3} is the same at stride 1.
 */
@Extension
public class AvgPoolOperation extends PoolOperation {

    @Override
    public String id() {
        return "avg_pool_3x3";
    }

    @Override
    protected Block pool(int stride) {
        return new AvgPool(3, stride, 1);
    }
}
