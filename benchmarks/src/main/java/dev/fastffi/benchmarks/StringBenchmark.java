package dev.fastffi.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * {@code length_of} (a strlen) of a 16-character String, as NUL-terminated UTF-8. fastffi's
 * {@code string} is on the compatibility path, but a method whose only non-fast types are String
 * arguments gets a generated body that copies them into scratch memory and calls the exact handle;
 * the baseline {@code ffm} allocates the string in a confined arena per call.
 */
@State(Scope.Thread)
@Fork(1)
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
