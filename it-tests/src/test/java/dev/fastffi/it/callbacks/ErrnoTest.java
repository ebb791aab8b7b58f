package dev.fastffi.it.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.CallOption;
import dev.fastffi.Errno;
import dev.fastffi.Library;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import org.junit.jupiter.api.Test;

/** errno = true captures errno right after the call, for Errno.last(), on every path. */
class ErrnoTest {
    private static final String MISSING = "/nonexistent/fastffi/errno-test";
    /** ENOENT on Linux and macOS. */
    private static final int ENOENT = 2;

    private final LibC libc = Library.system().bind(LibC.class);

    @Test
    void fastMethodCapturesEnoentOfAMissingFile() {
        try (Arena arena = Arena.ofConfined()) {
            assertEquals(-1, libc.open(arena.allocateFrom(MISSING), 0));
            assertEquals(ENOENT, Errno.last());
        }
    }

    @Test
    void compatMethodCapturesEnoentOfAMissingFile() {
        assertEquals(-1, libc.openCompat(MISSING, 0));
        assertEquals(ENOENT, Errno.last());
    }

    @Test
    void dynamicInvokeAndHandleCaptureEnoent() throws Throwable {
        var open = Library.system().function("open", "i32(string, i32)", CallOption.ERRNO);
        assertEquals(-1, open.invoke(MISSING, 0));
        assertEquals(ENOENT, Errno.last());
        MethodHandle handle = Library.system().function("open", "i32(pointer, i32)", CallOption.ERRNO).handle();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment path = arena.allocateFrom(MISSING);
            assertEquals(-1, (int) handle.invokeExact(path, 0));
        }
        assertEquals(ENOENT, Errno.last());
    }

    @Test
    void errnoIsPerThread() throws InterruptedException {
        assertEquals(-1, libc.openCompat(MISSING, 0));
        int[] other = {-1};
        Thread thread = new Thread(() -> other[0] = Errno.last());
        thread.start();
        thread.join();
        assertEquals(0, other[0]);
        assertEquals(ENOENT, Errno.last());
    }
}
