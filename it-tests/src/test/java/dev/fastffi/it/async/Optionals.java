package dev.fastffi.it.async;

import dev.fastffi.annotations.NativeFunction;

/** Optional symbols of the fixture, one present and one missing, on each path. */
public interface Optionals {
    @NativeFunction(value = "i32(i32)", symbol = "async_opt_present", optional = true)
    int present(int x);

    @NativeFunction(value = "i32(i32)", symbol = "async_opt_missing", optional = true)
    int missing(int x);

    @NativeFunction(value = "i32(i32)", symbol = "async_opt_present", optional = true)
    Integer presentBoxed(Integer x);

    @NativeFunction(value = "i32(i32)", symbol = "async_opt_missing", optional = true)
    Integer missingBoxed(Integer x);

    @NativeFunction(value = "i32(i32)", symbol = "async_opt_present")
    int required(int x);
}
