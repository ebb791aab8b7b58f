package dev.fastffi.it;

import dev.fastffi.annotations.NativeFunction;

/**
 * Every array type as a buffer on the fast path without {@code critical}: copied into scratch
 * memory for the call and back after it. {@code arraybuffer} is the alias of {@code buffer}.
 */
interface ArrayBuffers {
    @NativeFunction(value = "i64(buffer, usize)", symbol = "sum_i8")
    long sumI8(byte[] values, long n);

    @NativeFunction(value = "i64(buffer, usize)", symbol = "sum_u8")
    long sumU8(byte[] values, long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_u8")
    void incrementBytes(byte[] values, long n);

    @NativeFunction(value = "void(arraybuffer, usize)", symbol = "increment_i16")
    void incrementShorts(short[] values, long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_u16")
    void incrementChars(char[] values, long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_i32")
    void incrementInts(int[] values, long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_i64")
    void incrementLongs(long[] values, long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_f32")
    void incrementFloats(float[] values, long n);

    @NativeFunction(value = "void(arraybuffer, usize)", symbol = "increment_f64")
    void incrementDoubles(double[] values, long n);

    @NativeFunction(value = "i64(buffer, usize)", symbol = "sum_i16")
    long sumShorts(short[] values, long n);

    @NativeFunction(value = "i64(buffer, usize)", symbol = "sum_u16")
    long sumChars(char[] values, long n);

    @NativeFunction(value = "i64(buffer, usize)", symbol = "sum_i32")
    long sumInts(int[] values, long n);

    @NativeFunction(value = "i64(buffer, usize)", symbol = "sum_i64")
    long sumLongs(long[] values, long n);

    @NativeFunction(value = "f64(buffer, usize)", symbol = "sum_f32")
    double sumFloats(float[] values, long n);

    @NativeFunction(value = "f64(buffer, usize)", symbol = "sum_f64")
    double sumDoubles(double[] values, long n);

    @NativeFunction(value = "usize(buffer, usize)", symbol = "count_nonzero")
    long countNonzero(byte[] values, long n);

    @NativeFunction(value = "i64(buffer, buffer, usize)", symbol = "add_into_i32")
    long addInto(int[] to, int[] from, long n);

    @NativeFunction(value = "i32(buffer)", symbol = "is_null")
    int isNull(byte[] values);

    @NativeFunction(value = "i32(buffer)", symbol = "is_null")
    int isNullDoubles(double[] values);
}
