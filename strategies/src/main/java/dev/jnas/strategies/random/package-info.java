/** Random search over a discrete space: {@link dev.jnas.strategies.random.RandomSearchStrategy}. */
package dev.jnas.strategies.random;
