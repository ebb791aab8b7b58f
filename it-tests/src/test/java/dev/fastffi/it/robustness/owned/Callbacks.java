package dev.fastffi.it.robustness.owned;

import dev.fastffi.annotations.NativeCallback;

/** The callback types of the fixture functions {@link OwnedMemory} declares. */
public final class Callbacks {
    private Callbacks() {}

    /** Called from C while an array of structs is lent to it. */
    @NativeCallback("void()")
    public interface Poke {
        void poke();
    }

    @NativeCallback("i32(i32)")
    public interface IntOp {
        int apply(int x);
    }

    @NativeCallback("i32(i32, i32)")
    public interface Binary {
        int apply(int a, int b);
    }

    @NativeCallback("u32(u8, i64)")
    public interface Widen {
        long widen(int x, long y);
    }

    @NativeCallback("usize(string)")
    public interface Count {
        long count(String text);
    }

    @NativeCallback("Point(Point)")
    public interface PointOp {
        Point apply(Point point);
    }

    @NativeCallback("Mixed(Mixed, i32)")
    public interface MixedOp {
        Mixed apply(Mixed mixed, int k);
    }
}
