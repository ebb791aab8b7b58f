package dev.fastffi.benchmarks;

import dev.fastffi.internal.LibraryState;
import dev.fastffi.internal.NativeSymbol;
import dev.fastffi.internal.Strings;
import dev.fastffi.internal.memory.Scratch;
import dev.fastffi.model.Signature;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
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
 * Not a mechanism: the shapes behind the generated body of a COMPAT method whose only non-fast
 * type is {@code String}, which copies into scratch memory and calls the exact handle,
 * as buffers do, instead of boxing through {@code CompatFunction}. {@code generated} is that body
 * on {@code FastFfi.load}; the others rebuild it by hand. Excluded from the default run; see
 * README.md, "Tuning".
 */
@State(Scope.Thread)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PrototypeStringBenchmark {
    /** Only named in messages of rejected arguments. */
    private static final NativeSymbol SITE = NativeSymbol.resolve(
            new LibraryState(BenchNative.library().getFileName().toString(),
                    SymbolLookup.libraryLookup(BenchNative.library(), Arena.global()), true),
            "length_of", Signature.parse("usize(string)"));

    String text = "sixteen chars ok";

    @Benchmark
    public long ffm() throws Throwable {
        return HandWritten.lengthOfWithArena(text);
    }

    @Benchmark
    public long generated() {
        return Fastffi.GLOBAL.lengthOf(text);
    }

    @Benchmark
    public long scratchExact() throws Throwable {
        Scratch scratch = Scratch.current();
        long mark = scratch.mark();
        try {
            return (long) HandWritten.LENGTH_OF.invokeExact(Strings.in(text, scratch, SITE, 0));
        } finally {
            scratch.reset(mark);
        }
    }

    /** {@link #scratchExact} without the NUL check: {@code setString} into a worst-case slot, as {@code Strings.in}. */
    @Benchmark
    public long scratchSetString() throws Throwable {
        Scratch scratch = Scratch.current();
        long mark = scratch.mark();
        try {
            MemorySegment copy = scratch.allocate(text.length() * 3L + 1);
            copy.setString(0, text);
            return (long) HandWritten.LENGTH_OF.invokeExact(copy);
        } finally {
            scratch.reset(mark);
        }
    }
}
