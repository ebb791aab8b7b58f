package dev.fastffi.internal;

import dev.fastffi.internal.signature.NativeType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/** String arguments and results: NUL-terminated UTF-8, copied through the thread's {@link Scratch}. */
public final class Strings {
    private Strings() {}

    /**
     * {@code text} as NUL-terminated UTF-8 in scratch memory (NULL for null). ASCII is copied char by
     * char without allocating; other text is encoded once.
     */
    public static MemorySegment in(String text, Scratch scratch, NativeSymbol site, int index) {
        if (text == null) {
            return MemorySegment.NULL;
        }
        int length = text.length();
        if (text.indexOf('\0') >= 0) {
            throw Args.invalid(site, index, NativeType.STRING, "the String contains a NUL character at index "
                    + text.indexOf('\0') + ", which C would read as its end; pass the bytes as a buffer instead");
        }
        if (isAscii(text)) {
            MemorySegment copy = scratch.allocate(length + 1L);
            for (int i = 0; i < length; i++) {
                copy.set(ValueLayout.JAVA_BYTE, i, (byte) text.charAt(i));
            }
            copy.set(ValueLayout.JAVA_BYTE, length, (byte) 0);
            return copy;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        MemorySegment copy = scratch.allocate(utf8.length + 1L);
        MemorySegment.copy(utf8, 0, copy, ValueLayout.JAVA_BYTE, 0, utf8.length);
        copy.set(ValueLayout.JAVA_BYTE, utf8.length, (byte) 0);
        return copy;
    }

    /** The NUL-terminated UTF-8 string at {@code pointer}, or null for NULL; the memory is not freed. */
    public static String read(MemorySegment pointer) {
        if (pointer == null || pointer.address() == 0) {
            return null;
        }
        return pointer.reinterpret(Long.MAX_VALUE).getString(0, StandardCharsets.UTF_8);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
