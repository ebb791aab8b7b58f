package com.x;

import dev.fastffi.annotations.NativeFunction;

/** Symbols a library may lack: bind succeeds without them, and their calls throw SYMBOL_NOT_FOUND. */
public interface Extensions {
    @NativeFunction(value = "i32(i32)", optional = true)
    int fastMaybe(int x);

    @NativeFunction(value = "usize(string)", symbol = "strlen", optional = true)
    long compatMaybe(String s);

    @NativeFunction(value = "i32(string)", symbol = "unlink", errno = true, optional = true)
    int withErrno(String path);

    @NativeFunction("i32(i32)")
    int abs(int x);
}
