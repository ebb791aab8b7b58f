package dev.fastffi.it.callbacks;

import dev.fastffi.Upcall;
import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.MemorySegment;

/** callbacks.c: each function once with a registered callback (fast) and once with a callback object. */
public interface Callbacks {
    @NativeFunction("i32(function, i32)")
    int cb_apply(Upcall<IntOp> f, int x);

    @NativeFunction(value = "i32(function, i32)", symbol = "cb_apply")
    int applyAddress(MemorySegment f, int x);

    @NativeFunction(value = "i32(function, i32)", symbol = "cb_apply")
    int applyTransient(IntOp f, int x);

    @NativeFunction("i32(function, i32)")
    int cb_apply_twice(IntOp f, int x);

    @NativeFunction(value = "i32(function, i32)", symbol = "cb_apply")
    int applyInherited(InheritedOp f, int x);

    @NativeFunction("i32(function, u8)")
    int cb_apply_u8(Upcall<U8Op> f, int x);

    @NativeFunction("void(function)")
    void cb_send_text(TextSink f);

    @NativeFunction("void(function)")
    void cb_store(Upcall<IntOp> f);

    @NativeFunction("i32(i32)")
    int cb_call_stored(int x);

    @NativeFunction(value = "i32(i32)", symbol = "cb_call_stored")
    Integer callStoredCompat(Integer x);

    @NativeFunction("void(i32, function)")
    void cb_keep(int slot, IntOp f);

    @NativeFunction("i32(i32, i32)")
    int cb_call_kept(int slot, int x);

    @NativeFunction("i32(function, i32)")
    int cb_apply_in_thread(Upcall<IntOp> f, int x);

    @NativeFunction(value = "i32(function, i32)", symbol = "cb_apply_in_thread")
    int applyInThreadTransient(IntOp f, int x);

    @NativeFunction(value = "i32(function, i32)", symbol = "cb_apply_in_thread")
    int applyInheritedInThread(InheritedOp f, int x);

    @NativeFunction("i32(buffer, i32, function)")
    int cb_then_fill(int[] p, int n, Upcall<IntOp> f);

    @NativeFunction(value = "i32(buffer, i32, function)", symbol = "cb_then_fill")
    int thenFillTransient(int[] p, int n, IntOp f);
}
