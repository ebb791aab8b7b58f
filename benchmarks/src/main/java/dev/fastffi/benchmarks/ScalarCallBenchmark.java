package dev.fastffi.benchmarks;

import dev.fastffi.DynamicFunction;
import dev.fastffi.FastFfi;
import dev.fastffi.Library;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** {@code i32 add(i32, i32)} through every fastffi path against hand-written FFM. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ScalarCallBenchmark {
    int a = 40;
    int b = 2;

    BenchLib global;
    BenchLib closeable;
    Library library;
    DynamicFunction dynamicAdd;
    MethodHandle dynamicHandle;

    @Setup
    public void setUp() {
        global = FastFfi.load(BenchLib.class);
        library = Library.open("fastffi_bench");
        closeable = library.bind(BenchLib.class);
        dynamicAdd = library.function("add", "i32(i32, i32)");
        dynamicHandle = dynamicAdd.handle();
    }

    @TearDown
    public void tearDown() {
        library.close();
    }

    @Benchmark
    public int addHandWrittenFfm() throws Throwable {
        return (int) HandWritten.ADD.invokeExact(a, b);
    }

    @Benchmark
    public int addGeneratedGlobal() {
        return global.add(a, b);
    }

    @Benchmark
    public int addGeneratedCloseable() {
        return closeable.add(a, b);
    }

    @Benchmark
    public int addDynamicHandle() throws Throwable {
        return (int) dynamicHandle.invokeExact(a, b);
    }

    @Benchmark
    public Object addDynamicInvoke() {
        return dynamicAdd.invoke(a, b);
    }

    @Benchmark
    public void noopHandWrittenFfm() throws Throwable {
        HandWritten.NOOP.invokeExact();
    }

    @Benchmark
    public void noopGeneratedGlobal() {
        global.noop();
    }
}
