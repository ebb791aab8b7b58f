package dev.fastffi.it;

import dev.fastffi.annotations.NativeFunction;
import java.math.BigInteger;

/**
 * Boxed Java types put every method on the compatibility path; the tests compare each one with
 * the fast-path method of the same C function.
 */
interface BoxedScalars {
    @NativeFunction(value = "i32(i32, i32)", symbol = "add_i32")
    Integer addI32(Integer a, Integer b);

    @NativeFunction(value = "bool(bool)", symbol = "echo_bool")
    Boolean echoBool(Boolean v);

    @NativeFunction(value = "i8(i8)", symbol = "echo_i8")
    Byte echoI8(Byte v);

    @NativeFunction(value = "i32(i8)", symbol = "i8_as_i32")
    Integer i8AsI32(Integer v);

    @NativeFunction(value = "u8(u8)", symbol = "echo_u8")
    Integer echoU8(Integer v);

    @NativeFunction(value = "u32(u8)", symbol = "u8_as_u32")
    Long u8AsU32(Integer v);

    @NativeFunction(value = "i16(i16)", symbol = "echo_i16")
    Short echoI16(Short v);

    @NativeFunction(value = "u16(u16)", symbol = "echo_u16")
    Character echoU16(Character v);

    @NativeFunction(value = "u32(u16)", symbol = "u16_as_u32")
    Long u16AsU32(Integer v);

    @NativeFunction(value = "u32(u16)", symbol = "u16_as_u32")
    Long u16AsU32FromShort(Short v);

    @NativeFunction(value = "i32(i16)", symbol = "i16_as_i32")
    Integer i16AsI32FromCharacter(Character v);

    @NativeFunction(value = "u32(u32)", symbol = "echo_u32")
    Long echoU32(Long v);

    @NativeFunction(value = "u64(u32)", symbol = "u32_as_u64")
    BigInteger u32AsU64(Long v);

    @NativeFunction(value = "i32(i8, u8, i16, u16)", symbol = "sum_narrow")
    Integer sumNarrow(Integer a, Integer b, Integer c, Integer d);

    @NativeFunction(value = "u64(u64)", symbol = "echo_u64")
    BigInteger echoU64(BigInteger v);

    @NativeFunction(value = "u64()", symbol = "max_u64")
    BigInteger maxU64();

    @NativeFunction(value = "usize()", symbol = "max_usize")
    BigInteger maxUsize();

    @NativeFunction(value = "f32(f32)", symbol = "echo_f32")
    Float echoF32(Float v);

    @NativeFunction(value = "f64(f64)", symbol = "echo_f64")
    Double echoF64(Double v);

    @NativeFunction(value = "pointer(pointer)", symbol = "echo_pointer")
    Long echoPointer(Long address);

    @NativeFunction(value = "usize(pointer)", symbol = "pointer_to_address")
    Long addressSeenByC(Long address);

    @NativeFunction(value = "i32(pointer)", symbol = "read_i32")
    Integer readI32(Long address);

    @NativeFunction(value = "i64(i64)", symbol = "echo_i64")
    Long echoI64(Long v);

    @NativeFunction(value = "usize(usize)", symbol = "echo_usize")
    BigInteger echoUsize(BigInteger v);

    @NativeFunction(value = "i32(usize)", symbol = "is_max_usize")
    Integer isMaxUsize(BigInteger v);

    @NativeFunction(value = "pointer(pointer)", symbol = "echo_pointer")
    BigInteger echoPointer(BigInteger address);

    @NativeFunction(value = "i32(pointer)", symbol = "read_i32")
    Integer readI32(BigInteger address);

    @NativeFunction(value = "i32(pointer)", symbol = "is_null")
    Integer isNull(Long address);
}
