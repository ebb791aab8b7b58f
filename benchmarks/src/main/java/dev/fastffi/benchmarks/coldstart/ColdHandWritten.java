package dev.fastffi.benchmarks.coldstart;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Objects;

/** Hand-written FFM as most code is written: every handle a {@code static final} of one class, all linked when it initializes. */
final class ColdHandWritten {
    private static final Linker LINKER = Linker.nativeLinker();
    /**
     * The library as jextract opens one given by path ({@code --library :path}): the path string
     * itself, for the dynamic loader, with no helper class of the benchmarks on the way.
     */
    private static final SymbolLookup LIBRARY = SymbolLookup.libraryLookup(
            Objects.requireNonNull(System.getProperty("fastffi.bench.library"), "-Dfastffi.bench.library is not set"),
            Arena.global());

    static final MethodHandle COLD_0 = link("cold_0", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    static final MethodHandle COLD_1 = link("cold_1", FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    static final MethodHandle COLD_2 = link("cold_2", FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE));
    static final MethodHandle COLD_3 = link("cold_3", FunctionDescriptor.of(ValueLayout.JAVA_FLOAT, ValueLayout.JAVA_FLOAT, ValueLayout.JAVA_FLOAT));
    static final MethodHandle COLD_4 = link("cold_4", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    static final MethodHandle COLD_5 = link("cold_5", FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    static final MethodHandle COLD_6 = link("cold_6", FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE));
    static final MethodHandle COLD_7 = link("cold_7", FunctionDescriptor.of(ValueLayout.JAVA_FLOAT, ValueLayout.JAVA_FLOAT));
    static final MethodHandle COLD_8 = link("cold_8", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    static final MethodHandle COLD_9 = link("cold_9", FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    static final MethodHandle COLD_10 = link("cold_10", FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE));
    static final MethodHandle COLD_11 = link("cold_11", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    static final MethodHandle COLD_12 = link("cold_12", FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
    static final MethodHandle COLD_13 = link("cold_13", FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_INT, ValueLayout.JAVA_DOUBLE));
    static final MethodHandle COLD_14 = link("cold_14", FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_INT));
    static final MethodHandle COLD_15 = link("cold_15", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_DOUBLE));
    static final MethodHandle COLD_16 = link("cold_16", FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE));
    static final MethodHandle COLD_17 = link("cold_17", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    static final MethodHandle COLD_18 = link("cold_18", FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    static final MethodHandle COLD_19 = link("cold_19", FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_LONG));

    private ColdHandWritten() {}

    private static MethodHandle link(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LIBRARY.find(name).orElseThrow(), descriptor);
    }
}
