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

    /** A NUL-terminated string passed as a pointer to memory the caller owns. */
    @NativeFunction("usize(pointer)")
    long strlen(MemorySegment text);

    /** u32 as a Java long: range-checked on the way in, zero-extended on the way out. */
    @NativeFunction("u32(u32)")
    long htonl(long hostLong);
}
