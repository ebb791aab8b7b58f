package dev.fastffi.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** {@code void noop(void)}: the fixed cost of a call. Method names are the mechanisms of the report. */
@State(Scope.Thread)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NoArgBenchmark {
    /** The closeable binding read from an instance field, as code that keeps it in an object holds it. */
    BenchLib closeable = Fastffi.CLOSEABLE;

    @Benchmark
    @Fork(3)
    public void ffm() throws Throwable {
        HandWritten.NOOP.invokeExact();
    }

    @Benchmark
    public void ffmCritical() throws Throwable {
        HandWritten.NOOP_CRITICAL.invokeExact();
    }

    @Benchmark
    @Fork(3)
    public void fastffiGlobal() {
        Fastffi.GLOBAL.noop();
    }

    @Benchmark
    public void fastffiGlobalCritical() {
        Fastffi.GLOBAL.noopCritical();
    }

    @Benchmark
    @Fork(3)
    public void fastffiCloseable() {
        Fastffi.CLOSEABLE.noop();
    }

    @Benchmark
    @Fork(3)
    public void fastffiCloseableField() {
        closeable.noop();
    }

    @Benchmark
    @Fork(3)
    public void dynamicHandle() throws Throwable {
        Fastffi.NOOP_HANDLE.invokeExact();
    }

    @Benchmark
    public Object dynamicInvoke() {
        return Fastffi.NOOP.invoke();
    }

    @Benchmark
    public void jnaDirect() {
        JnaDirect.noop();
    }

    @Benchmark
    public void jnaInterface() {
        JnaLib.INSTANCE.noop();
    }

    @Benchmark
    public void jnr() {
        JnrLib.INSTANCE.noop();
    }

    @Benchmark
    public void jni() {
        Jni.noop();
    }
}
