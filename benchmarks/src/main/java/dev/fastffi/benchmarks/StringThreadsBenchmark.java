package dev.fastffi.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/** {@link StringBenchmark} on two platform threads at once. */
@State(Scope.Thread)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(2)
public class StringThreadsBenchmark {
    String text = "sixteen chars ok";

    @Benchmark
    public long ffm() throws Throwable {
        return HandWritten.lengthOfWithArena(text);
    }

    @Benchmark
    public long fastffiGlobal() {
        return Fastffi.GLOBAL.lengthOf(text);
    }
}
