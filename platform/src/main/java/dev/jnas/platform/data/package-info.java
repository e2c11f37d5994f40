/**
 * Reading image datasets (Fashion-MNIST IDX, CIFAR-10 binary) into memory and serving them as
 * {@link dev.jnas.api.data.DataSplit}s; {@link dev.jnas.platform.data.Datasets} is the entry point.
 */
package dev.jnas.platform.data;
