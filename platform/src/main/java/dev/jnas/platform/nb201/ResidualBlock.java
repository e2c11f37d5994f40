package dev.jnas.platform.nb201;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.jnas.api.nn.AvgPool;
import dev.jnas.api.nn.Layers;
import dev.jnas.api.nn.ReluConvBn;

/**
 * NAS-Bench-201's reduction between stages, its {@code ResNetBasicblock} at stride 2: ReLU–3×3
 * conv (stride 2)–BN, then ReLU–3×3 conv–BN, plus a shortcut of 2×2 average pooling (stride 2)
 * and a 1×1 convolution to the new width. Convolutions have no bias; BatchNorms are affine.
 * {@code (N, C, H, W) → (N, out, H / 2, W / 2)} for even H and W.
 */
final class ResidualBlock extends AbstractBlock {

    private final ReluConvBn convA;
    private final ReluConvBn convB;
    private final SequentialBlock shortcut;

    /** @param outChannels output channels, twice the input's in NAS-Bench-201 */
    ResidualBlock(int outChannels) {
        convA = addChildBlock("conv_a", new ReluConvBn(outChannels, 3, 2, 1, true));
        convB = addChildBlock("conv_b", new ReluConvBn(outChannels, 3, 1, 1, true));
        shortcut = addChildBlock("downsample", new SequentialBlock()
                .add(new AvgPool(2, 2, 0))
                .add(Layers.conv2d(outChannels, 1, 1, 0, 1, 1)));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList x = new NDList(inputs.singletonOrThrow());
        NDArray residual = convB.forward(store, convA.forward(store, x, training), training).singletonOrThrow();
        return new NDList(shortcut.forward(store, x, training).singletonOrThrow().add(residual));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return convB.getOutputShapes(convA.getOutputShapes(inputShapes));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        convA.initialize(manager, dataType, inputShapes);
        convB.initialize(manager, dataType, convA.getOutputShapes(inputShapes));
        shortcut.initialize(manager, dataType, inputShapes);
        Shape viaShortcut = shortcut.getOutputShapes(inputShapes)[0];
        Shape viaConvs = getOutputShapes(inputShapes)[0];
        if (!viaShortcut.equals(viaConvs)) {
            throw new IllegalStateException("a NAS-Bench-201 reduction needs an even height and width, got "
                    + inputShapes[0]);
        }
    }
}
