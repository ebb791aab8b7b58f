package dev.fastffi.benchmarks;

import dev.fastffi.internal.Binder;
import dev.fastffi.internal.Bindings;
import dev.fastffi.internal.LibraryState;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Not a mechanism: {@code Library.bind}'s binding (a class per library whose addresses are JIT
 * constants) next to the generated class itself, which {@code Library.bind} returned before and
 * still returns where hidden classes cannot be defined (it reads each address from its symbol on
 * every call), each held in a {@code static final} and in an instance field, with hand-written FFM
 * in the same run. Excluded from the default run ({@code -e Prototype}); see README.md, "Tuning",
 * finding 4.
 */
@State(Scope.Thread)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PrototypeCloseableBenchmark {
    /** The generated class itself on a closeable library of its own, as the fallback binds it. */
    static final BenchLib CHECKED = checked();

    BenchLib closeable = Fastffi.CLOSEABLE;
    BenchLib checked = CHECKED;

    int a = 40;
    int b = 2;
    double x = 1.5;
    double y = 2.25;
    long p = 0x8000_0000_0000_0001L;
    long q = 0x7fff_ffff_ffff_fff0L;

    private static BenchLib checked() {
        LibraryState state = new LibraryState(BenchNative.library().getFileName().toString(),
                SymbolLookup.libraryLookup(BenchNative.library(), Arena.ofAuto()), false, Arena.ofAuto());
        return Bindings.find(BenchLib.class).orElseThrow().create(new Binder(state));
    }

    @Benchmark
    public void noop_ffm() throws Throwable {
        HandWritten.NOOP.invokeExact();
    }

    @Benchmark
    public void noop_closeable() {
        Fastffi.CLOSEABLE.noop();
    }

    @Benchmark
    public void noop_closeableField() {
        closeable.noop();
    }

    @Benchmark
    public void noop_checked() {
        CHECKED.noop();
    }

    @Benchmark
    public void noop_checkedField() {
        checked.noop();
    }

    @Benchmark
    public int add_ffm() throws Throwable {
        return (int) HandWritten.ADD.invokeExact(a, b);
    }

    @Benchmark
    public int add_closeable() {
        return Fastffi.CLOSEABLE.add(a, b);
    }

    @Benchmark
    public int add_closeableField() {
        return closeable.add(a, b);
    }

    @Benchmark
    public int add_checked() {
        return CHECKED.add(a, b);
    }

    @Benchmark
    public int add_checkedField() {
        return checked.add(a, b);
    }

    @Benchmark
    public double mul_ffm() throws Throwable {
        return (double) HandWritten.MUL.invokeExact(x, y);
    }

    @Benchmark
    public double mul_closeable() {
        return Fastffi.CLOSEABLE.mul(x, y);
    }

    @Benchmark
    public double mul_closeableField() {
        return closeable.mul(x, y);
    }

    @Benchmark
    public double mul_checked() {
        return CHECKED.mul(x, y);
    }

    @Benchmark
    public double mul_checkedField() {
        return checked.mul(x, y);
    }

    @Benchmark
    public long xor_ffm() throws Throwable {
        return (long) HandWritten.XOR.invokeExact(p, q);
    }

    @Benchmark
    public long xor_closeable() {
        return Fastffi.CLOSEABLE.xor(p, q);
    }

    @Benchmark
    public long xor_closeableField() {
        return closeable.xor(p, q);
    }

    @Benchmark
    public long xor_checked() {
        return CHECKED.xor(p, q);
    }

    @Benchmark
    public long xor_checkedField() {
        return checked.xor(p, q);
    }
}
