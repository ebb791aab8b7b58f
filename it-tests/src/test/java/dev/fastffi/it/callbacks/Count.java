package dev.fastffi.it.callbacks;

import dev.fastffi.annotations.NativeCallback;

/** {@code size_t (*)(const char *)}: a view passes a String as a temporary UTF-8 copy. */
@NativeCallback("usize(string)")
public interface Count {
    long count(String text);
}
