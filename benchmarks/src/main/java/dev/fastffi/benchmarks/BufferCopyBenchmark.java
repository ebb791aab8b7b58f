package dev.fastffi.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code sum_bytes} over a {@code byte[]} copied into native memory and back, as every mechanism
 * here does. The baseline {@code ffm} is what most hand-written FFM does: a confined arena per call.
 */
@State(Scope.Thread)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BufferCopyBenchmark {
    @Param({"64", "4096"})
    int size;

    byte[] data;

    @Setup
    public void setUp() {
        data = Inputs.bytes(size);
    }

    @Benchmark
    public long ffm() throws Throwable {
        return HandWritten.sumBytesWithArena(data);
    }

    @Benchmark
    public long fastffiGlobal() {
        return Fastffi.GLOBAL.sumBytes(data, data.length);
    }

    @Benchmark
    public long fastffiCloseable() {
        return Fastffi.CLOSEABLE.sumBytes(data, data.length);
    }

    @Benchmark
    public Long fastffiCompat() {
        return Fastffi.COMPAT.sumBytes(data, (long) data.length);
    }

    @Benchmark
    public Object dynamicInvoke() {
        return Fastffi.SUM_BYTES.invoke(data, (long) data.length);
    }

    @Benchmark
    public long jnaDirect() {
        return JnaDirect.sum_bytes(data, data.length);
    }

    @Benchmark
    public long jnaInterface() {
        return JnaLib.INSTANCE.sum_bytes(data, data.length);
    }

    @Benchmark
    public long jnr() {
        return JnrLib.INSTANCE.sum_bytes(data, data.length);
    }

    @Benchmark
    public long jni() {
        return Jni.sumBytes(data, data.length);
    }
}
