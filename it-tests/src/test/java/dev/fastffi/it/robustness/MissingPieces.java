package dev.fastffi.it.robustness;

import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeLibrary;

/** Interfaces that cannot be bound: what the bad-input matrix binds to see the errors. */
final class MissingPieces {
    private MissingPieces() {}

    /** One symbol the fixture has and one it does not. */
    interface MissingSymbol {
        @NativeFunction("i32(i32, i32)")
        int add_i32(int a, int b);

        @NativeFunction(value = "void()", symbol = "fastffi_no_such_symbol")
        void missing();
    }

    /** A library no system has. */
    @NativeLibrary({"fastffi_no_such_library", "/nonexistent/libfastffi_no_such_library.so"})
    interface MissingLibrary {
        @NativeFunction("void()")
        void noop();
    }
}
