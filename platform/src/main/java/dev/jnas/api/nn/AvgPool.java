package dev.jnas.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * 2-d average pooling that leaves the zero padding out of the average: PyTorch's
 * {@code AvgPool2d(kernel, stride, padding, count_include_pad=False)}, as in the DARTS
 * {@code avg_pool_3x3}. A window that overlaps the border is the mean of the pixels inside the
 * image only, so a constant image stays constant.
 *
 * <p>DJL's PyTorch engine ignores {@code countIncludePad} (0.36 always counts the padding), so this
 * block pools with the padding counted and divides by the pooled all-ones image of the same
 * height and width, which is the fraction of each window inside the image.
 *
 * <p>Output shape: {@code (N, C, (H + 2·padding − kernel) / stride + 1, same for W)} (floor, as
 * PyTorch without ceil mode). No parameters.
 *
 * <pre>{@code Block pool = new AvgPool(3, stride, 1);}</pre>
 */
public class AvgPool extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Shape kernel;
    private final Shape stride;
    private final Shape padding;

    /**
     * @param kernel window height and width
     * @param stride stride in both directions
     * @param padding implicit zero padding on every side, at most half the kernel
     */
    public AvgPool(int kernel, int stride, int padding) {
        super(VERSION);
        if (kernel < 1 || stride < 1 || padding < 0 || 2 * padding > kernel) {
            throw new IllegalArgumentException("AvgPool needs kernel, stride >= 1 and 0 <= padding <= kernel / 2, got "
                    + kernel + ", " + stride + ", " + padding);
        }
        this.kernel = new Shape(kernel, kernel);
        this.stride = new Shape(stride, stride);
        this.padding = new Shape(padding, padding);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray pooled = Pool.avgPool2d(x, kernel, stride, padding, false, true);
        if (padding.get(0) == 0) {
            return new NDList(pooled);
        }
        Shape shape = x.getShape();
        NDManager manager = x.getManager();
        try (NDArray ones = manager.ones(new Shape(1, 1, shape.get(2), shape.get(3)), x.getDataType());
             NDArray inside = Pool.avgPool2d(ones, kernel, stride, padding, false, true)) {
            return new NDList(pooled.div(inside));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), outSize(in.get(2)), outSize(in.get(3)))};
    }

    private long outSize(long size) {
        return (size + 2 * padding.get(0) - kernel.get(0)) / stride.get(0) + 1;
    }
}
