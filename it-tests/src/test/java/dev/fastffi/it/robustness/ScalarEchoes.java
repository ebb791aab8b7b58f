package dev.fastffi.it.robustness;

import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.MemorySegment;

/**
 * Every scalar C type with each fast-path Java type the type table allows, as argument and result,
 * plus functions that show what C received. {@link CompiledCompat} compiles this very source again
 * with {@code -Afastffi.fast=false}, so the differential tests call one interface on both paths.
 */
public interface ScalarEchoes {
    @NativeFunction(value = "bool(bool)", symbol = "echo_bool")
    boolean echoBool(boolean v);

    @NativeFunction(value = "i32(bool)", symbol = "bool_as_i32")
    int boolAsI32(boolean v);

    @NativeFunction(value = "i8(i8)", symbol = "echo_i8")
    byte echoI8(byte v);

    @NativeFunction(value = "i8(i8)", symbol = "echo_i8")
    int echoI8AsInt(int v);

    @NativeFunction(value = "i32(i8)", symbol = "i8_as_i32")
    int i8AsI32(byte v);

    @NativeFunction(value = "u8(u8)", symbol = "echo_u8")
    byte echoU8(byte v);

    @NativeFunction(value = "u8(u8)", symbol = "echo_u8")
    int echoU8AsInt(int v);

    @NativeFunction(value = "u32(u8)", symbol = "u8_as_u32")
    int u8AsU32(byte v);

    @NativeFunction(value = "i16(i16)", symbol = "echo_i16")
    short echoI16(short v);

    @NativeFunction(value = "i16(i16)", symbol = "echo_i16")
    int echoI16AsInt(int v);

    @NativeFunction(value = "i32(i16)", symbol = "i16_as_i32")
    int i16AsI32(short v);

    @NativeFunction(value = "u16(u16)", symbol = "echo_u16")
    char echoU16(char v);

    @NativeFunction(value = "u16(u16)", symbol = "echo_u16")
    int echoU16AsInt(int v);

    @NativeFunction(value = "u32(u16)", symbol = "u16_as_u32")
    int u16AsU32(char v);

    @NativeFunction(value = "i32(i32)", symbol = "echo_i32")
    int echoI32(int v);

    @NativeFunction(value = "i64(i32)", symbol = "i32_as_i64")
    long i32AsI64(int v);

    @NativeFunction(value = "u32(u32)", symbol = "echo_u32")
    int echoU32(int v);

    @NativeFunction(value = "u32(u32)", symbol = "echo_u32")
    long echoU32AsLong(long v);

    @NativeFunction(value = "u64(u32)", symbol = "u32_as_u64")
    long u32AsU64(int v);

    @NativeFunction(value = "i64(i64)", symbol = "echo_i64")
    long echoI64(long v);

    @NativeFunction(value = "u64(u64)", symbol = "echo_u64")
    long echoU64(long v);

    @NativeFunction(value = "u32(u64)", symbol = "high_u32_of_u64")
    int highU32OfU64(long v);

    @NativeFunction(value = "isize(isize)", symbol = "echo_isize")
    long echoIsize(long v);

    @NativeFunction(value = "usize(usize)", symbol = "echo_usize")
    long echoUsize(long v);

    @NativeFunction(value = "f32(f32)", symbol = "echo_f32")
    float echoF32(float v);

    @NativeFunction(value = "u32(f32)", symbol = "u32_bits_of_f32")
    int u32BitsOfF32(float v);

    @NativeFunction(value = "f32(u32)", symbol = "f32_of_u32_bits")
    float f32OfU32Bits(int bits);

    @NativeFunction(value = "f64(f64)", symbol = "echo_f64")
    double echoF64(double v);

    @NativeFunction(value = "u64(f64)", symbol = "u64_bits_of_f64")
    long u64BitsOfF64(double v);

    @NativeFunction(value = "f64(u64)", symbol = "f64_of_u64_bits")
    double f64OfU64Bits(long bits);

    @NativeFunction(value = "pointer(pointer)", symbol = "echo_pointer")
    MemorySegment echoPointer(MemorySegment p);

    @NativeFunction(value = "pointer(pointer)", symbol = "echo_pointer")
    long echoPointerAddress(long address);

    @NativeFunction(value = "u64(bool, i8, u8, i16, u16, i32, u32, i64, u64, isize, usize, f32, f64, pointer)",
            symbol = "mix_scalars")
    long mixScalars(boolean b, byte i8, byte u8, short i16, char u16, int i32, int u32, long i64, long u64,
            long isize, long usize, float f32, double f64, MemorySegment p);

    @NativeFunction(value = "u64(bool, i8, u8, i16, u16, i32, u32, i64, u64, isize, usize, f32, f64, pointer)",
            symbol = "mix_scalars")
    long mixScalarsFromWideCarriers(boolean b, int i8, int u8, int i16, int u16, int i32, long u32, long i64,
            long u64, long isize, long usize, float f32, double f64, long p);

    @NativeFunction(value = "i64(buffer, usize)", symbol = "sum_u8")
    long sumU8(byte[] values, long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_u8")
    void incrementU8(byte[] values, long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_i32", critical = true)
    void incrementI32Critical(int[] values, long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_i32")
    void incrementI32(int[] values, long n);

    @NativeFunction(value = "i32(pointer)", symbol = "read_i32")
    int readI32(MemorySegment p);
}
