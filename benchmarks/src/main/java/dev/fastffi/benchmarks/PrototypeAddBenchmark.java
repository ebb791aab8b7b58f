package dev.fastffi.benchmarks;

import dev.fastffi.internal.LibraryState;
import dev.fastffi.internal.NativeSymbol;
import dev.fastffi.internal.UpcallFailures;
import dev.fastffi.model.Signature;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Not a mechanism: the FAST call on {@code add} of a closeable library taken apart, one step per
 * method, from hand-written FFM to the shape fastffi generated before the global binding existed,
 * so that each step's cost is measured on its own; {@link #generated()} is today's binding from
 * {@code FastFfi.load}, whose handle has the address bound in. Excluded from the default run
 * ({@code -e Prototype}); see README.md, "Tuning", finding 4.
 */
@State(Scope.Thread)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PrototypeAddBenchmark {
    /** One handle for every {@code i32(i32, i32)} function: the address is its first argument, as in fastffi. */
    private static final MethodHandle SHARED = Linker.nativeLinker().downcallHandle(
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MemorySegment ADDRESS = HandWritten.address("add");

    /** Like NativeSymbol: a final field of a plain class, which the JIT does not treat as a constant. */
    static final class PlainSymbol {
        final MemorySegment address;
        volatile boolean closed;

        PlainSymbol(MemorySegment address) {
            this.address = address;
        }
    }

    /** The same in a record, whose final fields the JIT does treat as constants. */
    record RecordSymbol(MemorySegment address) {}

    private static final PlainSymbol PLAIN = new PlainSymbol(ADDRESS);
    /** What the generated call passes to {@code UpcallFailures.check}; only named when a failure is thrown. */
    private static final NativeSymbol SITE = NativeSymbol.resolve(
            new LibraryState(BenchNative.library().getFileName().toString(),
                    SymbolLookup.libraryLookup(BenchNative.library(), Arena.global()), true),
            "add", Signature.parse("i32(i32, i32)"));
    private static final RecordSymbol RECORD = new RecordSymbol(ADDRESS);

    int a = 40;
    int b = 2;

    @Benchmark
    public int ffm() throws Throwable {
        return (int) HandWritten.ADD.invokeExact(a, b);
    }

    /** Step 1: the address as an argument, but a constant. */
    @Benchmark
    public int addressConstant() throws Throwable {
        return (int) SHARED.invokeExact(ADDRESS, a, b);
    }

    /** Step 2a: the address from a record's field: still a constant to the JIT. */
    @Benchmark
    public int addressFromRecord() throws Throwable {
        return (int) SHARED.invokeExact(RECORD.address(), a, b);
    }

    /** Step 2b: the address from a plain final field: loaded and checked by FFM on every call. */
    @Benchmark
    public int addressFromField() throws Throwable {
        return (int) SHARED.invokeExact(PLAIN.address, a, b);
    }

    /** Step 3: plus the closed check, one volatile read. */
    @Benchmark
    public int plusClosedCheck() throws Throwable {
        PlainSymbol symbol = PLAIN;
        if (symbol.closed) {
            throw new IllegalStateException("closed");
        }
        return (int) SHARED.invokeExact(symbol.address, a, b);
    }

    /** Step 4: plus the check for callback failures after the call, another volatile read: what is generated. */
    @Benchmark
    public int plusCallbackCheck() throws Throwable {
        PlainSymbol symbol = PLAIN;
        if (symbol.closed) {
            throw new IllegalStateException("closed");
        }
        int result = (int) SHARED.invokeExact(symbol.address, a, b);
        UpcallFailures.check(SITE);
        return result;
    }

    /** The generated binding from {@code FastFfi.load}: the address bound into the handle, no check before the call. */
    @Benchmark
    public int generated() {
        return Fastffi.GLOBAL.add(a, b);
    }
}
