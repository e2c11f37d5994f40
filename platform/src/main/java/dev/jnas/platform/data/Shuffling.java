package dev.jnas.platform.data;

import java.util.Random;

/**
 * Seeded permutations that are the same in every process and Java version: {@link Random}'s
 * sequence is fixed by its specification.
 */
final class Shuffling {

    private Shuffling() {
    }

    /** A well-spread 64-bit seed from a seed and a stream number (the SplitMix64 finaliser). */
    static long mix(long seed, long stream) {
        long z = seed + (stream + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Shuffles {@code values} in place with Fisher-Yates, drawing from {@code new Random(seed)}. */
    static void shuffle(int[] values, long seed) {
        Random random = new Random(seed);
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /** {@code 0, 1, ..., n - 1}. */
    static int[] range(int n) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return values;
    }
}
