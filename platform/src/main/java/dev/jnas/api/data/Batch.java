package dev.jnas.api.data;

import ai.djl.ndarray.NDArray;

/**
 * A mini-batch: normalised images {@code (N, C, H, W)} float32 and labels {@code (N)} int64.
 * Both arrays belong to the manager the batch was made in; close that manager to free them.
 *
 * @param images the normalised images
 * @param labels the class indices
 */
public record Batch(NDArray images, NDArray labels) {

    /** The number of examples. */
    public int size() {
        return (int) labels.size();
    }
}
