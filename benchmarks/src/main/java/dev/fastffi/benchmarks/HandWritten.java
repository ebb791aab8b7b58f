package dev.fastffi.benchmarks;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;

/** The benchmark library through FFM the way an expert writes it: static final handles, invokeExact. */
final class HandWritten {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBRARY = SymbolLookup.libraryLookup(BenchNative.library(), Arena.global());
    private static final Linker.Option CRITICAL = Linker.Option.critical(true);
    private static final FunctionDescriptor I32_I32_I32 =
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
    private static final FunctionDescriptor F64_F64_F64 =
            FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE);
    private static final FunctionDescriptor I64_I64_I64 =
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG);
    private static final FunctionDescriptor SUM =
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG);

    static final MethodHandle NOOP = link("noop", FunctionDescriptor.ofVoid());
    static final MethodHandle ADD = link("add", I32_I32_I32);
    static final MethodHandle MUL = link("mul", F64_F64_F64);
    static final MethodHandle XOR = link("xor_u64", I64_I64_I64);

    static final MethodHandle NOOP_CRITICAL = link("noop", FunctionDescriptor.ofVoid(), CRITICAL);
    static final MethodHandle ADD_CRITICAL = link("add", I32_I32_I32, CRITICAL);
    static final MethodHandle MUL_CRITICAL = link("mul", F64_F64_F64, CRITICAL);
    static final MethodHandle XOR_CRITICAL = link("xor_u64", I64_I64_I64, CRITICAL);

    static final MethodHandle SUM_BYTES = link("sum_bytes", SUM);
    static final MethodHandle SUM_BYTES_CRITICAL = link("sum_bytes", SUM, CRITICAL);
    static final MethodHandle LENGTH_OF = link("length_of",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));

    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    /** A library must be thread-safe, so the capture segment is per thread, allocated once. */
    private static final ThreadLocal<MemorySegment> CAPTURED =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE));
    static final MethodHandle FAIL_WITH_ERRNO = link("fail_with_errno",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), Linker.Option.captureCallState("errno"));

    private static final AddressLayout INT_POINTER = ValueLayout.ADDRESS.withTargetLayout(ValueLayout.JAVA_INT);
    static final MethodHandle SORT_INTS = link("sort_ints",
            FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
    static final MemorySegment COMPARE_INTS = LINKER.upcallStub(compareInts(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, INT_POINTER, INT_POINTER), Arena.global());

    private HandWritten() {}

    /** What most hand-written FFM does with a byte[]: a confined arena per call, copy in, call, copy back. */
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

    /** errno right after the call, read from this thread's capture segment. */
    static int failWithErrno(int code) throws Throwable {
        MemorySegment captured = CAPTURED.get();
        int result = (int) FAIL_WITH_ERRNO.invokeExact(captured, code);
        return result == -1 ? (int) ERRNO.get(captured, 0L) : 0;
    }

    static void sortInts(MemorySegment data, long count) throws Throwable {
        SORT_INTS.invokeExact(data, count, COMPARE_INTS);
    }

    /** The upcall target: the target layout gives both segments the four bytes of an int. */
    private static int compareInts(MemorySegment a, MemorySegment b) {
        return Integer.compare(a.get(ValueLayout.JAVA_INT, 0), b.get(ValueLayout.JAVA_INT, 0));
    }

    private static MethodHandle compareInts() {
        try {
            return MethodHandles.lookup().findStatic(HandWritten.class, "compareInts",
                    MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The address of {@code name} in the benchmark library. */
    static MemorySegment address(String name) {
        return LIBRARY.find(name).orElseThrow();
    }

    private static MethodHandle link(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        return LINKER.downcallHandle(address(name), descriptor, options);
    }
}
