package dev.fastffi.benchmarks;

import java.util.Random;

/** The benchmarks' input data, the same for every mechanism. */
final class Inputs {
    /** Ints sorted by the callback case, shuffled with a fixed seed. */
    static final int[] UNSORTED = new Random(7).ints(64).toArray();

    private Inputs() {}

    /** {@code 0, 1, 2, ...} as bytes, so that every byte counts in the sum. */
    static byte[] bytes(int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) i;
        }
        return data;
    }
}
