package dev.fastffi.benchmarks;

import java.nio.file.Path;

/** Where the build put the benchmark libraries; the bench profile passes both properties. */
public final class BenchNative {
    private BenchNative() {}

    /** {@code libfastffi_bench.so}, the C functions every mechanism calls. */
    public static Path library() {
        return Path.of(required("fastffi.bench.library"));
    }

    /** The directory holding it and the JNI stub {@code libfastffi_bench_jni.so}. */
    public static Path directory() {
        return library().getParent();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("-D" + property + " is not set; run the benchmarks through"
                    + " the bench profile (see benchmarks/README.md)");
        }
        return value;
    }
}
