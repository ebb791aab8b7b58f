package dev.fastffi.benchmarks;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/** The benchmark library through FFM the way an expert writes it: static final handles, invokeExact. */
final class HandWritten {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBRARY = SymbolLookup.libraryLookup(
            Path.of(System.getProperty("fastffi.bench.library")), Arena.global());

    static final MethodHandle NOOP = link("noop", FunctionDescriptor.ofVoid());
    static final MethodHandle ADD = link("add",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    static final MethodHandle MUL = link("mul",
            FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE));
    static final MethodHandle XOR = link("xor_u64",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));

    static final MethodHandle SUM_BYTES = link("sum_bytes",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    static final MethodHandle SUM_BYTES_CRITICAL = link("sum_bytes",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG),
            Linker.Option.critical(true));
    static final MethodHandle LENGTH_OF = link("length_of",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));

    private HandWritten() {}

    /** What most hand-written FFM does with a byte[]: a confined arena per call, copy in, call. */
    static long sumBytesWithArena(byte[] data) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment copy = arena.allocateFrom(ValueLayout.JAVA_BYTE, data);
            long sum = (long) SUM_BYTES.invokeExact(copy, (long) data.length);
            MemorySegment.copy(copy, ValueLayout.JAVA_BYTE, 0, data, 0, data.length);
            return sum;
        }
    }

    static long sumBytesCritical(byte[] data) throws Throwable {
        return (long) SUM_BYTES_CRITICAL.invokeExact(MemorySegment.ofArray(data), (long) data.length);
    }

    static long lengthOfWithArena(String text) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            return (long) LENGTH_OF.invokeExact(arena.allocateFrom(text));
        }
    }

    private static MethodHandle link(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment symbol = LIBRARY.find(name).orElseThrow();
        return LINKER.downcallHandle(symbol, descriptor, options);
    }
}
