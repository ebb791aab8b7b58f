package dev.fastffi.it.robustness;

import dev.fastffi.annotations.NativeFunction;
import java.nio.ByteBuffer;

/**
 * Calls that stay in native code a while over a buffer or a string (fixture.c's slow_sum_u8 and
 * slow_strlen), so that {@code close()} lands while C is reading Java's data.
 */
interface SlowCalls {
    @NativeFunction(value = "i64(buffer, usize, u32)", symbol = "slow_sum_u8")
    long sum(byte[] values, long n, int rounds);

    @NativeFunction(value = "i64(buffer, usize, u32)", symbol = "slow_sum_u8", critical = true)
    long sumCritical(byte[] values, long n, int rounds);

    @NativeFunction(value = "i64(buffer, usize, u32)", symbol = "slow_sum_u8")
    Long sumCompat(ByteBuffer values, Long n, Integer rounds);

    @NativeFunction(value = "usize(string, u32)", symbol = "slow_strlen")
    long strlen(String s, int rounds);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_u8")
    void increment(byte[] values, long n);
}
