package dev.fastffi.internal.memory;

import dev.fastffi.internal.Args;
import dev.fastffi.internal.NativeSymbol;
import dev.fastffi.model.NativeType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;

/**
 * Buffer arguments of the fast path. Without {@code critical}, an array is copied into the
 * thread's {@link Scratch} and its address passed as a {@code long}, then copied back after the
 * call: no allocation in the steady state. With {@code critical}, heap memory goes zero-copy.
 *
 * <p>A {@code MemorySegment[]} is a C array of pointers ({@code T**}, e.g. an out-parameter C
 * fills): the elements' addresses are copied in and, after the call, every element whose address C
 * changed is replaced by a zero-length segment at the new address ({@code MemorySegment.NULL} when
 * C wrote NULL). Unchanged elements stay the very objects passed, so a call that changes nothing
 * allocates nothing. A {@code critical} call copies it too: Java holds references, not addresses.
 */
public final class Buffers {
    private Buffers() {}

    public static long in(byte[] a, Scratch s) {
        return a == null ? 0 : copyIn(a, ValueLayout.JAVA_BYTE, a.length, s);
    }

    public static long in(short[] a, Scratch s) {
        return a == null ? 0 : copyIn(a, ValueLayout.JAVA_SHORT, a.length, s);
    }

    public static long in(char[] a, Scratch s) {
        return a == null ? 0 : copyIn(a, ValueLayout.JAVA_CHAR, a.length, s);
    }

    public static long in(int[] a, Scratch s) {
        return a == null ? 0 : copyIn(a, ValueLayout.JAVA_INT, a.length, s);
    }

    public static long in(long[] a, Scratch s) {
        return a == null ? 0 : copyIn(a, ValueLayout.JAVA_LONG, a.length, s);
    }

    public static long in(float[] a, Scratch s) {
        return a == null ? 0 : copyIn(a, ValueLayout.JAVA_FLOAT, a.length, s);
    }

    public static long in(double[] a, Scratch s) {
        return a == null ? 0 : copyIn(a, ValueLayout.JAVA_DOUBLE, a.length, s);
    }

    public static void out(byte[] a, Scratch s, long address) {
        if (a != null) {
            copyOut(a, ValueLayout.JAVA_BYTE, a.length, s, address);
        }
    }

    public static void out(short[] a, Scratch s, long address) {
        if (a != null) {
            copyOut(a, ValueLayout.JAVA_SHORT, a.length, s, address);
        }
    }

    public static void out(char[] a, Scratch s, long address) {
        if (a != null) {
            copyOut(a, ValueLayout.JAVA_CHAR, a.length, s, address);
        }
    }

    public static void out(int[] a, Scratch s, long address) {
        if (a != null) {
            copyOut(a, ValueLayout.JAVA_INT, a.length, s, address);
        }
    }

    public static void out(long[] a, Scratch s, long address) {
        if (a != null) {
            copyOut(a, ValueLayout.JAVA_LONG, a.length, s, address);
        }
    }

    public static void out(float[] a, Scratch s, long address) {
        if (a != null) {
            copyOut(a, ValueLayout.JAVA_FLOAT, a.length, s, address);
        }
    }

    public static void out(double[] a, Scratch s, long address) {
        if (a != null) {
            copyOut(a, ValueLayout.JAVA_DOUBLE, a.length, s, address);
        }
    }

    /**
     * Copies the addresses of {@code a} into scratch memory (a null element is NULL) and returns
     * where; 0 for a null array. A heap segment or one whose arena is closed has no address C may
     * use and is refused before any native code runs.
     */
    public static long in(MemorySegment[] a, Scratch s, NativeSymbol site, int index) {
        if (a == null) {
            return 0;
        }
        long address = s.reserve(ValueLayout.JAVA_LONG.byteSize() * a.length);
        MemorySegment block = s.block();
        long offset = address - s.base();
        boolean inBlock = offset >= 0 && offset + 8L * a.length <= block.byteSize();
        MemorySegment target = inBlock ? block : s.segmentAt(address, 8L * a.length);
        long start = inBlock ? offset : 0;
        for (int i = 0; i < a.length; i++) {
            target.set(ValueLayout.JAVA_LONG, start + 8L * i, pointer(a[i], site, index, i));
        }
        return address;
    }

    /** As {@link #in(MemorySegment[], Scratch, NativeSymbol, int)} for the compatibility path: the scratch copy itself. */
    public static MemorySegment copyIn(MemorySegment[] a, Scratch s, NativeSymbol site, int index) {
        MemorySegment copy = s.allocate(8L * a.length);
        for (int i = 0; i < a.length; i++) {
            copy.set(ValueLayout.JAVA_LONG, 8L * i, pointer(a[i], site, index, i));
        }
        return copy;
    }

    /** Replaces the elements of {@code a} whose address C changed in the scratch copy at {@code address}. */
    public static void out(MemorySegment[] a, Scratch s, long address) {
        if (a == null) {
            return;
        }
        long offset = address - s.base();
        boolean inBlock = offset >= 0 && offset + 8L * a.length <= s.block().byteSize();
        out(a, inBlock ? s.block() : s.segmentAt(address, 8L * a.length), inBlock ? offset : 0);
    }

    /** Replaces the elements of {@code a} whose address C changed in {@code passed}, the scratch copy. */
    public static void out(MemorySegment[] a, MemorySegment passed) {
        out(a, passed, 0);
    }

    private static void out(MemorySegment[] a, MemorySegment copy, long start) {
        for (int i = 0; i < a.length; i++) {
            long now = copy.get(ValueLayout.JAVA_LONG, start + 8L * i);
            long before = a[i] == null ? 0 : a[i].address();
            if (now != before) {
                a[i] = now == 0 ? MemorySegment.NULL : MemorySegment.ofAddress(now);
            }
        }
    }

    private static long pointer(MemorySegment element, NativeSymbol site, int index, int i) {
        if (element == null) {
            return 0;
        }
        if (!element.isNative()) {
            throw Args.invalid(site, index, NativeType.BUFFER, "element " + i + " is a heap MemorySegment, which"
                    + " has no address C can use; pass memory from an Arena");
        }
        if (!element.scope().isAlive()) {
            throw Args.invalid(site, index, NativeType.BUFFER, "element " + i + " is a MemorySegment whose arena"
                    + " is closed");
        }
        return element.address();
    }

    /** A critical call's array: the heap memory itself, or NULL. */
    public static MemorySegment critical(Object array) {
        return array == null ? MemorySegment.NULL : heapSegment(array);
    }

    /**
     * A {@code MemorySegment} buffer: native memory passes as it is (FFM keeps its arena alive
     * during the call); heap memory is copied into scratch unless the call is critical; read-only
     * memory is always copied and never written back.
     */
    public static MemorySegment in(MemorySegment segment, Scratch s, boolean critical) {
        if (segment == null) {
            return MemorySegment.NULL;
        }
        // read-only memory is always copied: C would otherwise write into it
        if (!segment.isReadOnly() && (segment.isNative() || critical)) {
            return segment;
        }
        MemorySegment copy = s.allocate(segment.byteSize());
        copy.copyFrom(segment);
        return copy;
    }

    /** Copies a heap segment's scratch copy back; native segments were passed as they are. */
    public static void out(MemorySegment segment, MemorySegment passed) {
        if (segment != null && segment != passed && !segment.isReadOnly()) {
            segment.copyFrom(passed);
        }
    }

    /** A {@code ByteBuffer} buffer, from its position for its remaining bytes. */
    public static MemorySegment in(ByteBuffer buffer, Scratch s, boolean critical) {
        return buffer == null ? MemorySegment.NULL : in(MemorySegment.ofBuffer(buffer), s, critical);
    }

    public static void out(ByteBuffer buffer, MemorySegment passed) {
        if (buffer != null && !buffer.isReadOnly()) {
            out(MemorySegment.ofBuffer(buffer), passed);
        }
    }

    private static long copyIn(Object array, ValueLayout element, int length, Scratch s) {
        long bytes = element.byteSize() * length;
        long address = s.reserve(bytes);
        long offset = address - s.base();
        if (offset >= 0 && offset + bytes <= s.block().byteSize()) {
            MemorySegment.copy(array, 0, s.block(), element, offset, length);
        } else {
            MemorySegment.copy(array, 0, s.segmentAt(address, bytes), element, 0, length);
        }
        return address;
    }

    /** The block cannot have been replaced since {@link #copyIn}: it only grows when no frame is open. */
    private static void copyOut(Object array, ValueLayout element, int length, Scratch s, long address) {
        long bytes = element.byteSize() * length;
        long offset = address - s.base();
        if (offset >= 0 && offset + bytes <= s.block().byteSize()) {
            MemorySegment.copy(s.block(), element, offset, array, 0, length);
        } else {
            MemorySegment.copy(s.segmentAt(address, bytes), element, 0, array, 0, length);
        }
    }

    private static MemorySegment heapSegment(Object array) {
        return switch (array) {
            case byte[] a -> MemorySegment.ofArray(a);
            case short[] a -> MemorySegment.ofArray(a);
            case char[] a -> MemorySegment.ofArray(a);
            case int[] a -> MemorySegment.ofArray(a);
            case long[] a -> MemorySegment.ofArray(a);
            case float[] a -> MemorySegment.ofArray(a);
            case double[] a -> MemorySegment.ofArray(a);
            default -> throw new IllegalArgumentException(array.getClass() + " is not a primitive array");
        };
    }
}
