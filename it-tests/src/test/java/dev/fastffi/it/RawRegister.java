package dev.fastffi.it;

import dev.fastffi.annotations.NativeFunction;

/**
 * The fixture's {@code raw_register_32}, which returns the low 32 bits of the first argument
 * register as they arrived, declared with each narrow argument type.
 */
interface RawRegister {
    @NativeFunction(value = "u32(u8)", symbol = "raw_register_32")
    int u8(byte v);

    @NativeFunction(value = "u32(u8)", symbol = "raw_register_32")
    long u8FromInt(int v);

    @NativeFunction(value = "u32(u8)", symbol = "raw_register_32")
    Long u8Boxed(Integer v);

    @NativeFunction(value = "u32(i8)", symbol = "raw_register_32")
    int i8(byte v);

    @NativeFunction(value = "u32(u16)", symbol = "raw_register_32")
    int u16(char v);

    @NativeFunction(value = "u32(i16)", symbol = "raw_register_32")
    int i16(short v);

    @NativeFunction(value = "u32(bool)", symbol = "raw_register_32")
    int bool(boolean v);
}
