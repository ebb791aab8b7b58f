package dev.fastffi.benchmarks;

import dev.fastffi.FastFfi;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Summing a byte[] in C: fastffi's copy and critical paths against the hand-written equivalents. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BufferBenchmark {
    @Param({"64", "4096"})
    int size;

    byte[] data;
    BenchLib lib;

    @Setup
    public void setUp() {
        data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) i;
        }
        lib = FastFfi.load(BenchLib.class);
    }

    @Benchmark
    public long copyGenerated() {
        return lib.sumBytes(data, data.length);
    }

    @Benchmark
    public long copyHandWrittenArenaPerCall() throws Throwable {
        return HandWritten.sumBytesWithArena(data);
    }

    @Benchmark
    public long criticalGenerated() {
        return lib.sumBytesCritical(data, data.length);
    }

    @Benchmark
    public long criticalHandWritten() throws Throwable {
        return HandWritten.sumBytesCritical(data);
    }
}
