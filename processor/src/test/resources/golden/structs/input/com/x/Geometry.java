package com.x;

import dev.fastffi.annotations.NativeFunction;

/** Structs by value: named and inline, as arguments and results, with errno; an array of them as a buffer. */
public interface Geometry {
    @NativeFunction("f64(Point, Point)")
    double distance(Point a, Point b);

    @NativeFunction(value = "Box(Box, {f64, f64})", errno = true)
    Box move(Box box, Point by);

    @NativeFunction("f64(buffer, i32)")
    double perimeter(Point[] corners, int count);
}
