package dev.fastffi.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** {@code int32_t add(int32_t, int32_t)}. Method names are the mechanisms of the report. */
@State(Scope.Thread)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AddBenchmark {
    /** The closeable binding read from an instance field, as code that keeps it in an object holds it. */
    BenchLib closeable = Fastffi.CLOSEABLE;
    int a = 40;
    int b = 2;

    @Benchmark
    @Fork(3)
    public int ffm() throws Throwable {
        return (int) HandWritten.ADD.invokeExact(a, b);
    }

    @Benchmark
    public int ffmCritical() throws Throwable {
        return (int) HandWritten.ADD_CRITICAL.invokeExact(a, b);
    }

    @Benchmark
    @Fork(3)
    public int fastffiGlobal() {
        return Fastffi.GLOBAL.add(a, b);
    }

    @Benchmark
    public int fastffiGlobalCritical() {
        return Fastffi.GLOBAL.addCritical(a, b);
    }

    @Benchmark
    @Fork(3)
    public int fastffiCloseable() {
        return Fastffi.CLOSEABLE.add(a, b);
    }

    @Benchmark
    @Fork(3)
    public int fastffiCloseableField() {
        return closeable.add(a, b);
    }

    @Benchmark
    public Integer fastffiCompat() {
        return Fastffi.COMPAT.add(a, b);
    }

    @Benchmark
    @Fork(3)
    public int dynamicHandle() throws Throwable {
        return (int) Fastffi.ADD_HANDLE.invokeExact(a, b);
    }

    @Benchmark
    @Fork(3)
    public Object dynamicInvoke() {
        return Fastffi.ADD.invoke(a, b);
    }

    @Benchmark
    public int jnaDirect() {
        return JnaDirect.add(a, b);
    }

    @Benchmark
    public int jnaInterface() {
        return JnaLib.INSTANCE.add(a, b);
    }

    @Benchmark
    public int jnr() {
        return JnrLib.INSTANCE.add(a, b);
    }

    @Benchmark
    public int jni() {
        return Jni.add(a, b);
    }
}
