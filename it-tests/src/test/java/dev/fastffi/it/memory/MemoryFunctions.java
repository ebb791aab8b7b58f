package dev.fastffi.it.memory;

import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeStruct;
import java.lang.foreign.MemorySegment;

/** The fixture's functions that hand out memory and function pointers, and the records of its structs. */
interface MemoryFunctions {
    /** {@code mem_point}. */
    @NativeStruct("{i32, i32}")
    record Point(int x, int y) {}

    /** {@code mem_item}: padding after the tag, a nested struct, an array and a pointer. */
    @NativeStruct("{u8, Point, f64, [3]i16, pointer}")
    record Item(byte tag, Point at, double weight, short[] codes, MemorySegment next) {}

    /** {@code mem_flags}: the narrow carriers. */
    @NativeStruct("{bool, u16, i16, i8}")
    record Flags(boolean on, char code, short delta, byte small) {}

    /** Entry {@code index} of the fixture's table of sizeof, alignof and offsetof values. */
    @NativeFunction(value = "i64(i32)", symbol = "mem_layout")
    long layout(int index);

    @NativeFunction(value = "pointer()", symbol = "mem_greeting")
    MemorySegment greeting();

    @NativeFunction(value = "pointer()", symbol = "mem_no_string")
    MemorySegment noString();

    @NativeFunction(value = "pointer()", symbol = "mem_words")
    MemorySegment words();

    /** C's own static item, which points at itself. */
    @NativeFunction(value = "pointer()", symbol = "mem_item_get")
    MemorySegment item();

    @NativeFunction(value = "i64(pointer, i32)", symbol = "mem_item_field")
    long itemField(MemorySegment item, int field);

    @NativeFunction(value = "void(pointer)", symbol = "mem_keep")
    void keep(MemorySegment point);

    @NativeFunction(value = "void(i32, i32)", symbol = "mem_kept_move")
    void keptMove(int dx, int dy);

    /** {@code &mem_add}, an {@code int32_t (*)(int32_t, int32_t)}. */
    @NativeFunction(value = "pointer()", symbol = "mem_adder")
    MemorySegment adder();

    @NativeFunction(value = "pointer()", symbol = "mem_no_function")
    MemorySegment noFunction();
}
