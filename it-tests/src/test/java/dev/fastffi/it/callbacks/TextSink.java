package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeCallback;

/** {@code void (*)(const char *, int32_t)}: the text arrives as a String. */
@NativeCallback("void(string, i32)")
public interface TextSink {
    void accept(String text, int length);
}
