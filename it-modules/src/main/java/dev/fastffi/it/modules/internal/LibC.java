package dev.fastffi.it.modules.internal;

import dev.fastffi.Upcall;
import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.MemorySegment;
import java.math.BigInteger;

/** Functions of the C library, in a package the module neither exports nor opens. */
public interface LibC {
    @NativeFunction("i32(i32)")
    int abs(int x);

    @NativeFunction("i64(i64)")
    long labs(long x);

    /** A NUL-terminated byte[], copied into scratch memory for the call. */
    @NativeFunction("usize(buffer)")
    long strlen(byte[] text);

    /** A registered callback keeps the call on the fast path. */
    @NativeFunction("void(buffer, usize, usize, function)")
    void qsort(int[] base, long count, long size, Upcall<IntComparator> compare);

    /** A callback object: a stub for the object, on the compatibility path. */
    @NativeFunction(value = "void(buffer, usize, usize, function)", symbol = "qsort")
    void qsortWith(int[] base, long count, long size, IntComparator compare);

    /** {@code div_t div(int, int)}: a struct returned by value. */
    @NativeFunction("Division(i32, i32)")
    Division div(int numerator, int denominator);

    /** The same struct with boxed fields: the compatibility path reads and builds the record. */
    @NativeFunction(value = "BoxedDivision(i32, i32)", symbol = "div")
    BoxedDivision divBoxed(Integer numerator, Integer denominator);

    @NativeFunction(value = "i32(i32)", symbol = "abs")
    Integer absBoxed(Integer x);

    @NativeFunction("string(string)")
    String getenv(String name);

    /** {@code unsigned long long strtoull(const char *, char **, int)}: u64 as a BigInteger. */
    @NativeFunction("u64(string, pointer, i32)")
    BigInteger strtoull(String text, MemorySegment end, int base);

    /** A default method runs as Java code on the binding. */
    default long absSum(int a, int b) {
        return (long) abs(a) + abs(b);
    }
}
