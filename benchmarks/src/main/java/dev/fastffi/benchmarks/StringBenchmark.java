package dev.fastffi.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * {@code length_of} (a strlen) of a 16-character String, as NUL-terminated UTF-8. fastffi's
 * {@code string} is always on the compatibility path; the baseline {@code ffm} allocates it in a
 * confined arena per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StringBenchmark {
    String text = "sixteen chars ok";

    @Benchmark
    public long ffm() throws Throwable {
        return HandWritten.lengthOfWithArena(text);
    }

    @Benchmark
    public long fastffiGlobal() {
        return Fastffi.GLOBAL.lengthOf(text);
    }

    @Benchmark
    public long fastffiCloseable() {
        return Fastffi.CLOSEABLE.lengthOf(text);
    }

    @Benchmark
    public Object dynamicInvoke() {
        return Fastffi.LENGTH_OF.invoke(text);
    }

    @Benchmark
    public long jnaDirect() {
        return JnaDirect.length_of(text);
    }

    @Benchmark
    public long jnaInterface() {
        return JnaLib.INSTANCE.length_of(text);
    }

    @Benchmark
    public long jnr() {
        return JnrLib.INSTANCE.length_of(text);
    }

    @Benchmark
    public long jni() {
        return Jni.lengthOf(text);
    }
}
