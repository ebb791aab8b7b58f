package dev.fastffi.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Not a mechanism: {@code noop}, {@code add}, {@code mul} and {@code xor_u64} through a closeable
 * binding in shapes whose handles are JIT constants ({@link PrototypeCloseableShapes}), each held in
 * a {@code static final} and in an instance field, next to hand-written FFM and today's global and
 * closeable bindings, and the time to bind. Excluded from the default run ({@code -e Prototype});
 * see README.md, "Tuning", finding 4.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PrototypeCloseableBenchmark {
    static final PrototypeCloseableShapes.Lib LIB = new PrototypeCloseableShapes.Lib();
    static final PrototypeCloseableShapes.Scalars HIDDEN = PrototypeCloseableShapes.hidden(LIB);
    static final PrototypeCloseableShapes.Scalars CALL_SITE = new PrototypeCloseableShapes.CallSiteBinding(LIB);

    BenchLib closeable = Fastffi.CLOSEABLE;
    PrototypeCloseableShapes.Scalars hidden = HIDDEN;
    PrototypeCloseableShapes.Scalars callSite = CALL_SITE;

    int a = 40;
    int b = 2;
    double x = 1.5;
    double y = 2.25;
    long p = 0x8000_0000_0000_0001L;
    long q = 0x7fff_ffff_ffff_fff0L;

    @Benchmark
    public void noop_ffm() throws Throwable {
        HandWritten.NOOP.invokeExact();
    }

    @Benchmark
    public void noop_fastffiGlobal() {
        Fastffi.GLOBAL.noop();
    }

    @Benchmark
    public void noop_fastffiCloseable() {
        Fastffi.CLOSEABLE.noop();
    }

    @Benchmark
    public void noop_fastffiCloseableField() {
        closeable.noop();
    }

    @Benchmark
    public void noop_hiddenClass() {
        HIDDEN.noop();
    }

    @Benchmark
    public void noop_hiddenClassField() {
        hidden.noop();
    }

    @Benchmark
    public void noop_callSite() {
        CALL_SITE.noop();
    }

    @Benchmark
    public void noop_callSiteField() {
        callSite.noop();
    }

    @Benchmark
    public int add_ffm() throws Throwable {
        return (int) HandWritten.ADD.invokeExact(a, b);
    }

    @Benchmark
    public int add_fastffiGlobal() {
        return Fastffi.GLOBAL.add(a, b);
    }

    @Benchmark
    public int add_fastffiCloseable() {
        return Fastffi.CLOSEABLE.add(a, b);
    }

    @Benchmark
    public int add_fastffiCloseableField() {
        return closeable.add(a, b);
    }

    @Benchmark
    public int add_hiddenClass() {
        return HIDDEN.add(a, b);
    }

    @Benchmark
    public int add_hiddenClassField() {
        return hidden.add(a, b);
    }

    @Benchmark
    public int add_callSite() {
        return CALL_SITE.add(a, b);
    }

    @Benchmark
    public int add_callSiteField() {
        return callSite.add(a, b);
    }

    @Benchmark
    public double mul_ffm() throws Throwable {
        return (double) HandWritten.MUL.invokeExact(x, y);
    }

    @Benchmark
    public double mul_fastffiGlobal() {
        return Fastffi.GLOBAL.mul(x, y);
    }

    @Benchmark
    public double mul_fastffiCloseable() {
        return Fastffi.CLOSEABLE.mul(x, y);
    }

    @Benchmark
    public double mul_fastffiCloseableField() {
        return closeable.mul(x, y);
    }

    @Benchmark
    public double mul_hiddenClass() {
        return HIDDEN.mul(x, y);
    }

    @Benchmark
    public double mul_hiddenClassField() {
        return hidden.mul(x, y);
    }

    @Benchmark
    public double mul_callSite() {
        return CALL_SITE.mul(x, y);
    }

    @Benchmark
    public double mul_callSiteField() {
        return callSite.mul(x, y);
    }

    @Benchmark
    public long xor_ffm() throws Throwable {
        return (long) HandWritten.XOR.invokeExact(p, q);
    }

    @Benchmark
    public long xor_fastffiGlobal() {
        return Fastffi.GLOBAL.xor(p, q);
    }

    @Benchmark
    public long xor_fastffiCloseable() {
        return Fastffi.CLOSEABLE.xor(p, q);
    }

    @Benchmark
    public long xor_fastffiCloseableField() {
        return closeable.xor(p, q);
    }

    @Benchmark
    public long xor_hiddenClass() {
        return HIDDEN.xor(p, q);
    }

    @Benchmark
    public long xor_hiddenClassField() {
        return hidden.xor(p, q);
    }

    @Benchmark
    public long xor_callSite() {
        return CALL_SITE.xor(p, q);
    }

    @Benchmark
    public long xor_callSiteField() {
        return callSite.xor(p, q);
    }

    /** Bind time: a hidden class spun, its four handles linked (shared) and guarded. */
    @Benchmark
    public Object bind_hiddenClass() {
        return PrototypeCloseableShapes.hidden(LIB);
    }

    /** Bind time today: {@code Library.bind} of the whole benchmark interface. */
    @Benchmark
    public Object bind_fastffiCloseable() {
        return Fastffi.LIBRARY.bind(BenchLib.class);
    }
}
