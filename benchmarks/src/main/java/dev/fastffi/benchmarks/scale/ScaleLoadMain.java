package dev.fastffi.benchmarks.scale;

import dev.fastffi.FastFfi;

/**
 * One {@code FastFfi.load} in a fresh JVM: prints the nanoseconds it took, then the nanoseconds of
 * the first call of one function, then that call's result so nothing can be skipped.
 *
 * <pre>
 * ScaleLoadMain interfaceName
 * </pre>
 */
public final class ScaleLoadMain {
    private ScaleLoadMain() {}

    public static void main(String[] args) throws Exception {
        Class<?> iface = Class.forName(args[0]);
        long start = System.nanoTime();
        Object binding = FastFfi.load(iface);
        long loaded = System.nanoTime() - start;
        // f0 is i32(i32, i32) returning a + b
        long callStart = System.nanoTime();
        Object result = iface.getMethod("f0", int.class, int.class).invoke(binding, 2, 3);
        long called = System.nanoTime() - callStart;
        System.out.println(loaded + " " + called + " " + result);
    }
}
