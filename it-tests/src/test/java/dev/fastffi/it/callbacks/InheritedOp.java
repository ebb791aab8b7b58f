package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeCallback;
import java.util.function.IntUnaryOperator;

/** {@code int32_t (*)(int32_t)} whose one method, {@code applyAsInt}, a JDK interface declares. */
@NativeCallback("i32(i32)")
public interface InheritedOp extends IntUnaryOperator {}
