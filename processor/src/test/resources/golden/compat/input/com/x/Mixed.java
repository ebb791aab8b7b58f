package com.x;

import dev.fastffi.annotations.NativeFunction;
import java.math.BigInteger;

/** Methods on the compatibility path next to a fast one. */
public interface Mixed {
    @NativeFunction("i32(i32, i32)")
    Integer addBoxed(int a, Integer b);

    @NativeFunction("u64(u64)")
    BigInteger next(BigInteger x);

    @NativeFunction("u32(u64)")
    long scale(BigInteger x);

    @NativeFunction("void(i32)")
    void sleep(Integer seconds);

    @NativeFunction("void()")
    Void nothing();

    @NativeFunction("usize(string)")
    long strlen(String text);

    @NativeFunction("string(i32)")
    String strerror(int code);

    @NativeFunction("i32(i32)")
    int abs(int x);
}
