package dev.fastffi.it;

import dev.fastffi.annotations.NativeFunction;

/**
 * The methods of {@link ArrayBuffers} with {@code critical = true}: heap arrays are passed zero-copy,
 * so C reads and writes the array itself.
 */
interface CriticalArrayBuffers {
    @NativeFunction(value = "i64(buffer, usize)", symbol = "sum_i8", critical = true)
    long sumI8(byte[] values, long n);

    @NativeFunction(value = "i64(buffer, usize)", symbol = "sum_u8", critical = true)
    long sumU8(byte[] values, long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_u8", critical = true)
    void incrementBytes(byte[] values, long n);

    @NativeFunction(value = "void(arraybuffer, usize)", symbol = "increment_i16", critical = true)
    void incrementShorts(short[] values, long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_u16", critical = true)
    void incrementChars(char[] values, long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_i32", critical = true)
    void incrementInts(int[] values, long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_i64", critical = true)
    void incrementLongs(long[] values, long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_f32", critical = true)
    void incrementFloats(float[] values, long n);

    @NativeFunction(value = "void(arraybuffer, usize)", symbol = "increment_f64", critical = true)
    void incrementDoubles(double[] values, long n);

    @NativeFunction(value = "i64(buffer, usize)", symbol = "sum_i16", critical = true)
    long sumShorts(short[] values, long n);

    @NativeFunction(value = "i64(buffer, usize)", symbol = "sum_u16", critical = true)
    long sumChars(char[] values, long n);

    @NativeFunction(value = "i64(buffer, usize)", symbol = "sum_i32", critical = true)
    long sumInts(int[] values, long n);

    @NativeFunction(value = "i64(buffer, usize)", symbol = "sum_i64", critical = true)
    long sumLongs(long[] values, long n);

    @NativeFunction(value = "f64(buffer, usize)", symbol = "sum_f32", critical = true)
    double sumFloats(float[] values, long n);

    @NativeFunction(value = "f64(buffer, usize)", symbol = "sum_f64", critical = true)
    double sumDoubles(double[] values, long n);

    @NativeFunction(value = "usize(buffer, usize)", symbol = "count_nonzero", critical = true)
    long countNonzero(byte[] values, long n);

    @NativeFunction(value = "i64(buffer, buffer, usize)", symbol = "add_into_i32", critical = true)
    long addInto(int[] to, int[] from, long n);

    @NativeFunction(value = "i32(buffer)", symbol = "is_null", critical = true)
    int isNull(byte[] values);

    @NativeFunction(value = "i32(buffer)", symbol = "is_null", critical = true)
    int isNullDoubles(double[] values);
}
