package dev.fastffi.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** {@code double mul(double, double)}. Method names are the mechanisms of the report. */
@State(Scope.Thread)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MulBenchmark {
    /** The closeable binding read from an instance field, as code that keeps it in an object holds it. */
    BenchLib closeable = Fastffi.CLOSEABLE;
    double a = 6.5;
    double b = -0.25;

    @Benchmark
    @Fork(3)
    public double ffm() throws Throwable {
        return (double) HandWritten.MUL.invokeExact(a, b);
    }

    @Benchmark
    public double ffmCritical() throws Throwable {
        return (double) HandWritten.MUL_CRITICAL.invokeExact(a, b);
    }

    @Benchmark
    @Fork(3)
    public double fastffiGlobal() {
        return Fastffi.GLOBAL.mul(a, b);
    }

    @Benchmark
    public double fastffiGlobalCritical() {
        return Fastffi.GLOBAL.mulCritical(a, b);
    }

    @Benchmark
    @Fork(3)
    public double fastffiCloseable() {
        return Fastffi.CLOSEABLE.mul(a, b);
    }

    @Benchmark
    @Fork(3)
    public double fastffiCloseableField() {
        return closeable.mul(a, b);
    }

    @Benchmark
    public Double fastffiCompat() {
        return Fastffi.COMPAT.mul(a, b);
    }

    @Benchmark
    @Fork(3)
    public double dynamicHandle() throws Throwable {
        return (double) Fastffi.MUL_HANDLE.invokeExact(a, b);
    }

    @Benchmark
    public Object dynamicInvoke() {
        return Fastffi.MUL.invoke(a, b);
    }

    @Benchmark
    public double jnaDirect() {
        return JnaDirect.mul(a, b);
    }

    @Benchmark
    public double jnaInterface() {
        return JnaLib.INSTANCE.mul(a, b);
    }

    @Benchmark
    public double jnr() {
        return JnrLib.INSTANCE.mul(a, b);
    }

    @Benchmark
    public double jni() {
        return Jni.mul(a, b);
    }
}
