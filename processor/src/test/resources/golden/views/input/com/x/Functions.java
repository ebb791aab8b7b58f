package com.x;

import dev.fastffi.annotations.NativeFunction;

/** Function pointers returned as views: fast when the view is. */
public interface Functions {
    @NativeFunction("function(i32)")
    Adder adder(int which);

    @NativeFunction("function()")
    Scale scale();
}
