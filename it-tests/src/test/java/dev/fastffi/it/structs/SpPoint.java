package dev.fastffi.it.structs;

import dev.fastffi.annotations.NativeStruct;

/** The fixture's sp_point, top level in the package, so that signatures of the package's interfaces may name it. */
@NativeStruct("{i32, i32}")
public record SpPoint(int x, int y) {}
