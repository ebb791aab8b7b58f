package dev.fastffi.samples.guide;

import dev.fastffi.FastFfi;
import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeStruct;

/** Structs by value against the C library's {@code div} and {@code ldiv}, as the guide shows them. */
public final class Structs {
    private Structs() {}

    // tag::structs[]
    @NativeStruct("{i32, i32}")                          // typedef struct { int quot; int rem; } div_t;
    public record Div(int quot, int rem) {}

    public record LongDiv(long quot, long rem) {}        // no name needed when the struct is inline

    public interface Division {
        @NativeFunction("Div(i32, i32)")                 // div_t div(int, int): FAST, returns in a register
        Div div(int numerator, int denominator);

        @NativeFunction("{i64, i64}(i64, i64)")          // ldiv_t ldiv(long, long): 16 bytes, two registers
        LongDiv ldiv(long numerator, long denominator);
    }

    public static String divide() {
        Division libc = FastFfi.load(Division.class);
        Div small = libc.div(17, 5);                     // Div[quot=3, rem=2]
        LongDiv big = libc.ldiv(-7_000_000_000L, 3);     // LongDiv[quot=-2333333333, rem=-1]
        return small + " " + big;
    }
    // end::structs[]
}
