/**
 * Building blocks with PyTorch semantics for writing candidate operations and cells: the DJL
 * counterparts of the DARTS reference code's {@code ReLUConvBN}, {@code FactorizedReduce},
 * {@code Zero} and {@code Identity}, an {@link dev.jnas.api.nn.AvgPool} that leaves the padding
 * out of the average, and {@link dev.jnas.api.nn.Layers} for BatchNorm and convolutions
 * configured as PyTorch configures them.
 *
 * <p>Operation plugins (the standard ones and third parties') compile against this package; the
 * platform's supernet uses the same blocks to preprocess a cell's inputs. Every block is a plain
 * DJL {@link ai.djl.nn.Block}: build it, add it to a network (or initialise it on its own with
 * {@code block.initialize(manager, DataType.FLOAT32, inputShape)}) and call {@code forward}. The
 * number of input channels is taken from the input shape at initialisation; the batch size is
 * free, so one initialised block serves batches of any size.
 *
 * <pre>{@code
 * Block pre1 = new ReluConvBn(16, 1, 1, 0, false);
 * Block pre0 = reductionPrev ? new FactorizedReduce(16, false) : new ReluConvBn(16, 1, 1, 0, false);
 * }</pre>
 */
package dev.jnas.api.nn;
