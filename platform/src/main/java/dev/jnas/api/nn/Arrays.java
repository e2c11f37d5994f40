package dev.jnas.api.nn;

import ai.djl.ndarray.NDArray;

/**
 * Array helpers that keep DJL's PyTorch engine memory-safe under autograd.
 *
 * <p>On the CPU, DJL hands data created from Java ({@code manager.create(float[])}, and the scalars
 * behind {@code x.mul(2f)}) to PyTorch without a copy: the tensor points into a Java direct buffer
 * that the garbage collector frees once the Java array object is closed or unreachable. If the
 * autograd graph saved that tensor for the backward pass (the labels of a cross-entropy, the
 * images of a first convolution, the factor of a multiplication), the backward pass then reads
 * freed memory. Copy such data into engine-owned memory before it enters a graph, and combine
 * graph arrays with engine-made arrays ({@code zerosLike}, {@code manager.full}) rather than
 * with Java numbers.
 */
public final class Arrays {

    private Arrays() {
    }

    /**
     * A copy of {@code array} in memory the engine owns; {@code array} itself is closed.
     *
     * <pre>{@code NDArray images = Arrays.engineOwned(manager.create(pixels, shape));}</pre>
     */
    public static NDArray engineOwned(NDArray array) {
        NDArray copy = array.duplicate();
        array.close();
        return copy;
    }
}
