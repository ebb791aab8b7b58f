package dev.fastffi.it.structs;

import dev.fastffi.annotations.NativeStruct;

/** The fixture's sp_point as a record whose constructor refuses some values, as records may. */
@NativeStruct("{i32, i32}")
public record CheckedPoint(int x, int y) {
    /** The x the constructor refuses. */
    public static final int REFUSED = 13;

    public CheckedPoint {
        if (x == REFUSED) {
            throw new IllegalArgumentException("x is " + REFUSED);
        }
    }
}
