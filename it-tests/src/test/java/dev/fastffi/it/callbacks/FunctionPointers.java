package dev.fastffi.it.callbacks;

import dev.fastffi.Upcall;
import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.MemorySegment;

/** Function pointers the fixture returns, as views or addresses, and callbacks with structs by value. */
public interface FunctionPointers {
    @NativeFunction("function(i32)")
    Binary cb_binary_op(int which);

    @NativeFunction(value = "function(i32)", symbol = "cb_binary_op")
    MemorySegment binaryAddress(int which);

    @NativeFunction(value = "function(i32)", symbol = "cb_binary_op")
    BoxedBinary boxedBinary(int which);

    @NativeFunction("function()")
    Widen cb_widen_op();

    @NativeFunction(value = "function()", symbol = "cb_widen_op")
    MemorySegment widenAddress();

    @NativeFunction("function()")
    Count cb_count_op();

    @NativeFunction("function()")
    PairOp cb_swap_op();

    @NativeFunction("function()")
    IntComparator cb_compare_op();

    @NativeFunction(value = "function()", symbol = "cb_compare_op")
    MemorySegment compareAddress();

    @NativeFunction("i64(function, i32, i32)")
    long cb_pair_call(Upcall<PairOp> f, int left, int right);

    @NativeFunction(value = "i64(function, i32, i32)", symbol = "cb_pair_call")
    long pairCallTransient(PairOp f, int left, int right);

    @NativeFunction("f64(function, f64, u8, i64, i32)")
    double cb_mixed_call(Upcall<MixedOp> f, double x, int tag, long n, int k);
}
