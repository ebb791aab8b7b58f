package com.x;

import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeLibrary;
import java.lang.foreign.MemorySegment;

/** Every fast-path conversion of a scalar argument and result. */
@NativeLibrary("fixture")
public interface Scalars {
    @NativeFunction("bool(bool)")
    boolean negate(boolean b);

    @NativeFunction(value = "i8(i8)", symbol = "echo_i8")
    byte i8(byte x);

    @NativeFunction(value = "i8(i8)", symbol = "echo_i8")
    int i8AsInt(int x);

    @NativeFunction(value = "u8(u8)", symbol = "echo_u8")
    byte u8(byte x);

    @NativeFunction(value = "u8(u8)", symbol = "echo_u8")
    int u8AsInt(int x);

    @NativeFunction(value = "i16(i16)", symbol = "echo_i16")
    short i16(short x);

    @NativeFunction(value = "i16(i16)", symbol = "echo_i16")
    int i16AsInt(int x);

    @NativeFunction(value = "u16(u16)", symbol = "echo_u16")
    char u16(char x);

    @NativeFunction(value = "u16(u16)", symbol = "echo_u16")
    int u16AsInt(int x);

    @NativeFunction(value = "i32(i32)", symbol = "echo_i32")
    int i32(int x);

    @NativeFunction(value = "u32(u32)", symbol = "echo_u32")
    int u32(int x);

    @NativeFunction(value = "u32(u32)", symbol = "echo_u32")
    long u32AsLong(long x);

    @NativeFunction(value = "i64(i64, u64, isize, usize)", symbol = "sum_64")
    long sum64(long a, long b, long c, long d);

    @NativeFunction(value = "f32(f32)", symbol = "echo_f32")
    float f32(float x);

    @NativeFunction(value = "f64(f64)", symbol = "echo_f64")
    double f64(double x);

    @NativeFunction(value = "pointer(pointer)", symbol = "echo_pointer")
    MemorySegment pointer(MemorySegment p);

    @NativeFunction(value = "pointer(pointer)", symbol = "echo_pointer")
    long pointerAsAddress(long p);

    @NativeFunction("void()")
    void nothing();
}
