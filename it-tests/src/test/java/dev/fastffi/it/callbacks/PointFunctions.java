package dev.fastffi.it.callbacks;

import dev.fastffi.Upcall;
import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.MemorySegment;

/** Struct pointers through callbacks, and function pointers taking them, from the fixture. */
public interface PointFunctions {
    @NativeFunction("i64(function, i32, i32)")
    long cb_point_call(Upcall<PointVisit> f, int x, int y);

    @NativeFunction(value = "i64(function, i32, i32)", symbol = "cb_point_call")
    long pointCallTransient(PointVisit f, int x, int y);

    @NativeFunction("i32(function)")
    int cb_point_null(Upcall<PointVisit> f);

    /** {@code Point} is the record of the callback type {@code PointRead}. */
    @NativeFunction("i32(function, Point*)")
    int cb_point_apply(Upcall<PointRead> f, MemorySegment point);

    @NativeFunction(value = "i32(function, Point*)", symbol = "cb_point_apply")
    int pointApplyTransient(PointRead f, MemorySegment point);

    @NativeFunction("i64(function, i32)")
    long cb_point_made(Upcall<PointMake> f, int seed);

    @NativeFunction("function()")
    PointVisit cb_point_double_op();

    @NativeFunction("function()")
    PointRead cb_point_sum_op();

    @NativeFunction("function()")
    PointMake cb_point_make_op();
}
