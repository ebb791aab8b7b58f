package dev.fastffi.samples;

import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.Upcall;
import java.lang.foreign.MemorySegment;

/** Functions of the C library; without {@code @NativeLibrary} an interface binds to the process and libc. */
public interface LibC {
    @NativeFunction("i32()")
    int getpid();

    @NativeFunction("i32(i32)")
    int abs(int x);

    @NativeFunction("i64(i64)")
    long labs(long x);

    /** The same C function with boxed types: the compatibility path. */
    @NativeFunction(value = "i32(i32)", symbol = "abs")
    Integer absBoxed(Integer x);

    // tag::functions[]
    /** A registered callback ({@code Upcall}) keeps the call on the fast path. */
    @NativeFunction("void(pointer, usize, usize, function)")
    void qsort(MemorySegment base, long count, long size, Upcall<Comparator32> compare);

    /** errno is captured right after the call, for {@code Errno.last()}. */
    @NativeFunction(value = "i32(string, i32)", errno = true)
    int open(String path, int flags);

    /** Variadic functions take {@code Object...}; each value's Java type says its C type. */
    @NativeFunction("i32(buffer, usize, string, ...)")
    int snprintf(byte[] buffer, long size, String format, Object... args);
    // end::functions[]

    /** qsort with a comparator whose method {@code Comparator<MemorySegment>} declares. */
    @NativeFunction(value = "void(pointer, usize, usize, function)", symbol = "qsort")
    void qsortBy(MemorySegment base, long count, long size, Upcall<SegmentOrder> compare);

    /** A NUL-terminated string passed as a pointer to memory the caller owns: fast. */
    @NativeFunction("usize(pointer)")
    long strlen(MemorySegment text);

    /** A Java String, copied as UTF-8 for the call: always the compatibility path. */
    @NativeFunction(value = "usize(string)", symbol = "strlen")
    long strlenOf(String text);

    /** A string result is decoded as UTF-8; NULL becomes null. */
    @NativeFunction("string(string)")
    String getenv(String name);

    /** u32 as a Java long: range-checked on the way in, zero-extended on the way out. */
    @NativeFunction("u32(u32)")
    long htonl(long hostLong);
}
