package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.MemorySegment;

/** The fixture's functions on structs holding a function pointer. */
public interface CallbackFields {
    @NativeFunction("Handler(i32)")
    Handler cf_make(int tag);

    @NativeFunction("Handler*(i32)")
    Handler cf_make_at(int tag);

    @NativeFunction("i64(Handler, i64)")
    long cf_apply(Handler handler, long x);

    @NativeFunction("i64(Handler*, i64)")
    long cf_apply_at(Handler handler, long x);

    @NativeFunction("void(Handler)")
    void cf_keep(Handler handler);

    @NativeFunction("i64(i64)")
    long cf_call_kept(long x);

    @NativeFunction("void(Handler*, i32)")
    void cf_swap_all(Handler[] handlers, int n);

    @NativeFunction(value = "void(buffer, i32)", symbol = "cf_swap_all")
    void swapAll(Handler[] handlers, int n);

    @NativeFunction("i64(function, i32)")
    long cf_visit(HandlerVisit visit, int tag);

    @NativeFunction("i64(function, i32, i64)")
    long cf_produce(HandlerProduce produce, int tag, long x);

    /** The handler as a raw segment, the fast way to pass it. */
    @NativeFunction(value = "i64(pointer, i64)", symbol = "cf_apply_at", requireFast = true)
    long applyAt(MemorySegment handler, long x);
}
