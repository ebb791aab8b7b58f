package dev.fastffi.it.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.Library;
import dev.fastffi.it.callbacks.LibC;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stress, only in the {@code soak} profile ({@code mvn -B -Psoak -pl it-tests -am verify}): many
 * platform and virtual threads pass a new capturing lambda to qsort on every call, in a JVM of its
 * own whose code heap is 32 MB, which holds some 40,000 upcall stubs beside the JVM's own code.
 * The stubs of collected lambdas must come back as fast as new lambdas ask for them, which the
 * JDK's one cleaner thread, freeing them, did not manage: the JVM must neither run out of code heap
 * nor disable its JIT compiler.
 */
@Tag("soak")
class CodeHeapStressTest {
    private static final int PLATFORM_THREADS = 8;
    private static final int VIRTUAL_THREADS = 500;
    private static final int CALLS_PER_THREAD = 600;

    @TempDir
    Path directory;

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void manyThreadsPassingANewLambdaPerCallNeitherFillTheCodeHeapNorStopTheJit() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ReservedCodeCacheSize=32m", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Churn.class.getName(),
                String.valueOf(PLATFORM_THREADS), String.valueOf(VIRTUAL_THREADS), String.valueOf(CALLS_PER_THREAD));
        Path log = directory.resolve("churn.log");
        Process churn = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(churn.waitFor(100, TimeUnit.SECONDS), () -> "the program did not finish: " + read(log));
        } finally {
            churn.destroyForcibly().waitFor();
        }
        String output = read(log);
        System.out.println(output);
        long calls = (long) (PLATFORM_THREADS + VIRTUAL_THREADS) * CALLS_PER_THREAD;
        assertEquals(0, churn.exitValue(), output);
        assertTrue(output.contains("sorted " + calls + " times"), output);
        assertFalse(output.contains("Compiler has been disabled"), output);
    }

    /** Sorts with a new comparator per call on every thread; prints the count, or the first failure and exits 1. */
    public static final class Churn {
        private Churn() {}

        public static void main(String[] args) throws InterruptedException {
            LibC libc = Library.system().bind(LibC.class);
            AtomicLong calls = new AtomicLong();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            int perThread = Integer.parseInt(args[2]);
            Runnable sorting = () -> {
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment values = arena.allocate(ValueLayout.JAVA_INT, 3);
                    for (int i = 0; i < perThread && failure.get() == null; i++) {
                        int sign = i % 2 == 0 ? 1 : -1;
                        values.copyFrom(MemorySegment.ofArray(new int[] {3, 1, 2}));
                        libc.qsortTransient(values, 3, 4, (a, b) -> sign * Integer.compare(read(a), read(b)));
                        int[] expected = sign > 0 ? new int[] {1, 2, 3} : new int[] {3, 2, 1};
                        if (!Arrays.equals(expected, values.toArray(ValueLayout.JAVA_INT))) {
                            throw new AssertionError(Arrays.toString(values.toArray(ValueLayout.JAVA_INT)));
                        }
                        calls.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            };
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < Integer.parseInt(args[0]); i++) {
                threads.add(Thread.ofPlatform().start(sorting));
            }
            for (int i = 0; i < Integer.parseInt(args[1]); i++) {
                threads.add(Thread.ofVirtual().start(sorting));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            if (failure.get() != null) {
                failure.get().printStackTrace(System.out);
                System.exit(1);
            }
            System.out.println("sorted " + calls.get() + " times");
        }

        @SuppressWarnings("restricted")
        private static int read(MemorySegment pointer) {
            return pointer.reinterpret(4).get(ValueLayout.JAVA_INT, 0);
        }
    }
}
