package dev.fastffi.benchmarks;

import java.util.Arrays;

/**
 * Not a JMH benchmark: on a machine other work loads, JMH's benchmarks run one after another and
 * the load changes in between. This alternates short blocks of calls (hand-written FFM, the
 * closeable binding in a {@code static final} and in a field, the generated class it falls back
 * to) in one JVM, round after round, and prints the median and quartiles of each block's time
 * over the hand-written block of the same round. See README.md, "Tuning", finding 4.
 *
 * <pre>
 * PrototypeCloseableInterleaved rounds
 * </pre>
 */
public final class PrototypeCloseableInterleaved {
    private static final int CALLS = 200_000;
    private static final int WARM_UP = 20;
    private static final BenchLib CLOSEABLE = Fastffi.CLOSEABLE;
    private static final BenchLib CHECKED = PrototypeCloseableBenchmark.CHECKED;
    private static final String[] NAMES = {"add, static final", "add, instance field", "u64, static final",
        "u64, instance field", "add, generated class, static final", "add, generated class, instance field"};

    private static long sink;
    private static int a = 40;
    private static int b = 2;
    private static long p = 0x8000_0000_0000_0001L;
    private static long q = 0x7fff_ffff_ffff_fff0L;

    private final BenchLib field = CLOSEABLE;
    private final BenchLib checkedField = CHECKED;

    private PrototypeCloseableInterleaved() {}

    public static void main(String[] args) throws Throwable {
        int rounds = Integer.parseInt(args[0]);
        PrototypeCloseableInterleaved self = new PrototypeCloseableInterleaved();
        double[][] ratios = new double[NAMES.length][rounds];
        for (int round = -WARM_UP; round < rounds; round++) {
            long[] t = new long[9];
            t[0] = System.nanoTime();
            sink += ffmAdd();
            t[1] = System.nanoTime();
            sink += closeableAdd();
            t[2] = System.nanoTime();
            sink += self.fieldAdd();
            t[3] = System.nanoTime();
            sink += ffmXor();
            t[4] = System.nanoTime();
            sink += closeableXor();
            t[5] = System.nanoTime();
            sink += self.fieldXor();
            t[6] = System.nanoTime();
            sink += checkedAdd();
            t[7] = System.nanoTime();
            sink += self.checkedFieldAdd();
            t[8] = System.nanoTime();
            if (round >= 0) {
                double add = t[1] - t[0];
                double xor = t[4] - t[3];
                double[] values = {(t[2] - t[1]) / add, (t[3] - t[2]) / add, (t[5] - t[4]) / xor,
                    (t[6] - t[5]) / xor, (t[7] - t[6]) / add, (t[8] - t[7]) / add};
                for (int i = 0; i < values.length; i++) {
                    ratios[i][round] = values[i];
                }
            }
        }
        for (int i = 0; i < NAMES.length; i++) {
            Arrays.sort(ratios[i]);
            System.out.printf("%s over hand-written FFM: median %.3f, quartiles %.3f-%.3f%n", NAMES[i],
                    ratios[i][rounds / 2], ratios[i][rounds / 4], ratios[i][3 * rounds / 4]);
        }
        System.out.println("(checksum " + sink + ")");
    }

    private static long ffmAdd() throws Throwable {
        long sum = 0;
        for (int i = 0; i < CALLS; i++) {
            sum += (int) HandWritten.ADD.invokeExact(a, b);
        }
        return sum;
    }

    private static long closeableAdd() {
        long sum = 0;
        for (int i = 0; i < CALLS; i++) {
            sum += CLOSEABLE.add(a, b);
        }
        return sum;
    }

    private long fieldAdd() {
        long sum = 0;
        for (int i = 0; i < CALLS; i++) {
            sum += field.add(a, b);
        }
        return sum;
    }

    private static long checkedAdd() {
        long sum = 0;
        for (int i = 0; i < CALLS; i++) {
            sum += CHECKED.add(a, b);
        }
        return sum;
    }

    private long checkedFieldAdd() {
        long sum = 0;
        for (int i = 0; i < CALLS; i++) {
            sum += checkedField.add(a, b);
        }
        return sum;
    }

    private static long ffmXor() throws Throwable {
        long sum = 0;
        for (int i = 0; i < CALLS; i++) {
            sum += (long) HandWritten.XOR.invokeExact(p, q);
        }
        return sum;
    }

    private static long closeableXor() {
        long sum = 0;
        for (int i = 0; i < CALLS; i++) {
            sum += CLOSEABLE.xor(p, q);
        }
        return sum;
    }

    private long fieldXor() {
        long sum = 0;
        for (int i = 0; i < CALLS; i++) {
            sum += field.xor(p, q);
        }
        return sum;
    }
}
