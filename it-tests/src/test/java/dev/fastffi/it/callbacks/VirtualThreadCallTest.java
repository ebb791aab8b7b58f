package dev.fastffi.it.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.fastffi.Errno;
import dev.fastffi.Library;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Generated bindings on virtual threads: string arguments copied through scratch memory, errno
 * captured per thread, and a callback that makes such calls inside another call, on thousands of
 * virtual threads at once, each seeing its own results.
 */
class VirtualThreadCallTest {
    private static final String MISSING = "/nonexistent/fastffi/virtual-thread-test";
    /** ENOENT and ENOTDIR on Linux and macOS. */
    private static final int ENOENT = 2;
    private static final int ENOTDIR = 20;

    private final LibC libc = Library.system().bind(LibC.class);

    @SuppressWarnings("restricted")
    private static int read(MemorySegment pointer) {
        return pointer.reinterpret(4).get(ValueLayout.JAVA_INT, 0);
    }

    /** A path under a regular file: ENOTDIR, unlike a missing directory's ENOENT. */
    private static final String UNDER_A_FILE = "/proc/self/status/child";

    @Test
    void eachVirtualThreadSeesItsOwnErrnoAndItsOwnSortedValues() throws Exception {
        List<Future<int[]>> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int task = 0; task < 2000; task++) {
                int offset = task;
                results.add(executor.submit(() -> {
                    libc.openCompat(offset % 2 == 0 ? MISSING : UNDER_A_FILE, 0);
                    Thread.sleep(1);   // unmounts; other threads call meanwhile
                    int own = Errno.last();
                    try (Arena arena = Arena.ofConfined()) {
                        MemorySegment values = arena.allocateFrom(ValueLayout.JAVA_INT, offset + 2, offset, offset + 1);
                        libc.qsortTransient(values, 3, 4, (a, b) -> {
                            libc.openCompat(MISSING, 0);   // a call with a string and errno inside the call
                            return Integer.compare(read(a), read(b));
                        });
                        int[] sorted = values.toArray(ValueLayout.JAVA_INT);
                        return new int[] {own, Errno.last(), sorted[0], sorted[1], sorted[2]};
                    }
                }));
            }
            for (int task = 0; task < results.size(); task++) {
                int expected = task % 2 == 0 ? ENOENT : ENOTDIR;
                assertArrayEquals(new int[] {expected, ENOENT, task, task + 1, task + 2}, results.get(task).get(),
                        "task " + task);
            }
        }
    }
}
