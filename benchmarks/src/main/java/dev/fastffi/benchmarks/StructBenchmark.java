package dev.fastffi.benchmarks;

import com.sun.jna.Native;
import com.sun.jna.Structure;
import dev.fastffi.DynamicFunction;
import dev.fastffi.FastFfi;
import dev.fastffi.Library;
import dev.fastffi.benchmarks.StructLib.Pair;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code pair pair_step(pair)}: a 16-byte struct ({@code {f64, i64}}) as argument and result.
 * Every mechanism takes and returns a {@code Pair} record, as a caller needs one; run with
 * {@code -prof gc} to see what each allocates besides it. Method names are the mechanisms of the report.
 */
@State(Scope.Thread)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StructBenchmark {
    private static final StructLayout PAIR = MemoryLayout.structLayout(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_LONG);
    private static final MethodHandle STEP = Linker.nativeLinker().downcallHandle(
            SymbolLookup.libraryLookup(BenchNative.library(), Arena.global()).find("pair_step").orElseThrow(),
            FunctionDescriptor.of(PAIR, PAIR));

    private static final StructLib GLOBAL = FastFfi.load(StructLib.class);
    private static final Library LIBRARY = Library.open(BenchNative.library().toString());
    private static final StructLib CLOSEABLE = LIBRARY.bind(StructLib.class);
    private static final DynamicFunction DYNAMIC = LIBRARY.function("pair_step", "{f64, i64}({f64, i64})");
    private static final JnaStructLib JNA = Native.load(BenchNative.library().toString(), JnaStructLib.class);

    /** JNA's by-value struct, mapped the way its documentation shows. */
    public static class JnaPair extends Structure implements Structure.ByValue {
        public double x;
        public long n;

        @Override
        protected List<String> getFieldOrder() {
            return List.of("x", "n");
        }
    }

    /** The JNA interface mapping of the same function. */
    public interface JnaStructLib extends com.sun.jna.Library {
        JnaPair pair_step(JnaPair pair);
    }

    Pair pair = new Pair(1.5, 41);
    JnaPair jnaPair = new JnaPair();
    MemorySegment argument;
    SegmentAllocator result;

    @Setup
    public void setUp() {
        jnaPair.x = pair.x();
        jnaPair.n = pair.n();
        Arena arena = Arena.ofAuto();
        argument = arena.allocate(PAIR);
        // an expert hands FFM one segment for every result rather than an arena per call
        MemorySegment out = arena.allocate(PAIR);
        result = (size, alignment) -> out;
    }

    @Benchmark
    public Pair ffm() throws Throwable {
        argument.set(ValueLayout.JAVA_DOUBLE, 0, pair.x());
        argument.set(ValueLayout.JAVA_LONG, 8, pair.n());
        MemorySegment out = (MemorySegment) STEP.invokeExact(result, argument);
        return new Pair(out.get(ValueLayout.JAVA_DOUBLE, 0), out.get(ValueLayout.JAVA_LONG, 8));
    }

    @Benchmark
    public Pair fastffiGlobal() {
        return GLOBAL.step(pair);
    }

    @Benchmark
    public Pair fastffiCloseable() {
        return CLOSEABLE.step(pair);
    }

    @Benchmark
    public Pair dynamicInvoke() {
        Object[] fields = (Object[]) DYNAMIC.invoke(pair);
        return new Pair((Double) fields[0], (Long) fields[1]);
    }

    @Benchmark
    public Pair jnaInterface() {
        JnaPair out = JNA.pair_step(jnaPair);
        return new Pair(out.x, out.n);
    }
}
