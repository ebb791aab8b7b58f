package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeCallback;

/** {@code int32_t (*)(const struct cb_point *)}: the struct pointer as the record read from it, NULL as null. */
@NativeCallback("i32(Point*)")
public interface PointRead {
    int read(PointVisit.Point point);
}
