package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeStruct;

/** The fixture's {@code cf_handler}: a tag and a function pointer, seen as a @NativeCallback interface. */
@NativeStruct("{i32, function}")
public record Handler(int tag, HandlerOp op) {}
