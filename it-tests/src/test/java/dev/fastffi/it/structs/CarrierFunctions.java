package dev.fastffi.it.structs;

import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.it.structs.Carriers.Address;
import dev.fastffi.it.structs.Carriers.BoxedFlags;
import dev.fastffi.it.structs.Carriers.Huge;
import dev.fastffi.it.structs.Carriers.Unsigned;
import dev.fastffi.it.structs.Carriers.WideFlags;
import dev.fastffi.it.structs.Carriers.WideNested;
import dev.fastffi.it.structs.Carriers.WidePadded;

/** The fixture's struct functions with records of widened and boxed carriers. */
interface CarrierFunctions {
    @NativeFunction(value = "{bool, u16, i16, i8}({bool, u16, i16, i8})", symbol = "st_flags_flip", requireFast = true)
    WideFlags flip(WideFlags flags);

    @NativeFunction(value = "{bool, u16, i16, i8}({bool, u16, i16, i8})", symbol = "st_flags_flip")
    BoxedFlags flip(BoxedFlags flags);

    @NativeFunction(value = "WidePadded(WidePadded)", symbol = "st_padded_next", requireFast = true)
    WidePadded next(WidePadded padded);

    @NativeFunction(value = "u32(WidePadded)", symbol = "st_padded_tag", requireFast = true)
    long tag(WidePadded padded);

    @NativeFunction(value = "void(buffer, i32)", symbol = "st_padded_bump", requireFast = true)
    void bump(WidePadded[] values, int count);

    @NativeFunction(value = "{u32, u32}(i32, i32)", symbol = "st_small_make", requireFast = true)
    Unsigned make(int x, int y);

    @NativeFunction(value = "i32({u32, u32}, {u32, u32})", symbol = "st_small_dot", requireFast = true)
    int dot(Unsigned a, Unsigned b);

    @NativeFunction(value = "{f64, u64, i32}({f64, u64, i32})", symbol = "st_large_next")
    Huge next(Huge large);

    @NativeFunction(value = "{pointer, i64}({pointer, i64})", symbol = "st_tagged_next", requireFast = true)
    Address pass(Address tagged);

    @NativeFunction(value = "{pointer, i64}({pointer, i64})", symbol = "st_tagged_next", requireFast = true)
    Shapes.Tagged passSegment(Shapes.Tagged tagged);

    @NativeFunction(value = "{u8, {i32, i32}, f64}({u8, {i32, i32}, f64}, i32, i32)", symbol = "st_nested_move")
    WideNested move(WideNested nested, int dx, int dy);
}
