package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeCallback;

/** A Java callback C passes a handler to. */
@NativeCallback("i64(Handler)")
public interface HandlerVisit {
    long visit(Handler handler);
}
