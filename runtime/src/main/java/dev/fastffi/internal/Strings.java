package dev.fastffi.internal;

import dev.fastffi.internal.memory.Scratch;
import dev.fastffi.model.NativeType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/** String arguments and results: NUL-terminated UTF-8, copied through the thread's {@link Scratch}. */
public final class Strings {
    private Strings() {}

    /**
     * {@code text} as NUL-terminated UTF-8 in scratch memory (NULL for null), with the bytes
     * {@code text.getBytes(UTF_8)} gives: an unpaired surrogate becomes {@code '?'}.
     *
     * <p>{@code MemorySegment.setString} copies a String that is ASCII and stored compactly (one
     * byte per char, the JDK's default) straight from its internal bytes, allocating nothing; it
     * encodes any other String through a temporary array. It needs room for the worst case, three
     * bytes per char (a surrogate pair is two chars and four bytes). Text whose worst case would
     * not fit the retained scratch block is encoded first and copied at its exact size instead,
     * so that a long ASCII String does not take three times its length from an overflow arena.
     */
    public static MemorySegment in(String text, Scratch scratch, NativeSymbol site, int index) {
        if (text == null) {
            return MemorySegment.NULL;
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw Args.invalid(site, index, NativeType.STRING, "the String contains a NUL character at index "
                    + nul + ", which C would read as its end; pass the bytes as a buffer instead");
        }
        return copy(text, scratch);
    }

    /**
     * {@code texts} as a C {@code char**}: a NULL-terminated array of NUL-terminated UTF-8 copies in
     * scratch memory, valid for the call and never copied back; a null element is a NULL pointer,
     * a null array is NULL.
     */
    public static MemorySegment inAll(String[] texts, Scratch scratch, NativeSymbol site, int index) {
        if (texts == null) {
            return MemorySegment.NULL;
        }
        MemorySegment pointers = scratch.allocate(ValueLayout.ADDRESS.byteSize() * (texts.length + 1L));
        for (int i = 0; i < texts.length; i++) {
            String text = texts[i];
            int nul = text == null ? -1 : text.indexOf('\0');
            if (nul >= 0) {
                throw Args.invalid(site, index, NativeType.BUFFER, "element " + i + " contains a NUL character at"
                        + " index " + nul + ", which C would read as its end");
            }
            pointers.setAtIndex(ValueLayout.ADDRESS, i, text == null ? MemorySegment.NULL : copy(text, scratch));
        }
        pointers.setAtIndex(ValueLayout.ADDRESS, texts.length, MemorySegment.NULL);
        return pointers;
    }

    private static MemorySegment copy(String text, Scratch scratch) {
        long worstCase = 3L * text.length() + 1;
        if (worstCase > Scratch.MAX_RETAINED) {
            return copy(text.getBytes(StandardCharsets.UTF_8), scratch);
        }
        MemorySegment copy = scratch.allocate(worstCase);
        copy.setString(0, text);
        return copy;
    }

    private static MemorySegment copy(byte[] utf8, Scratch scratch) {
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
}
