package dev.fastffi.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * {@link BufferCopyBenchmark}'s 64-byte case on two platform threads at once: each thread copies
 * through scratch memory of its own (fastffi) or an arena of its own per call (hand-written FFM).
 */
@State(Scope.Thread)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(2)
public class BufferCopyThreadsBenchmark {
    byte[] data;

    @Setup
    public void setUp() {
        data = Inputs.bytes(64);
    }

    @Benchmark
    public long ffm() throws Throwable {
        return HandWritten.sumBytesWithArena(data);
    }

    @Benchmark
    public long fastffiGlobal() {
        return Fastffi.GLOBAL.sumBytes(data, data.length);
    }
}
