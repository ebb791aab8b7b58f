package dev.fastffi.benchmarks.coldstart;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Objects;

/** Hand-written FFM the way jextract writes it: a holder class per function, linked on first use. */
final class ColdHandWrittenLazy {
    private static final Linker LINKER = Linker.nativeLinker();
    /**
     * The library as jextract opens one given by path ({@code --library :path}): the path string
     * itself, for the dynamic loader, with no helper class of the benchmarks on the way.
     */
    private static final SymbolLookup LIBRARY = SymbolLookup.libraryLookup(
            Objects.requireNonNull(System.getProperty("fastffi.bench.library"), "-Dfastffi.bench.library is not set"),
            Arena.global());

    private ColdHandWrittenLazy() {}

    static int cold0(int a, int b) throws Throwable {
        return (int) Cold0.HANDLE.invokeExact(a, b);
    }

    static long cold1(long a, long b) throws Throwable {
        return (long) Cold1.HANDLE.invokeExact(a, b);
    }

    static double cold2(double a, double b) throws Throwable {
        return (double) Cold2.HANDLE.invokeExact(a, b);
    }

    static float cold3(float a, float b) throws Throwable {
        return (float) Cold3.HANDLE.invokeExact(a, b);
    }

    static int cold4(int a) throws Throwable {
        return (int) Cold4.HANDLE.invokeExact(a);
    }

    static long cold5(long a) throws Throwable {
        return (long) Cold5.HANDLE.invokeExact(a);
    }

    static double cold6(double a) throws Throwable {
        return (double) Cold6.HANDLE.invokeExact(a);
    }

    static float cold7(float a) throws Throwable {
        return (float) Cold7.HANDLE.invokeExact(a);
    }

    static int cold8(int a, int b, int c) throws Throwable {
        return (int) Cold8.HANDLE.invokeExact(a, b, c);
    }

    static long cold9(long a, long b, long c) throws Throwable {
        return (long) Cold9.HANDLE.invokeExact(a, b, c);
    }

    static double cold10(double a, double b, double c) throws Throwable {
        return (double) Cold10.HANDLE.invokeExact(a, b, c);
    }

    static int cold11(long a, int b) throws Throwable {
        return (int) Cold11.HANDLE.invokeExact(a, b);
    }

    static long cold12(int a, long b) throws Throwable {
        return (long) Cold12.HANDLE.invokeExact(a, b);
    }

    static double cold13(int a, double b) throws Throwable {
        return (double) Cold13.HANDLE.invokeExact(a, b);
    }

    static double cold14(double a, int b) throws Throwable {
        return (double) Cold14.HANDLE.invokeExact(a, b);
    }

    static int cold15(double a) throws Throwable {
        return (int) Cold15.HANDLE.invokeExact(a);
    }

    static long cold16(double a, double b) throws Throwable {
        return (long) Cold16.HANDLE.invokeExact(a, b);
    }

    static int cold17(int a, int b, int c, int d) throws Throwable {
        return (int) Cold17.HANDLE.invokeExact(a, b, c, d);
    }

    static long cold18(int a, int b, int c, int d) throws Throwable {
        return (long) Cold18.HANDLE.invokeExact(a, b, c, d);
    }

    static double cold19(long a) throws Throwable {
        return (double) Cold19.HANDLE.invokeExact(a);
    }

    private static final class Cold0 {
        static final MethodHandle HANDLE = link("cold_0", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    }

    private static final class Cold1 {
        static final MethodHandle HANDLE = link("cold_1", FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    }

    private static final class Cold2 {
        static final MethodHandle HANDLE = link("cold_2", FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE));
    }

    private static final class Cold3 {
        static final MethodHandle HANDLE = link("cold_3", FunctionDescriptor.of(ValueLayout.JAVA_FLOAT, ValueLayout.JAVA_FLOAT, ValueLayout.JAVA_FLOAT));
    }

    private static final class Cold4 {
        static final MethodHandle HANDLE = link("cold_4", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    }

    private static final class Cold5 {
        static final MethodHandle HANDLE = link("cold_5", FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    }

    private static final class Cold6 {
        static final MethodHandle HANDLE = link("cold_6", FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE));
    }

    private static final class Cold7 {
        static final MethodHandle HANDLE = link("cold_7", FunctionDescriptor.of(ValueLayout.JAVA_FLOAT, ValueLayout.JAVA_FLOAT));
    }

    private static final class Cold8 {
        static final MethodHandle HANDLE = link("cold_8", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    }

    private static final class Cold9 {
        static final MethodHandle HANDLE = link("cold_9", FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    }

    private static final class Cold10 {
        static final MethodHandle HANDLE = link("cold_10", FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE));
    }

    private static final class Cold11 {
        static final MethodHandle HANDLE = link("cold_11", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    }

    private static final class Cold12 {
        static final MethodHandle HANDLE = link("cold_12", FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
    }

    private static final class Cold13 {
        static final MethodHandle HANDLE = link("cold_13", FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_INT, ValueLayout.JAVA_DOUBLE));
    }

    private static final class Cold14 {
        static final MethodHandle HANDLE = link("cold_14", FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_INT));
    }

    private static final class Cold15 {
        static final MethodHandle HANDLE = link("cold_15", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_DOUBLE));
    }

    private static final class Cold16 {
        static final MethodHandle HANDLE = link("cold_16", FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE));
    }

    private static final class Cold17 {
        static final MethodHandle HANDLE = link("cold_17", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    }

    private static final class Cold18 {
        static final MethodHandle HANDLE = link("cold_18", FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    }

    private static final class Cold19 {
        static final MethodHandle HANDLE = link("cold_19", FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_LONG));
    }

    private static MethodHandle link(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LIBRARY.find(name).orElseThrow(), descriptor);
    }
}
