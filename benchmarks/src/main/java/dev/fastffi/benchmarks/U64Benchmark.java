package dev.fastffi.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** {@code uint64_t xor_u64(uint64_t, uint64_t)}, with values above 2^63 to keep all 64 bits busy. Method names are the mechanisms of the report. */
@State(Scope.Thread)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class U64Benchmark {
    /** The closeable binding read from an instance field, as code that keeps it in an object holds it. */
    BenchLib closeable = Fastffi.CLOSEABLE;
    long a = 0xF0F0_F0F0_F0F0_F0F0L;
    long b = 0x0123_4567_89AB_CDEFL;

    @Benchmark
    @Fork(3)
    public long ffm() throws Throwable {
        return (long) HandWritten.XOR.invokeExact(a, b);
    }

    @Benchmark
    public long ffmCritical() throws Throwable {
        return (long) HandWritten.XOR_CRITICAL.invokeExact(a, b);
    }

    @Benchmark
    @Fork(3)
    public long fastffiGlobal() {
        return Fastffi.GLOBAL.xor(a, b);
    }

    @Benchmark
    public long fastffiGlobalCritical() {
        return Fastffi.GLOBAL.xorCritical(a, b);
    }

    @Benchmark
    @Fork(3)
    public long fastffiCloseable() {
        return Fastffi.CLOSEABLE.xor(a, b);
    }

    @Benchmark
    @Fork(3)
    public long fastffiCloseableField() {
        return closeable.xor(a, b);
    }

    @Benchmark
    public Long fastffiCompat() {
        return Fastffi.COMPAT.xor(a, b);
    }

    @Benchmark
    @Fork(3)
    public long dynamicHandle() throws Throwable {
        return (long) Fastffi.XOR_HANDLE.invokeExact(a, b);
    }

    @Benchmark
    @Fork(3)
    public Object dynamicInvoke() {
        return Fastffi.XOR.invoke(a, b);
    }

    @Benchmark
    public long jnaDirect() {
        return JnaDirect.xor_u64(a, b);
    }

    @Benchmark
    public long jnaInterface() {
        return JnaLib.INSTANCE.xor_u64(a, b);
    }

    @Benchmark
    public long jnr() {
        return JnrLib.INSTANCE.xor_u64(a, b);
    }

    @Benchmark
    public long jni() {
        return Jni.xor(a, b);
    }
}
