/**
 * Optimizers with PyTorch semantics and checkpointable state ({@link dev.jnas.api.optim.Sgd},
 * {@link dev.jnas.api.optim.Adam}), the cosine schedule and global-norm gradient clipping.
 */
package dev.jnas.api.optim;
