package dev.fastffi.it.modules.internal;

import dev.fastffi.annotations.NativeStruct;

/** One element of an int array, as a struct. */
@NativeStruct("{i32}")
public record IntCell(int value) {}
