package dev.fastffi.samples;

import dev.fastffi.annotations.NativeFunction;
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
