package com.x;

import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeStruct;
import java.lang.foreign.MemorySegment;

/** Pointers to structs as records, arrays and segments; results the caller owns. */
public interface Shapes {
    /** A struct nested in the interface. */
    @NativeStruct("{u8, f64}")
    record Tag(byte id, double weight) {}

    @NativeFunction("f64(Point*)")
    double length(Point p);

    @NativeFunction("f64(Point*)")
    double lengthAt(MemorySegment p);

    @NativeFunction("void(Point*, i32)")
    void fill(Point[] points, int n);

    @NativeFunction("Tag*()")
    Tag current();

    @NativeFunction("Tag*()")
    MemorySegment currentAt();

    @NativeFunction(value = "Point*(f64, f64)", free = "point_free")
    Point make(double x, double y);

    @NativeFunction(value = "string(i32)", free = "free")
    String describe(int code);
}
