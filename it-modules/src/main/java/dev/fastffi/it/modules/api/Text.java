package dev.fastffi.it.modules.api;

import dev.fastffi.annotations.NativeFunction;

/** C string functions, in the package the module exports. */
public interface Text {
    /** A Java String, copied as UTF-8 for the call: the compatibility path. */
    @NativeFunction("usize(string)")
    long strlen(String text);

    @NativeFunction("i32(i32)")
    int toupper(int c);
}
