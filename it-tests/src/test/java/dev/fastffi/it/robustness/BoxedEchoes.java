package dev.fastffi.it.robustness;

import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.MemorySegment;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * The functions of {@link ScalarEchoes} with compatibility-path Java types (boxes, BigInteger,
 * Long addresses, heap ByteBuffers, Strings), so every method is generated COMPAT.
 */
interface BoxedEchoes {
    @NativeFunction(value = "bool(bool)", symbol = "echo_bool")
    Boolean echoBool(Boolean v);

    @NativeFunction(value = "i8(i8)", symbol = "echo_i8")
    Byte echoI8(Byte v);

    @NativeFunction(value = "i8(i8)", symbol = "echo_i8")
    Integer echoI8(Integer v);

    @NativeFunction(value = "u8(u8)", symbol = "echo_u8")
    Integer echoU8(Integer v);

    @NativeFunction(value = "u8(u8)", symbol = "echo_u8")
    Byte echoU8Raw(Byte v);

    @NativeFunction(value = "i16(i16)", symbol = "echo_i16")
    Short echoI16(Short v);

    @NativeFunction(value = "i16(i16)", symbol = "echo_i16")
    Integer echoI16(Integer v);

    @NativeFunction(value = "u16(u16)", symbol = "echo_u16")
    Character echoU16(Character v);

    @NativeFunction(value = "u16(u16)", symbol = "echo_u16")
    Integer echoU16(Integer v);

    @NativeFunction(value = "i32(i32)", symbol = "echo_i32")
    Integer echoI32(Integer v);

    @NativeFunction(value = "u32(u32)", symbol = "echo_u32")
    Long echoU32(Long v);

    @NativeFunction(value = "u32(u32)", symbol = "echo_u32")
    Integer echoU32Raw(Integer v);

    @NativeFunction(value = "i64(i64)", symbol = "echo_i64")
    Long echoI64(Long v);

    @NativeFunction(value = "u64(u64)", symbol = "echo_u64")
    BigInteger echoU64(BigInteger v);

    @NativeFunction(value = "u64(u64)", symbol = "echo_u64")
    Long echoU64Raw(Long v);

    @NativeFunction(value = "isize(isize)", symbol = "echo_isize")
    Long echoIsize(Long v);

    @NativeFunction(value = "usize(usize)", symbol = "echo_usize")
    BigInteger echoUsize(BigInteger v);

    @NativeFunction(value = "f32(f32)", symbol = "echo_f32")
    Float echoF32(Float v);

    @NativeFunction(value = "f64(f64)", symbol = "echo_f64")
    Double echoF64(Double v);

    @NativeFunction(value = "pointer(pointer)", symbol = "echo_pointer")
    Long echoPointer(Long address);

    @NativeFunction(value = "pointer(pointer)", symbol = "echo_pointer")
    BigInteger echoPointer(BigInteger address);

    @NativeFunction(value = "i32(pointer)", symbol = "read_i32")
    Integer readI32(MemorySegment p);

    @NativeFunction(value = "u64(bool, i8, u8, i16, u16, i32, u32, i64, u64, isize, usize, f32, f64, pointer)",
            symbol = "mix_scalars")
    BigInteger mixScalars(Boolean b, Byte i8, Integer u8, Short i16, Character u16, Integer i32, Long u32, Long i64,
            BigInteger u64, Long isize, BigInteger usize, Float f32, Double f64, Long p);

    @NativeFunction(value = "i64(buffer, usize)", symbol = "sum_u8")
    Long sumU8(byte[] values, Long n);

    @NativeFunction(value = "void(buffer, usize)", symbol = "increment_u8")
    void incrementU8(ByteBuffer values, Long n);

    @NativeFunction(value = "usize(string)", symbol = "byte_length")
    long byteLength(String s);

    @NativeFunction(value = "string(string)", symbol = "echo_string")
    String echoString(String s);
}
