package dev.fastffi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.annotations.NativeCallback;
import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.model.Eligibility;
import dev.fastffi.model.JavaTypes;
import dev.fastffi.model.Signature;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Callbacks, errno and variadics on the compatibility path without generated code: libc's qsort,
 * open and snprintf through a proxy binding and through DynamicFunction.
 */
class CallbackCallTest {
    /** qsort's comparator over ints, read through the pointers C passes. */
    @NativeCallback("i32(pointer, pointer)")
    public interface IntCompare {
        int compare(MemorySegment a, MemorySegment b);
    }

    /** Bound without the processor: every method is on the compatibility path. */
    public interface LibC {
        @NativeFunction("void(pointer, usize, usize, function)")
        void qsort(MemorySegment base, long count, long size, IntCompare compare);

        @NativeFunction(value = "i32(string, i32)", errno = true)
        int open(String path, int flags);

        @NativeFunction("i32(pointer, usize, string, ...)")
        int snprintf(MemorySegment buffer, long size, String format, Object... args);
    }

    @SuppressWarnings("restricted")
    private static int read(MemorySegment pointer) {
        return pointer.reinterpret(4).get(ValueLayout.JAVA_INT, 0);
    }

    private final LibC libc = Library.system().bind(LibC.class);

    @Test
    void proxyBindingSortsWithACallbackObject() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, 3, 1, 2);
            libc.qsort(values, 3, 4, (a, b) -> Integer.compare(read(a), read(b)));
            assertArrayEquals(new int[] {1, 2, 3}, values.toArray(ValueLayout.JAVA_INT));
        }
    }

    @Test
    void objectOfNoCallbackInterfaceIsInvalidArgument() {
        DynamicFunction qsort = Library.system().function("qsort", "void(pointer, usize, usize, function)");
        FfiException thrown = assertThrows(FfiException.class,
                () -> qsort.invoke(MemorySegment.NULL, 0L, 4L, (Runnable) () -> { }));
        assertEquals(FfiException.Code.INVALID_ARGUMENT, thrown.code());
        assertTrue(thrown.getMessage().startsWith("INVALID_ARGUMENT: system qsort, argument 3 (function): "),
                thrown.getMessage());
        assertTrue(thrown.getMessage().endsWith(" implements no @NativeCallback interface; pass an Upcall, a"
                + " MemorySegment or a callback"), thrown.getMessage());
    }

    @Test
    void heapSegmentIsNotAFunctionPointer() {
        DynamicFunction qsort = Library.system().function("qsort", "void(pointer, usize, usize, function)");
        FfiException thrown = assertThrows(FfiException.class,
                () -> qsort.invoke(MemorySegment.NULL, 0L, 4L, MemorySegment.ofArray(new byte[8])));
        assertEquals("INVALID_ARGUMENT: system qsort, argument 3 (function): a heap MemorySegment cannot be a"
                + " function pointer; pass Upcall.address()", thrown.getMessage());
    }

    @Test
    void proxyBindingCapturesErrno() {
        assertEquals(-1, libc.open("/nonexistent/fastffi", 0));
        assertEquals(2, Errno.last());
    }

    @Test
    void proxyBindingCallsAVariadicMethod() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(32);
            assertEquals(9, libc.snprintf(buffer, 32, "%d-%s-%.1f", 42, "ab", 1.5f));
            assertEquals("42-ab-1.5", buffer.getString(0));
        }
    }

    @Test
    void callbackObjectIsCompatAndUpcallOrSegmentIsFast() {
        Signature signature = Signature.parse("void(function)");
        assertEquals(Optional.of("argument 0 is a @NativeCallback interface: a callback object gets an upcall stub"
                        + " for the call; pass an Upcall<T> to stay fast"),
                Eligibility.compatReason(signature, List.of(JavaTypes.CALLBACK), "void"));
        assertEquals(Optional.empty(), Eligibility.compatReason(signature, List.of(JavaTypes.UPCALL), "void"));
        assertEquals(Optional.empty(), Eligibility.compatReason(signature, List.of(JavaTypes.SEGMENT), "void"));
    }
}
