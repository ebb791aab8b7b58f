package dev.fastffi.it.structs;

import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.it.structs.Shapes.Arrays;
import dev.fastffi.it.structs.Shapes.Large;
import dev.fastffi.it.structs.Shapes.Medium;
import dev.fastffi.it.structs.Shapes.Nested;
import dev.fastffi.it.structs.Shapes.Padded;
import dev.fastffi.it.structs.Shapes.Small;
import dev.fastffi.it.structs.Shapes.Tagged;
import java.util.concurrent.CompletableFuture;

/** The fixture's struct functions, with structs named by their records and written inline. */
interface StructFunctions {
    @NativeFunction(value = "Small(Small, Small)", symbol = "st_small_add", requireFast = true)
    Small add(Small a, Small b);

    @NativeFunction(value = "i32({i32, i32}, {i32, i32})", symbol = "st_small_dot")
    int dot(Small a, Small b);

    @NativeFunction(value = "i32({i32, i32}, {i32, i32})", symbol = "st_small_dot", critical = true, requireFast = true)
    int dotCritical(Small a, Small b);

    @NativeFunction(value = "Small(i32, i32)", symbol = "st_small_make")
    Small make(int x, int y);

    @NativeFunction(value = "Medium(Medium, i32)", symbol = "st_medium_scale")
    Medium scale(Medium m, int k);

    @NativeFunction(value = "f64(Medium)", symbol = "st_medium_total")
    double total(Medium m);

    @NativeFunction(value = "Large(Large)", symbol = "st_large_next")
    Large next(Large l);

    @NativeFunction(value = "f64(i32, Large, i32)", symbol = "st_large_sum")
    double sum(int first, Large l, int last);

    @NativeFunction(value = "Padded(Padded)", symbol = "st_padded_next")
    Padded next(Padded p);

    @NativeFunction(value = "u32(Padded)", symbol = "st_padded_tag")
    long tag(Padded p);

    @NativeFunction(value = "Nested(Nested, i32, i32)", symbol = "st_nested_move")
    Nested move(Nested n, int dx, int dy);

    @NativeFunction(value = "Arrays(Arrays)", symbol = "st_arrays_reverse")
    Arrays reverse(Arrays a);

    @NativeFunction(value = "i64(Arrays)", symbol = "st_arrays_sum")
    long sum(Arrays a);

    @NativeFunction(value = "Small(Small, Small)", symbol = "st_small_add")
    CompletableFuture<Small> addLater(Small a, Small b);

    @NativeFunction(value = "Flags(Flags)", symbol = "st_flags_flip", requireFast = true)
    Shapes.Flags flip(Shapes.Flags flags);

    @NativeFunction(value = "i64(buffer, i32)", symbol = "st_small_total", requireFast = true)
    long total(Small[] points, int count);

    @NativeFunction(value = "void(buffer, i32)", symbol = "st_padded_bump")
    void bump(Padded[] values, int count);

    /** A struct with a pointer field, returned while errno is captured. */
    @NativeFunction(value = "{pointer, i64}({pointer, i64})", symbol = "st_tagged_next", errno = true)
    Tagged pass(Tagged t);
}
