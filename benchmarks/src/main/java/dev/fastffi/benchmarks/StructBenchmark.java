package dev.fastffi.benchmarks;

import com.sun.jna.Native;
import com.sun.jna.Structure;
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
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A 16-byte struct argument and result ({@code pair pair_step(pair)}): generated fastffi against
 * hand-written FFM and JNA {@code Structure.ByValue}. Each returns a new Java value per call, as
 * a caller needs one; run with {@code -prof gc} to see that nothing else is allocated.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StructBenchmark {
    private static final StructLayout PAIR = MemoryLayout.structLayout(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_LONG);
    private static final MethodHandle STEP = Linker.nativeLinker().downcallHandle(
            SymbolLookup.libraryLookup(Path.of(System.getProperty("fastffi.bench.library")), Arena.global())
                    .find("pair_step").orElseThrow(),
            FunctionDescriptor.of(PAIR, PAIR));

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
    public interface JnaLib extends com.sun.jna.Library {
        JnaPair pair_step(JnaPair pair);
    }

    Pair pair = new Pair(1.5, 41);
    JnaPair jnaPair = new JnaPair();

    StructLib global;
    StructLib closeable;
    Library library;
    JnaLib jna;
    Arena arena;
    MemorySegment argument;
    SegmentAllocator result;

    @Setup
    public void setUp() {
        global = FastFfi.load(StructLib.class);
        library = Library.open("fastffi_bench");
        closeable = library.bind(StructLib.class);
        jna = Native.load(System.getProperty("fastffi.bench.library"), JnaLib.class);
        jnaPair.x = 1.5;
        jnaPair.n = 41;
        arena = Arena.ofConfined();
        argument = arena.allocate(PAIR);
        // an expert hands FFM the same segment for every result rather than an arena per call
        MemorySegment out = arena.allocate(PAIR);
        result = (size, alignment) -> out;
    }

    @TearDown
    public void tearDown() {
        library.close();
        arena.close();
    }

    @Benchmark
    public Pair stepHandWrittenFfm() throws Throwable {
        argument.set(ValueLayout.JAVA_DOUBLE, 0, pair.x());
        argument.set(ValueLayout.JAVA_LONG, 8, pair.n());
        MemorySegment out = (MemorySegment) STEP.invokeExact(result, argument);
        return new Pair(out.get(ValueLayout.JAVA_DOUBLE, 0), out.get(ValueLayout.JAVA_LONG, 8));
    }

    @Benchmark
    public Pair stepGeneratedGlobal() {
        return global.step(pair);
    }

    @Benchmark
    public Pair stepGeneratedCloseable() {
        return closeable.step(pair);
    }

    @Benchmark
    public JnaPair stepJnaByValue() {
        return jna.pair_step(jnaPair);
    }
}
