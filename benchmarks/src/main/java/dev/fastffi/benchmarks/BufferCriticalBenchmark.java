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
 * {@code sum_bytes} over the Java heap array itself, never copied. The baseline {@code ffm} is a
 * {@code critical(true)} handle given {@code MemorySegment.ofArray}. JNA has no zero-copy heap arrays.
 */
@State(Scope.Thread)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BufferCriticalBenchmark {
    @Param({"64", "4096"})
    int size;

    byte[] data;

    @Setup
    public void setUp() {
        data = Inputs.bytes(size);
    }

    @Benchmark
    @Fork(3)
    public long ffm() throws Throwable {
        return HandWritten.sumBytesCritical(data);
    }

    @Benchmark
    @Fork(3)
    public long fastffiGlobal() {
        return Fastffi.GLOBAL.sumBytesCritical(data, data.length);
    }

    @Benchmark
    public long fastffiCloseable() {
        return Fastffi.CLOSEABLE.sumBytesCritical(data, data.length);
    }

    @Benchmark
    public long jnr() {
        return JnrLib.INSTANCE.sumBytesPinned(data, data.length);
    }

    @Benchmark
    public long jni() {
        return Jni.sumBytesCritical(data, data.length);
    }
}
