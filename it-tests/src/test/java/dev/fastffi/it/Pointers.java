package dev.fastffi.it;

import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.MemorySegment;

/** Pointer functions of the fixture, bound with both fast-path carriers: segment and address. */
interface Pointers {
    @NativeFunction(value = "pointer(pointer)", symbol = "echo_pointer")
    MemorySegment echo(MemorySegment p);

    @NativeFunction(value = "pointer(pointer)", symbol = "echo_pointer")
    long echoAddress(long address);

    @NativeFunction(value = "usize(pointer)", symbol = "pointer_to_address")
    long addressSeenByC(MemorySegment p);

    @NativeFunction(value = "usize(pointer)", symbol = "pointer_to_address")
    long addressSeenByCOfLong(long address);

    @NativeFunction(value = "pointer(usize)", symbol = "address_to_pointer")
    MemorySegment pointerAt(long address);

    @NativeFunction(value = "i32(pointer)", symbol = "is_null")
    int isNull(MemorySegment p);

    @NativeFunction(value = "i32(pointer)", symbol = "is_null")
    int isNullAddress(long address);

    @NativeFunction(value = "pointer()", symbol = "null_pointer")
    MemorySegment nullPointer();

    @NativeFunction(value = "pointer()", symbol = "null_pointer")
    long nullAddress();

    @NativeFunction(value = "i32(pointer)", symbol = "read_i32")
    int readI32(MemorySegment p);

    @NativeFunction(value = "i32(pointer)", symbol = "read_i32")
    int readI32At(long address);
}
