package dev.fastffi.it.robustness.owned;

import dev.fastffi.annotations.NativeFunction;

/** An owned result whose free function no library has. */
public interface MissingFree {
    @NativeFunction(value = "string(string)", symbol = "sp_greeting", free = "sp_no_such_free")
    String greeting(String name);
}
