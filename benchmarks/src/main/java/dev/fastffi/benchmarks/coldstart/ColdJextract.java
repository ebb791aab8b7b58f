package dev.fastffi.benchmarks.coldstart;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.PaddingLayout;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The twenty functions as jextract 22 generates them from a header declaring them, run as
 * {@code jextract --library :/path/libfastffi_bench.so cold.h}: what a project that binds the
 * library with jextract ships, where {@link ColdHandWrittenLazy} keeps only jextract's holder per
 * function. Its parts, each of which a first call pays for:
 *
 * <ul>
 *   <li>the header class extends a class of C layouts ({@link ColdJextractLayouts}), which takes
 *       each from the linker's canonical layouts;
 *   <li>the library is looked up in an automatic arena, chained with the class loader's libraries
 *       and the linker's default lookup, as jextract chains every library;
 *   <li>per function a holder class with its descriptor, address and handle, accessors for the
 *       three, and the call, which checks {@code jextract.trace.downcalls} first;
 *   <li>the helper methods jextract writes into every header class; a holder finds its symbol
 *       through one of them, which names a missing symbol in a lambda (jextract 25, for JDK 25,
 *       calls {@code SymbolLookup.findOrThrow} instead, which this module's release 22 lacks).
 * </ul>
 *
 * The library path comes from {@code -Dfastffi.bench.library}, where jextract writes it as a
 * literal; names follow jextract's. Written for the cold-start probe, which calls {@code cold_0}.
 */
@SuppressWarnings("unused")
public class ColdJextract extends ColdJextractLayouts {

    ColdJextract() {
        // as jextract writes it: not for use
    }

    static final Arena LIBRARY_ARENA = Arena.ofAuto();
    static final boolean TRACE_DOWNCALLS = Boolean.getBoolean("jextract.trace.downcalls");

    static void traceDowncall(String name, Object... args) {
        String arguments = Arrays.stream(args).map(Object::toString).collect(Collectors.joining(", "));
        System.out.printf("%s(%s)%n", name, arguments);
    }

    static MethodHandle upcallHandle(Class<?> fi, String name, FunctionDescriptor fdesc) {
        try {
            return MethodHandles.lookup().findVirtual(fi, name, fdesc.toMethodType());
        } catch (ReflectiveOperationException ex) {
            throw new AssertionError(ex);
        }
    }

    static MemoryLayout align(MemoryLayout layout, long align) {
        return switch (layout) {
            case PaddingLayout p -> p;
            case ValueLayout v -> v.withByteAlignment(align);
            case GroupLayout g -> {
                MemoryLayout[] members = g.memberLayouts().stream()
                        .map(m -> align(m, align)).toArray(MemoryLayout[]::new);
                yield g instanceof StructLayout
                        ? MemoryLayout.structLayout(members) : MemoryLayout.unionLayout(members);
            }
            case SequenceLayout s -> MemoryLayout.sequenceLayout(s.elementCount(), align(s.elementLayout(), align));
        };
    }

    static final SymbolLookup SYMBOL_LOOKUP = SymbolLookup.libraryLookup(
                    Objects.requireNonNull(System.getProperty("fastffi.bench.library"),
                            "-Dfastffi.bench.library is not set"), LIBRARY_ARENA)
            .or(SymbolLookup.loaderLookup())
            .or(Linker.nativeLinker().defaultLookup());

    static MemorySegment findOrThrow(String symbol) {
        return SYMBOL_LOOKUP.find(symbol).orElseThrow(() -> new UnsatisfiedLinkError("unresolved symbol: " + symbol));
    }

    private static class cold_0 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
                ColdJextract.C_INT,
                ColdJextract.C_INT,
                ColdJextract.C_INT);

        public static final MemorySegment ADDR = findOrThrow("cold_0");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code int cold_0(int a, int b)}. */
    public static FunctionDescriptor cold_0$descriptor() {
        return cold_0.DESC;
    }

    /** Downcall method handle for {@code int cold_0(int a, int b)}. */
    public static MethodHandle cold_0$handle() {
        return cold_0.HANDLE;
    }

    /** Address for {@code int cold_0(int a, int b)}. */
    public static MemorySegment cold_0$address() {
        return cold_0.ADDR;
    }

    /** {@code int cold_0(int a, int b)} */
    public static int cold_0(int a, int b) {
        var mh$ = cold_0.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cold_0", a, b);
            }
            return (int) mh$.invokeExact(a, b);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class cold_1 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
                ColdJextract.C_LONG,
                ColdJextract.C_LONG,
                ColdJextract.C_LONG);

        public static final MemorySegment ADDR = findOrThrow("cold_1");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code long cold_1(long a, long b)}. */
    public static FunctionDescriptor cold_1$descriptor() {
        return cold_1.DESC;
    }

    /** Downcall method handle for {@code long cold_1(long a, long b)}. */
    public static MethodHandle cold_1$handle() {
        return cold_1.HANDLE;
    }

    /** Address for {@code long cold_1(long a, long b)}. */
    public static MemorySegment cold_1$address() {
        return cold_1.ADDR;
    }

    /** {@code long cold_1(long a, long b)} */
    public static long cold_1(long a, long b) {
        var mh$ = cold_1.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cold_1", a, b);
            }
            return (long) mh$.invokeExact(a, b);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class cold_2 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
                ColdJextract.C_DOUBLE,
                ColdJextract.C_DOUBLE,
                ColdJextract.C_DOUBLE);

        public static final MemorySegment ADDR = findOrThrow("cold_2");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code double cold_2(double a, double b)}. */
    public static FunctionDescriptor cold_2$descriptor() {
        return cold_2.DESC;
    }

    /** Downcall method handle for {@code double cold_2(double a, double b)}. */
    public static MethodHandle cold_2$handle() {
        return cold_2.HANDLE;
    }

    /** Address for {@code double cold_2(double a, double b)}. */
    public static MemorySegment cold_2$address() {
        return cold_2.ADDR;
    }

    /** {@code double cold_2(double a, double b)} */
    public static double cold_2(double a, double b) {
        var mh$ = cold_2.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cold_2", a, b);
            }
            return (double) mh$.invokeExact(a, b);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class cold_3 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
                ColdJextract.C_FLOAT,
                ColdJextract.C_FLOAT,
                ColdJextract.C_FLOAT);

        public static final MemorySegment ADDR = findOrThrow("cold_3");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code float cold_3(float a, float b)}. */
    public static FunctionDescriptor cold_3$descriptor() {
        return cold_3.DESC;
    }

    /** Downcall method handle for {@code float cold_3(float a, float b)}. */
    public static MethodHandle cold_3$handle() {
        return cold_3.HANDLE;
    }

    /** Address for {@code float cold_3(float a, float b)}. */
    public static MemorySegment cold_3$address() {
        return cold_3.ADDR;
    }

    /** {@code float cold_3(float a, float b)} */
    public static float cold_3(float a, float b) {
        var mh$ = cold_3.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cold_3", a, b);
            }
            return (float) mh$.invokeExact(a, b);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class cold_4 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
                ColdJextract.C_INT,
                ColdJextract.C_INT);

        public static final MemorySegment ADDR = findOrThrow("cold_4");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code int cold_4(int a)}. */
    public static FunctionDescriptor cold_4$descriptor() {
        return cold_4.DESC;
    }

    /** Downcall method handle for {@code int cold_4(int a)}. */
    public static MethodHandle cold_4$handle() {
        return cold_4.HANDLE;
    }

    /** Address for {@code int cold_4(int a)}. */
    public static MemorySegment cold_4$address() {
        return cold_4.ADDR;
    }

    /** {@code int cold_4(int a)} */
    public static int cold_4(int a) {
        var mh$ = cold_4.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cold_4", a);
            }
            return (int) mh$.invokeExact(a);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class cold_5 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
                ColdJextract.C_LONG,
                ColdJextract.C_LONG);

        public static final MemorySegment ADDR = findOrThrow("cold_5");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code long cold_5(long a)}. */
    public static FunctionDescriptor cold_5$descriptor() {
        return cold_5.DESC;
    }

    /** Downcall method handle for {@code long cold_5(long a)}. */
    public static MethodHandle cold_5$handle() {
        return cold_5.HANDLE;
    }

    /** Address for {@code long cold_5(long a)}. */
    public static MemorySegment cold_5$address() {
        return cold_5.ADDR;
    }

    /** {@code long cold_5(long a)} */
    public static long cold_5(long a) {
        var mh$ = cold_5.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cold_5", a);
            }
            return (long) mh$.invokeExact(a);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class cold_6 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
                ColdJextract.C_DOUBLE,
                ColdJextract.C_DOUBLE);

        public static final MemorySegment ADDR = findOrThrow("cold_6");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code double cold_6(double a)}. */
    public static FunctionDescriptor cold_6$descriptor() {
        return cold_6.DESC;
    }

    /** Downcall method handle for {@code double cold_6(double a)}. */
    public static MethodHandle cold_6$handle() {
        return cold_6.HANDLE;
    }

    /** Address for {@code double cold_6(double a)}. */
    public static MemorySegment cold_6$address() {
        return cold_6.ADDR;
    }

    /** {@code double cold_6(double a)} */
    public static double cold_6(double a) {
        var mh$ = cold_6.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cold_6", a);
            }
            return (double) mh$.invokeExact(a);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class cold_7 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
                ColdJextract.C_FLOAT,
                ColdJextract.C_FLOAT);

        public static final MemorySegment ADDR = findOrThrow("cold_7");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code float cold_7(float a)}. */
    public static FunctionDescriptor cold_7$descriptor() {
        return cold_7.DESC;
    }

    /** Downcall method handle for {@code float cold_7(float a)}. */
    public static MethodHandle cold_7$handle() {
        return cold_7.HANDLE;
    }

    /** Address for {@code float cold_7(float a)}. */
    public static MemorySegment cold_7$address() {
        return cold_7.ADDR;
    }

    /** {@code float cold_7(float a)} */
    public static float cold_7(float a) {
        var mh$ = cold_7.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cold_7", a);
            }
            return (float) mh$.invokeExact(a);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class cold_8 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
                ColdJextract.C_INT,
                ColdJextract.C_INT,
                ColdJextract.C_INT,
                ColdJextract.C_INT);

        public static final MemorySegment ADDR = findOrThrow("cold_8");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code int cold_8(int a, int b, int c)}. */
    public static FunctionDescriptor cold_8$descriptor() {
        return cold_8.DESC;
    }

    /** Downcall method handle for {@code int cold_8(int a, int b, int c)}. */
    public static MethodHandle cold_8$handle() {
        return cold_8.HANDLE;
    }

    /** Address for {@code int cold_8(int a, int b, int c)}. */
    public static MemorySegment cold_8$address() {
        return cold_8.ADDR;
    }

    /** {@code int cold_8(int a, int b, int c)} */
    public static int cold_8(int a, int b, int c) {
        var mh$ = cold_8.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cold_8", a, b, c);
            }
            return (int) mh$.invokeExact(a, b, c);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class cold_9 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
                ColdJextract.C_LONG,
                ColdJextract.C_LONG,
                ColdJextract.C_LONG,
                ColdJextract.C_LONG);

        public static final MemorySegment ADDR = findOrThrow("cold_9");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code long cold_9(long a, long b, long c)}. */
    public static FunctionDescriptor cold_9$descriptor() {
        return cold_9.DESC;
    }

    /** Downcall method handle for {@code long cold_9(long a, long b, long c)}. */
    public static MethodHandle cold_9$handle() {
        return cold_9.HANDLE;
    }

    /** Address for {@code long cold_9(long a, long b, long c)}. */
    public static MemorySegment cold_9$address() {
        return cold_9.ADDR;
    }

    /** {@code long cold_9(long a, long b, long c)} */
    public static long cold_9(long a, long b, long c) {
        var mh$ = cold_9.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cold_9", a, b, c);
            }
            return (long) mh$.invokeExact(a, b, c);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class cold_10 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
                ColdJextract.C_DOUBLE,
                ColdJextract.C_DOUBLE,
                ColdJextract.C_DOUBLE,
                ColdJextract.C_DOUBLE);

        public static final MemorySegment ADDR = findOrThrow("cold_10");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code double cold_10(double a, double b, double c)}. */
    public static FunctionDescriptor cold_10$descriptor() {
        return cold_10.DESC;
    }

    /** Downcall method handle for {@code double cold_10(double a, double b, double c)}. */
    public static MethodHandle cold_10$handle() {
        return cold_10.HANDLE;
    }

    /** Address for {@code double cold_10(double a, double b, double c)}. */
    public static MemorySegment cold_10$address() {
        return cold_10.ADDR;
    }

    /** {@code double cold_10(double a, double b, double c)} */
    public static double cold_10(double a, double b, double c) {
        var mh$ = cold_10.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cold_10", a, b, c);
            }
            return (double) mh$.invokeExact(a, b, c);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class cold_11 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
                ColdJextract.C_INT,
                ColdJextract.C_LONG,
                ColdJextract.C_INT);

        public static final MemorySegment ADDR = findOrThrow("cold_11");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code int cold_11(long a, int b)}. */
    public static FunctionDescriptor cold_11$descriptor() {
        return cold_11.DESC;
    }

    /** Downcall method handle for {@code int cold_11(long a, int b)}. */
    public static MethodHandle cold_11$handle() {
        return cold_11.HANDLE;
    }

    /** Address for {@code int cold_11(long a, int b)}. */
    public static MemorySegment cold_11$address() {
        return cold_11.ADDR;
    }

    /** {@code int cold_11(long a, int b)} */
    public static int cold_11(long a, int b) {
        var mh$ = cold_11.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cold_11", a, b);
            }
            return (int) mh$.invokeExact(a, b);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class cold_12 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
                ColdJextract.C_LONG,
                ColdJextract.C_INT,
                ColdJextract.C_LONG);

        public static final MemorySegment ADDR = findOrThrow("cold_12");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code long cold_12(int a, long b)}. */
    public static FunctionDescriptor cold_12$descriptor() {
        return cold_12.DESC;
    }

    /** Downcall method handle for {@code long cold_12(int a, long b)}. */
    public static MethodHandle cold_12$handle() {
        return cold_12.HANDLE;
    }

    /** Address for {@code long cold_12(int a, long b)}. */
    public static MemorySegment cold_12$address() {
        return cold_12.ADDR;
    }

    /** {@code long cold_12(int a, long b)} */
    public static long cold_12(int a, long b) {
        var mh$ = cold_12.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cold_12", a, b);
            }
            return (long) mh$.invokeExact(a, b);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class cold_13 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
                ColdJextract.C_DOUBLE,
                ColdJextract.C_INT,
                ColdJextract.C_DOUBLE);

        public static final MemorySegment ADDR = findOrThrow("cold_13");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code double cold_13(int a, double b)}. */
    public static FunctionDescriptor cold_13$descriptor() {
        return cold_13.DESC;
    }

    /** Downcall method handle for {@code double cold_13(int a, double b)}. */
    public static MethodHandle cold_13$handle() {
        return cold_13.HANDLE;
    }

    /** Address for {@code double cold_13(int a, double b)}. */
    public static MemorySegment cold_13$address() {
        return cold_13.ADDR;
    }

    /** {@code double cold_13(int a, double b)} */
    public static double cold_13(int a, double b) {
        var mh$ = cold_13.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cold_13", a, b);
            }
            return (double) mh$.invokeExact(a, b);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class cold_14 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
                ColdJextract.C_DOUBLE,
                ColdJextract.C_DOUBLE,
                ColdJextract.C_INT);

        public static final MemorySegment ADDR = findOrThrow("cold_14");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code double cold_14(double a, int b)}. */
    public static FunctionDescriptor cold_14$descriptor() {
        return cold_14.DESC;
    }

    /** Downcall method handle for {@code double cold_14(double a, int b)}. */
    public static MethodHandle cold_14$handle() {
        return cold_14.HANDLE;
    }

    /** Address for {@code double cold_14(double a, int b)}. */
    public static MemorySegment cold_14$address() {
        return cold_14.ADDR;
    }

    /** {@code double cold_14(double a, int b)} */
    public static double cold_14(double a, int b) {
        var mh$ = cold_14.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cold_14", a, b);
            }
            return (double) mh$.invokeExact(a, b);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class cold_15 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
                ColdJextract.C_INT,
                ColdJextract.C_DOUBLE);

        public static final MemorySegment ADDR = findOrThrow("cold_15");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code int cold_15(double a)}. */
    public static FunctionDescriptor cold_15$descriptor() {
        return cold_15.DESC;
    }

    /** Downcall method handle for {@code int cold_15(double a)}. */
    public static MethodHandle cold_15$handle() {
        return cold_15.HANDLE;
    }

    /** Address for {@code int cold_15(double a)}. */
    public static MemorySegment cold_15$address() {
        return cold_15.ADDR;
    }

    /** {@code int cold_15(double a)} */
    public static int cold_15(double a) {
        var mh$ = cold_15.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cold_15", a);
            }
            return (int) mh$.invokeExact(a);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class cold_16 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
                ColdJextract.C_LONG,
                ColdJextract.C_DOUBLE,
                ColdJextract.C_DOUBLE);

        public static final MemorySegment ADDR = findOrThrow("cold_16");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code long cold_16(double a, double b)}. */
    public static FunctionDescriptor cold_16$descriptor() {
        return cold_16.DESC;
    }

    /** Downcall method handle for {@code long cold_16(double a, double b)}. */
    public static MethodHandle cold_16$handle() {
        return cold_16.HANDLE;
    }

    /** Address for {@code long cold_16(double a, double b)}. */
    public static MemorySegment cold_16$address() {
        return cold_16.ADDR;
    }

    /** {@code long cold_16(double a, double b)} */
    public static long cold_16(double a, double b) {
        var mh$ = cold_16.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cold_16", a, b);
            }
            return (long) mh$.invokeExact(a, b);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class cold_17 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
                ColdJextract.C_INT,
                ColdJextract.C_INT,
                ColdJextract.C_INT,
                ColdJextract.C_INT,
                ColdJextract.C_INT);

        public static final MemorySegment ADDR = findOrThrow("cold_17");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code int cold_17(int a, int b, int c, int d)}. */
    public static FunctionDescriptor cold_17$descriptor() {
        return cold_17.DESC;
    }

    /** Downcall method handle for {@code int cold_17(int a, int b, int c, int d)}. */
    public static MethodHandle cold_17$handle() {
        return cold_17.HANDLE;
    }

    /** Address for {@code int cold_17(int a, int b, int c, int d)}. */
    public static MemorySegment cold_17$address() {
        return cold_17.ADDR;
    }

    /** {@code int cold_17(int a, int b, int c, int d)} */
    public static int cold_17(int a, int b, int c, int d) {
        var mh$ = cold_17.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cold_17", a, b, c, d);
            }
            return (int) mh$.invokeExact(a, b, c, d);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class cold_18 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
                ColdJextract.C_LONG,
                ColdJextract.C_INT,
                ColdJextract.C_INT,
                ColdJextract.C_INT,
                ColdJextract.C_INT);

        public static final MemorySegment ADDR = findOrThrow("cold_18");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code long cold_18(int a, int b, int c, int d)}. */
    public static FunctionDescriptor cold_18$descriptor() {
        return cold_18.DESC;
    }

    /** Downcall method handle for {@code long cold_18(int a, int b, int c, int d)}. */
    public static MethodHandle cold_18$handle() {
        return cold_18.HANDLE;
    }

    /** Address for {@code long cold_18(int a, int b, int c, int d)}. */
    public static MemorySegment cold_18$address() {
        return cold_18.ADDR;
    }

    /** {@code long cold_18(int a, int b, int c, int d)} */
    public static long cold_18(int a, int b, int c, int d) {
        var mh$ = cold_18.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cold_18", a, b, c, d);
            }
            return (long) mh$.invokeExact(a, b, c, d);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class cold_19 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(
                ColdJextract.C_DOUBLE,
                ColdJextract.C_LONG);

        public static final MemorySegment ADDR = findOrThrow("cold_19");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /** Function descriptor for {@code double cold_19(long a)}. */
    public static FunctionDescriptor cold_19$descriptor() {
        return cold_19.DESC;
    }

    /** Downcall method handle for {@code double cold_19(long a)}. */
    public static MethodHandle cold_19$handle() {
        return cold_19.HANDLE;
    }

    /** Address for {@code double cold_19(long a)}. */
    public static MemorySegment cold_19$address() {
        return cold_19.ADDR;
    }

    /** {@code double cold_19(long a)} */
    public static double cold_19(long a) {
        var mh$ = cold_19.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("cold_19", a);
            }
            return (double) mh$.invokeExact(a);
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
}
