package dev.fastffi.samples.guide;

import dev.fastffi.Library;
import dev.fastffi.annotations.NativeCallback;
import dev.fastffi.annotations.NativeStruct;

/** Function pointers called through a {@code @NativeCallback} interface, and a struct by value in a callback, as the guide shows them. */
public final class FunctionViews {
    private FunctionViews() {}

    // tag::views[]
    @NativeCallback("i64(i64)")
    public interface LongOp {
        long apply(long x);
    }

    @NativeStruct("{f64, f64}")
    public record Point(double x, double y) {}

    @NativeCallback("Point(Point)")                 // C passes a struct by value and uses the one returned
    public interface Transform {
        Point apply(Point point);
    }

    public static long absoluteThroughAView() {
        Library libc = Library.system();
        LongOp labs = libc.function(LongOp.class, libc.find("labs").orElseThrow());   // or a pointer C returned
        return labs.apply(-42);                                                        // 42, calls C's labs
    }
    // end::views[]
}
