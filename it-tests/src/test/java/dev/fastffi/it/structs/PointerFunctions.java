package dev.fastffi.it.structs;

import dev.fastffi.Upcall;
import dev.fastffi.annotations.NativeCallback;
import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeStruct;
import java.lang.foreign.MemorySegment;

/** The fixture's struct-pointer functions and owned results. */
interface PointerFunctions {
    /** A struct nested in the interface, which its signatures may name. */
    @NativeStruct("{u8, f64}")
    record Padded(byte tag, double value) {}

    /** Called from C while an array of structs is lent to it. */
    @NativeCallback("void()")
    interface Poke {
        void poke();
    }

    @NativeFunction(value = "i32(SpPoint*)", symbol = "sp_sum", requireFast = true)
    int sum(SpPoint point);

    @NativeFunction(value = "i32(SpPoint*)", symbol = "sp_sum", requireFast = true)
    int sumAt(MemorySegment point);

    @NativeFunction(value = "i32({i32, i32}*)", symbol = "sp_sum")
    int sumInline(SpPoint point);

    @NativeFunction(value = "void(SpPoint*, i32, i32)", symbol = "sp_move", requireFast = true)
    void move(SpPoint[] point, int dx, int dy);

    @NativeFunction(value = "i32(SpPoint*, i32)", symbol = "sp_fill", requireFast = true)
    int fill(SpPoint[] points, int n);

    @NativeFunction(value = "void(SpPoint*, i32, function)", symbol = "sp_fill_then_call")
    void fillThenCall(SpPoint[] points, int n, Poke poke);

    @NativeFunction(value = "void(SpPoint*, i32, function)", symbol = "sp_fill_then_call", requireFast = true)
    void fillThenCall(SpPoint[] points, int n, Upcall<Poke> poke);

    @NativeFunction(value = "f64(Padded*)", symbol = "sp_padded_total", requireFast = true)
    double total(MemorySegment padded);

    @NativeFunction(value = "f64(Padded*)", symbol = "sp_padded_total")
    double total(Padded padded);

    @NativeFunction(value = "SpPoint*()", symbol = "sp_static", requireFast = true)
    SpPoint origin();

    @NativeFunction(value = "SpPoint*()", symbol = "sp_static", requireFast = true)
    MemorySegment originAt();

    @NativeFunction(value = "SpPoint*()", symbol = "sp_null")
    SpPoint none();

    @NativeFunction(value = "SpPoint*()", symbol = "sp_null")
    MemorySegment noneAt();

    @NativeFunction(value = "SpPoint*(i32, i32)", symbol = "sp_new", free = "sp_release", requireFast = true)
    SpPoint create(int x, int y);

    @NativeFunction(value = "SpPoint*(i32, i32)", symbol = "sp_new", free = "free")
    SpPoint createFreedByLibc(int x, int y);

    @NativeFunction(value = "CheckedPoint*(i32, i32)", symbol = "sp_new", free = "sp_release", requireFast = true)
    CheckedPoint createChecked(int x, int y);

    @NativeFunction(value = "string(string)", symbol = "sp_greeting", free = "sp_release")
    String greeting(String name);

    @NativeFunction(value = "i32()", symbol = "sp_free_count")
    int freeCount();

    @NativeFunction(value = "i32()", symbol = "sp_null_free_count")
    int nullFreeCount();
}
