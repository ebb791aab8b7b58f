package com.x;

import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.CompletableFuture;

/**
 * String arguments: COMPAT by contract. A method whose only non-fast types are String arguments
 * gets the straight-line body of copied buffers; any other COMPAT type keeps CompatFunction.
 */
public interface Text {
    @NativeFunction("usize(string)")
    long strlen(String text);

    @NativeFunction(value = "i32(str, str, usize)", symbol = "strncmp")
    int compare(String a, String b, long n);

    @NativeFunction(value = "pointer(string, u8)", symbol = "strchr")
    MemorySegment find(String text, int c);

    @NativeFunction(value = "usize(string, buffer, usize)", symbol = "strlcpy")
    long copy(String text, byte[] out, long size);

    @NativeFunction(value = "i32(string, buffer, usize)", symbol = "memcmp", critical = true)
    int equalsCritical(String text, byte[] bytes, long n);

    @NativeFunction(value = "i32(string, i32)", errno = true)
    int open(String path, int flags);

    @NativeFunction(value = "usize(string)", symbol = "strlen")
    CompletableFuture<Long> strlenLater(String text);

    @NativeFunction(value = "i32(string)", optional = true)
    int puts(String text);

    @NativeFunction(value = "string(string)", symbol = "strdup")
    String duplicate(String text);

    @NativeFunction(value = "i32(string, i32)", symbol = "open")
    Integer openBoxed(String path, int flags);

    @NativeFunction(value = "i32(string, function)", symbol = "walk")
    int walk(String root, Visit visit);

    @NativeFunction("i32(string, ...)")
    int printf(String format, Object... args);
}
