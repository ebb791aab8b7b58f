package dev.fastffi.it.async;

import dev.fastffi.annotations.NativeFunction;
import java.util.concurrent.CompletableFuture;

/** Asynchronous methods of the fixture, fast and compatibility, with and without results. */
public interface AsyncFunctions {
    @NativeFunction(value = "i32(i32, i32, i32)", symbol = "async_sleep_add")
    CompletableFuture<Integer> sleepAdd(int millis, int a, int b);

    @NativeFunction(value = "i32(i32, i32, i32)", symbol = "async_sleep_add")
    CompletableFuture<Integer> sleepAddBoxed(Integer millis, Integer a, Integer b);

    @NativeFunction(value = "i32(i32)", symbol = "async_pass_gate")
    CompletableFuture<Integer> passGate(int x);

    @NativeFunction(value = "i32(i32)", symbol = "async_pass_gate")
    CompletableFuture<Long> passGateBoxed(Long x);

    @NativeFunction(value = "void()", symbol = "async_gate_open")
    CompletableFuture<Void> openGate();

    @NativeFunction(value = "i32(u8)", symbol = "async_u8_twice")
    CompletableFuture<Integer> u8Twice(int x);

    @NativeFunction(value = "i32(u8)", symbol = "async_u8_twice")
    int u8TwiceNow(int x);

    @NativeFunction(value = "i32(function, i32)", symbol = "cb_apply")
    CompletableFuture<Integer> apply(IntOp op, int x);

    @NativeFunction(value = "i32(i32)", symbol = "async_opt_missing", optional = true)
    CompletableFuture<Integer> missing(int x);
}
