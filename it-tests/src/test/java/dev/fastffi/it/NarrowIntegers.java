package dev.fastffi.it;

import dev.fastffi.annotations.NativeFunction;

/**
 * bool and the 8-, 16- and 32-bit integers, each bound with every fast-path Java type the type
 * table allows for it ({@code JavaTypes}), as argument and as result.
 */
interface NarrowIntegers {
    @NativeFunction(value = "bool(bool)", symbol = "echo_bool")
    boolean echoBool(boolean v);

    @NativeFunction(value = "bool()", symbol = "true_bool")
    boolean trueBool();

    @NativeFunction(value = "bool()", symbol = "false_bool")
    boolean falseBool();

    @NativeFunction(value = "i32(bool)", symbol = "bool_as_i32")
    int boolAsI32(boolean v);

    @NativeFunction(value = "i8(i8)", symbol = "echo_i8")
    byte echoI8(byte v);

    @NativeFunction(value = "i8(i8)", symbol = "echo_i8")
    int echoI8AsInt(int v);

    @NativeFunction(value = "i8()", symbol = "min_i8")
    byte minI8();

    @NativeFunction(value = "i8()", symbol = "min_i8")
    int minI8AsInt();

    @NativeFunction(value = "i8()", symbol = "max_i8")
    int maxI8AsInt();

    @NativeFunction(value = "i32(i8)", symbol = "i8_as_i32")
    int i8AsI32(byte v);

    @NativeFunction(value = "i32(i8)", symbol = "i8_as_i32")
    int i8AsI32FromInt(int v);

    @NativeFunction(value = "u8(u8)", symbol = "echo_u8")
    byte echoU8(byte v);

    @NativeFunction(value = "u8(u8)", symbol = "echo_u8")
    int echoU8AsInt(int v);

    @NativeFunction(value = "u8()", symbol = "max_u8")
    byte maxU8();

    @NativeFunction(value = "u8()", symbol = "max_u8")
    int maxU8AsInt();

    @NativeFunction(value = "u32(u8)", symbol = "u8_as_u32")
    int u8AsU32(byte v);

    @NativeFunction(value = "u32(u8)", symbol = "u8_as_u32")
    int u8AsU32FromInt(int v);

    @NativeFunction(value = "i16(i16)", symbol = "echo_i16")
    short echoI16(short v);

    @NativeFunction(value = "i16(i16)", symbol = "echo_i16")
    int echoI16AsInt(int v);

    @NativeFunction(value = "i16()", symbol = "min_i16")
    short minI16();

    @NativeFunction(value = "i16()", symbol = "min_i16")
    int minI16AsInt();

    @NativeFunction(value = "i16()", symbol = "max_i16")
    int maxI16AsInt();

    @NativeFunction(value = "i32(i16)", symbol = "i16_as_i32")
    int i16AsI32(short v);

    @NativeFunction(value = "i32(i16)", symbol = "i16_as_i32")
    int i16AsI32FromInt(int v);

    @NativeFunction(value = "u16(u16)", symbol = "echo_u16")
    char echoU16(char v);

    @NativeFunction(value = "u16(u16)", symbol = "echo_u16")
    int echoU16AsInt(int v);

    @NativeFunction(value = "u16()", symbol = "max_u16")
    char maxU16();

    @NativeFunction(value = "u16()", symbol = "max_u16")
    int maxU16AsInt();

    @NativeFunction(value = "u32(u16)", symbol = "u16_as_u32")
    int u16AsU32(char v);

    @NativeFunction(value = "u32(u16)", symbol = "u16_as_u32")
    int u16AsU32FromInt(int v);

    @NativeFunction(value = "i32(i32)", symbol = "echo_i32")
    int echoI32(int v);

    @NativeFunction(value = "i32()", symbol = "min_i32")
    int minI32();

    @NativeFunction(value = "i32()", symbol = "max_i32")
    int maxI32();

    @NativeFunction(value = "i64(i32)", symbol = "i32_as_i64")
    long i32AsI64(int v);

    @NativeFunction(value = "u32(u32)", symbol = "echo_u32")
    int echoU32(int v);

    @NativeFunction(value = "u32(u32)", symbol = "echo_u32")
    long echoU32AsLong(long v);

    @NativeFunction(value = "u32()", symbol = "max_u32")
    int maxU32();

    @NativeFunction(value = "u32()", symbol = "max_u32")
    long maxU32AsLong();

    @NativeFunction(value = "u64(u32)", symbol = "u32_as_u64")
    long u32AsU64(int v);

    @NativeFunction(value = "u64(u32)", symbol = "u32_as_u64")
    long u32AsU64FromLong(long v);

    @NativeFunction(value = "i32(i8, u8, i16, u16)", symbol = "sum_narrow")
    int sumNarrow(int a, int b, int c, int d);
}
