/**
 * Trial execution for evaluators that train: the proxy training of one architecture
 * ({@link dev.jnas.platform.trials.ProxyTraining}), a runner that trains in this process
 * ({@link dev.jnas.platform.trials.InProcessTrialRunner}), a pool of worker processes that train
 * several architectures at once ({@link dev.jnas.platform.trials.WorkerPool}), and the worker's
 * side of their line protocol ({@link dev.jnas.platform.trials.TrialWorker}).
 */
package dev.jnas.platform.trials;
