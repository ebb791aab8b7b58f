package dev.fastffi.it.jar;

import dev.fastffi.annotations.NativeFunction;

/**
 * One fixture function, public so that an interface another class loader defines can extend it
 * and the tests can call its binding without reflection.
 */
public interface Adder {
    @NativeFunction("i32(i32, i32)")
    int add_i32(int a, int b);
}
