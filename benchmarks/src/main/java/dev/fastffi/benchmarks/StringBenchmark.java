package dev.fastffi.benchmarks;

import dev.fastffi.FastFfi;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The length of a 16-character String in C: fastffi's compatibility path against a confined arena per call. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StringBenchmark {
    String text = "sixteen chars ok";
    BenchLib lib;

    @Setup
    public void setUp() {
        lib = FastFfi.load(BenchLib.class);
    }

    @Benchmark
    public long generatedCompat() {
        return lib.lengthOf(text);
    }

    @Benchmark
    public long handWrittenArenaPerCall() throws Throwable {
        return HandWritten.lengthOfWithArena(text);
    }
}
