package dev.fastffi.it.structs;

import dev.fastffi.annotations.NativeStruct;
import java.lang.foreign.MemorySegment;

/** The records the struct tests pass, one per fixture struct. */
final class Shapes {
    private Shapes() {}

    @NativeStruct("{i32, i32}")
    record Small(int x, int y) {}

    @NativeStruct("{i32, f32, f64}")
    record Medium(int i, float f, double d) {}

    @NativeStruct("{f64, i64, i32}")
    record Large(double a, long b, int c) {}

    @NativeStruct("{u8, f64}")
    record Padded(byte tag, double value) {}

    @NativeStruct("{u8, Small, f64}")
    record Nested(byte id, Small point, double weight) {}

    @NativeStruct("{i32, [4]i32, [2]f32}")
    record Arrays(int n, int[] values, float[] scale) {}

    @NativeStruct("{bool, u16, i16, i8}")
    record Flags(boolean on, char code, short delta, byte small) {}

    /** A record not annotated, matching {@code {pointer, i64}} inline. */
    record Tagged(MemorySegment address, long tag) {}
}
