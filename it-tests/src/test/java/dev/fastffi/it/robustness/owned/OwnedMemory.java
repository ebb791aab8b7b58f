package dev.fastffi.it.robustness.owned;

import dev.fastffi.Upcall;
import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeStruct;
import dev.fastffi.it.robustness.owned.Callbacks.Binary;
import dev.fastffi.it.robustness.owned.Callbacks.Count;
import dev.fastffi.it.robustness.owned.Callbacks.IntOp;
import dev.fastffi.it.robustness.owned.Callbacks.MixedOp;
import dev.fastffi.it.robustness.owned.Callbacks.Poke;
import dev.fastffi.it.robustness.owned.Callbacks.PointOp;
import dev.fastffi.it.robustness.owned.Callbacks.Widen;
import java.lang.foreign.MemorySegment;

/**
 * Every way the fixture lends, returns and hands over memory: struct pointers, owned results,
 * arrays of pointers, function pointers as views, structs by value in callbacks and callbacks C
 * keeps. No method requires the fast path, so that the same source compiles on every path.
 */
public interface OwnedMemory {
    /** A struct nested in the interface, which its signatures may name. */
    @NativeStruct("{u8, f64}")
    record Padded(byte tag, double value) {}

    @NativeFunction(value = "i32(Point*)", symbol = "sp_sum")
    int sum(Point point);

    @NativeFunction(value = "i32(Point*)", symbol = "sp_sum")
    int sumAt(MemorySegment point);

    @NativeFunction(value = "void(Point*, i32, i32)", symbol = "sp_move")
    void move(Point[] point, int dx, int dy);

    @NativeFunction(value = "i32(Point*, i32)", symbol = "sp_fill")
    int fill(Point[] points, int n);

    @NativeFunction(value = "void(Point*, i32, function)", symbol = "sp_fill_then_call")
    void fillThenCall(Point[] points, int n, Poke poke);

    @NativeFunction(value = "f64(Padded*)", symbol = "sp_padded_total")
    double total(Padded padded);

    @NativeFunction(value = "f64(Padded*)", symbol = "sp_padded_total")
    double totalAt(MemorySegment padded);

    @NativeFunction(value = "Point*()", symbol = "sp_static")
    Point origin();

    @NativeFunction(value = "Point*()", symbol = "sp_static")
    MemorySegment originAt();

    @NativeFunction(value = "Point*()", symbol = "sp_null")
    Point none();

    @NativeFunction(value = "Point*()", symbol = "sp_null")
    MemorySegment noneAt();

    @NativeFunction(value = "Point*(i32, i32)", symbol = "sp_new", free = "sp_release")
    Point create(int x, int y);

    @NativeFunction(value = "Point*(i32, i32)", symbol = "sp_new", free = "free")
    Point createFreedByLibc(int x, int y);

    @NativeFunction(value = "string(string)", symbol = "sp_greeting", free = "sp_release")
    String greeting(String name);

    @NativeFunction(value = "i32()", symbol = "sp_free_count")
    int freeCount();

    @NativeFunction(value = "i32()", symbol = "sp_null_free_count")
    int nullFreeCount();

    @NativeFunction(value = "i32(string, buffer)", symbol = "pa_open")
    int open(String name, MemorySegment[] handle);

    @NativeFunction(value = "void(buffer)", symbol = "pa_swap")
    void swap(MemorySegment[] pair);

    @NativeFunction(value = "void(buffer, i32)", symbol = "pa_fill")
    void fillSlots(MemorySegment[] slots, int n);

    @NativeFunction(value = "i64(buffer, i32)", symbol = "pa_sum")
    long sumSlots(MemorySegment[] slots, int n);

    @NativeFunction(value = "i32(buffer)", symbol = "pa_argc")
    int argc(String[] argv);

    @NativeFunction(value = "i64(buffer, i32, buffer, i64)", symbol = "pa_join")
    long join(String[] argv, int n, byte[] out, long capacity);

    @NativeFunction(value = "function(i32)", symbol = "cb_binary_op")
    Binary binary(int which);

    @NativeFunction(value = "function(i32)", symbol = "cb_binary_op")
    MemorySegment binaryAddress(int which);

    @NativeFunction(value = "function()", symbol = "cb_widen_op")
    Widen widen();

    @NativeFunction(value = "function()", symbol = "cb_count_op")
    Count count();

    @NativeFunction(value = "function()", symbol = "cb_swap_op")
    PointOp swapOp();

    @NativeFunction(value = "i64(function, i32, i32)", symbol = "cb_pair_call")
    long pairCall(Upcall<PointOp> f, int left, int right);

    @NativeFunction(value = "i64(function, i32, i32)", symbol = "cb_pair_call")
    long pairCallTransient(PointOp f, int left, int right);

    @NativeFunction(value = "f64(function, f64, u8, i64, i32)", symbol = "cb_mixed_call")
    double mixedCall(Upcall<MixedOp> f, double x, int tag, long n, int k);

    @NativeFunction(value = "void(i32, function)", symbol = "cb_keep")
    void keep(int slot, IntOp f);

    @NativeFunction(value = "i32(i32, i32)", symbol = "cb_call_kept")
    int callKept(int slot, int x);

    @NativeFunction(value = "i32(function, i32)", symbol = "cb_apply")
    int applyTransient(IntOp f, int x);
}
