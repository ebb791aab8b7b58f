package dev.fastffi.benchmarks;

import dev.fastffi.CallOption;
import dev.fastffi.DynamicFunction;
import dev.fastffi.FastFfi;
import dev.fastffi.Library;
import dev.fastffi.Upcall;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * fastffi held the way users hold it: bindings and handles in {@code static final} fields. The
 * closeable library stays open for the life of the benchmark JVM; it pays the closed check anyway.
 */
final class Fastffi {
    static final BenchLib GLOBAL = FastFfi.load(BenchLib.class);
    static final BenchLibCompat COMPAT = FastFfi.load(BenchLibCompat.class);

    static final Library LIBRARY = Library.open(BenchNative.library().toString());
    static final BenchLib CLOSEABLE = LIBRARY.bind(BenchLib.class);

    static final DynamicFunction NOOP = LIBRARY.function("noop", "void()");
    static final DynamicFunction ADD = LIBRARY.function("add", "i32(i32, i32)");
    static final DynamicFunction MUL = LIBRARY.function("mul", "f64(f64, f64)");
    static final DynamicFunction XOR = LIBRARY.function("xor_u64", "u64(u64, u64)");
    static final DynamicFunction SUM_BYTES = LIBRARY.function("sum_bytes", "i64(buffer, usize)");
    static final DynamicFunction LENGTH_OF = LIBRARY.function("length_of", "usize(string)");
    static final DynamicFunction FAIL_WITH_ERRNO =
            LIBRARY.function("fail_with_errno", "i32(i32)", CallOption.ERRNO);

    static final DynamicFunction SORT_INTS = LIBRARY.function("sort_ints", "void(pointer, usize, function)");

    /** What users write: C hands over zero-length pointers, which the comparator widens to an int. */
    @SuppressWarnings("restricted")
    static final IntComparator ASCENDING = (a, b) -> Integer.compare(
            a.reinterpret(Integer.BYTES).get(ValueLayout.JAVA_INT, 0),
            b.reinterpret(Integer.BYTES).get(ValueLayout.JAVA_INT, 0));
    static final Upcall<IntComparator> ASCENDING_UPCALL = Upcall.of(IntComparator.class, ASCENDING);

    static final MethodHandle NOOP_HANDLE = NOOP.handle();
    static final MethodHandle ADD_HANDLE = ADD.handle();
    static final MethodHandle MUL_HANDLE = MUL.handle();
    static final MethodHandle XOR_HANDLE = XOR.handle();
    static final MethodHandle FAIL_WITH_ERRNO_HANDLE = FAIL_WITH_ERRNO.handle();
    static final MethodHandle SORT_INTS_HANDLE = SORT_INTS.handle();

    private Fastffi() {}
}
