package com.x;

import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.MemorySegment;
import java.math.BigInteger;
import java.util.concurrent.CompletableFuture;

/** Asynchronous methods: the synchronous body in a private method, run on the runtime's pool. */
public interface Timers {
    @NativeFunction("i32(i32, i32)")
    CompletableFuture<Integer> add(int a, int b);

    @NativeFunction(value = "void(u32)", symbol = "usleep")
    CompletableFuture<Void> sleep(int micros);

    @NativeFunction("usize(string)")
    CompletableFuture<Long> strlen(String text);

    @NativeFunction("u64(u64)")
    CompletableFuture<BigInteger> next(BigInteger x);

    @NativeFunction(value = "i8(i8)", symbol = "narrow")
    CompletableFuture<Short> widened(byte x);

    @NativeFunction("i32(pointer, usize, string, ...)")
    CompletableFuture<Integer> snprintf(MemorySegment buffer, long size, String format, Object... args);

    @NativeFunction("i32(i32)")
    int abs(int x);
}
