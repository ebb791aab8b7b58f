package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.Errno;
import dev.fastffi.Library;
import dev.fastffi.annotations.NativeCallback;
import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * errno on virtual threads: each thread reads what its own last capturing call left, while the
 * capture memory is lent per call from a bounded set instead of made per thread.
 */
class ErrnoStateTest {
    private static final int ENOENT = 2;
    private static final int EBADF = 9;

    /** libc functions that fail with a known errno, and qsort to call them from a callback. */
    public interface LibC {
        @NativeFunction(value = "i32(string, i32)", errno = true)
        int open(String path, int flags);

        @NativeFunction(value = "i32(i32)", errno = true)
        int close(int fd);

        @NativeFunction("void(pointer, usize, usize, function)")
        void qsort(MemorySegment base, long count, long size, IntCompare compare);
    }

    @NativeCallback("i32(pointer, pointer)")
    public interface IntCompare {
        int compare(MemorySegment a, MemorySegment b);
    }

    private final LibC libc = Library.system().bind(LibC.class);

    private static <T> T onVirtualThread(Callable<T> task) throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            return executor.submit(task).get();
        }
    }

    @Test
    void aVirtualThreadReadsItsLastCallsErrnoAndIsPassedOnlyAPlaceholder() throws Exception {
        List<Integer> seen = onVirtualThread(() -> {
            int before = Errno.last();
            libc.close(-1);
            int afterClose = Errno.last();
            libc.open("/no/such/file/anywhere", 0);
            return List.of(before, afterClose, Errno.last(), ErrnoState.current() == ErrnoState.current() ? 1 : 0);
        });
        assertEquals(List.of(0, EBADF, ENOENT, 1), seen);
    }

    @Test
    void platformThreadsKeepTheirOwnCaptureSegment() {
        MemorySegment own = ErrnoState.current();
        libc.close(-1);
        assertEquals(EBADF, Errno.last());
        assertSame(own, ErrnoState.current());
    }

    @Test
    void manyVirtualThreadsEachSeeTheirOwnErrnoAndTheCaptureMemoryStaysBounded() throws Exception {
        List<Future<int[]>> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int task = 0; task < 2000; task++) {
                boolean closeFirst = task % 2 == 0;
                results.add(executor.submit(() -> {
                    if (closeFirst) {
                        libc.close(-1);
                    } else {
                        libc.open("/no/such/file/anywhere", 0);
                    }
                    Thread.sleep(1);   // unmounts; others capture meanwhile
                    int first = Errno.last();
                    int[] values = {2, 1};
                    try (var arena = java.lang.foreign.Arena.ofConfined()) {
                        MemorySegment sorted = arena.allocateFrom(ValueLayout.JAVA_INT, values);
                        // a capturing call inside a callback of another call: a second segment lent at once
                        libc.qsort(sorted, 2, 4, (a, b) -> {
                            libc.close(-1);
                            return Integer.compare(read(a), read(b));
                        });
                    }
                    return new int[] {first, Errno.last()};
                }));
            }
            for (int task = 0; task < results.size(); task++) {
                int[] errnos = results.get(task).get();
                assertEquals(task % 2 == 0 ? EBADF : ENOENT, errnos[0], "task " + task);
                assertEquals(EBADF, errnos[1], "task " + task);
            }
        }
        int slots = 4 * Runtime.getRuntime().availableProcessors();
        assertTrue(ErrnoState.madeForVirtualThreads() <= slots + 2 * Runtime.getRuntime().availableProcessors(),
                () -> ErrnoState.madeForVirtualThreads() + " capture segments made for 2000 virtual threads");
        assertEquals(Math.min(slots, ErrnoState.madeForVirtualThreads()), ErrnoState.idleForVirtualThreads());
    }

    @SuppressWarnings("restricted")
    private static int read(MemorySegment pointer) {
        return pointer.reinterpret(4).get(ValueLayout.JAVA_INT, 0);
    }
}
