package dev.fastffi.it.robustness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.CallOption;
import dev.fastffi.DynamicFunction;
import dev.fastffi.Errno;
import dev.fastffi.Upcall;
import dev.fastffi.it.callbacks.Callbacks;
import dev.fastffi.it.callbacks.IntOp;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Soak, only in the {@code soak} profile: {@code mvn -B -Psoak -pl it-tests -am verify}.
 * Tens of millions of calls through every path (FAST, -Afastffi.fast=false COMPAT, boxed COMPAT,
 * invoke, handle, copied/critical/native buffers, Strings, registered and transient callbacks,
 * errno), in phases. After a warm-up phase the figures are a baseline; after the last phase heap
 * after GC, native memory outside the heap (NMT, as the profile turns it on) and the thread count
 * must be within generous bounds of it, and RSS is printed with them. The bounds catch a leak of a
 * few bytes per call, which over this many calls is hundreds of megabytes, and do not flag JIT
 * code, GC bookkeeping or heap sizing noise. A second test passes a million callback objects
 * once each and checks that their stubs are freed.
 */
@Tag("soak")
class SoakTest {
    private static final int PHASES = 8;
    /** Calls per path and phase for scalar paths; slower paths make a fixed fraction of it. */
    private static final int CALLS = 4_000_000;
    private static final long HEAP_TOLERANCE = 64L << 20;
    private static final long NATIVE_TOLERANCE = 64L << 20;
    private static final int THREAD_TOLERANCE = 2;
    private static final int TRANSIENT_CALLBACKS = 1_000_000;
    /** Some 800 bytes per stub: the few thousand that wait for a collection, and code the JIT adds. */
    private static final long CODE_HEAP_TOLERANCE = 16L << 20;
    /** A few thousand stubs wait for each collection; all of them kept would be some 800 MB. */
    private static final long CODE_HEAP_PEAK_TOLERANCE = 48L << 20;

    private static AllPaths paths;
    private static Callbacks callbacks;
    private static ErrnoCalls errno;
    private static long calls;

    @BeforeAll
    static void open() {
        paths = new AllPaths();
        callbacks = paths.library.bind(Callbacks.class);
        errno = paths.library.bind(ErrnoCalls.class);
    }

    @AfterAll
    static void close() {
        paths.close();
    }

    /** Heap after GC, native memory outside the heap, RSS and threads, at one point in time. */
    record Figures(long heapAfterGc, long nativeOutsideHeap, long rss, int threads) {
        static Figures now() {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            return new Figures(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), nmtOutsideHeap(),
                    residentSetSize(), ManagementFactory.getThreadMXBean().getThreadCount());
        }

        @Override
        public String toString() {
            return String.format("heap after GC %,d KB, native outside heap (NMT committed) %s, RSS %,d KB, threads %d",
                    heapAfterGc >> 10, nativeOutsideHeap < 0 ? "n/a" : String.format("%,d KB", nativeOutsideHeap >> 10),
                    rss >> 10, threads);
        }
    }

    @Test
    void memoryAndThreadsStayFlatOverTensOfMillionsOfCallsOnEveryPath() throws Throwable {
        long start = System.nanoTime();
        List<Figures> figures = new ArrayList<>();
        for (int phase = 0; phase < PHASES; phase++) {
            phase();
            figures.add(Figures.now());
            System.out.println("soak phase " + phase + ": " + calls + " calls so far; " + figures.getLast());
        }
        Figures baseline = figures.getFirst();
        Figures end = figures.getLast();
        System.out.printf("soak: %,d calls in %d s; baseline after warm-up: %s; end: %s%n", calls,
                (System.nanoTime() - start) / 1_000_000_000L, baseline, end);
        assertTrue(calls >= 20_000_000L, "tens of millions of calls");
        assertTrue(end.heapAfterGc() <= baseline.heapAfterGc() + HEAP_TOLERANCE, "heap grew: " + baseline + " -> " + end);
        assertTrue(end.threads() <= baseline.threads() + THREAD_TOLERANCE, "threads grew: " + baseline + " -> " + end);
        assertTrue(baseline.nativeOutsideHeap() < 0
                || end.nativeOutsideHeap() <= baseline.nativeOutsideHeap() + NATIVE_TOLERANCE,
                "native memory grew: " + baseline + " -> " + end);
    }

    /**
     * A million callback objects passed once each, as a lambda made for the call: every one gets a
     * stub, and the stubs of collected objects must be freed as fast as they are made. Stubs live
     * in the code heap, which holds some 300,000 of them: keeping even a third would fill it and
     * stop the JIT. At the end a few thousand may wait for the next callback to be dropped.
     */
    @Test
    void aMillionTransientCallbacksLeaveNativeMemoryBounded() {
        Figures before = Figures.now();
        long codeBefore = codeHeapUsed();
        codeHeaps().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        for (int i = 0; i < TRANSIENT_CALLBACKS; i++) {
            int k = i;
            check(callbacks.applyTransient(x -> x + k, 1) == k + 1, "a new callback object per call");
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        Figures after = Figures.now();
        long codeAfter = codeHeapUsed();
        long codePeak = codeHeaps().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf("soak: %,d transient callbacks in %d s; code heap used %,d KB before, %,d KB peak,"
                + " %,d KB after GC; before: %s; after: %s%n", TRANSIENT_CALLBACKS, seconds, codeBefore >> 10,
                codePeak >> 10, codeAfter >> 10, before, after);
        assertTrue(codePeak <= codeBefore + CODE_HEAP_PEAK_TOLERANCE,
                "stubs piled up between collections: code heap " + codeBefore + " -> peak " + codePeak + " bytes");
        assertTrue(codeAfter <= codeBefore + CODE_HEAP_TOLERANCE,
                "stubs were kept: code heap " + codeBefore + " -> " + codeAfter + " bytes");
        assertTrue(after.heapAfterGc() <= before.heapAfterGc() + HEAP_TOLERANCE,
                "heap grew: " + before + " -> " + after);
        assertTrue(before.nativeOutsideHeap() < 0
                || after.nativeOutsideHeap() <= before.nativeOutsideHeap() + NATIVE_TOLERANCE,
                "native memory grew: " + before + " -> " + after);
    }

    /** The code heaps: upcall stubs go to the one for code other than compiled methods, and spill into the rest. */
    private static List<MemoryPoolMXBean> codeHeaps() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().startsWith("CodeHeap ") || pool.getName().equals("CodeCache"))
                .toList();
    }

    private static long codeHeapUsed() {
        return codeHeaps().stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    private static void phase() throws Throwable {
        scalars();
        buffers();
        strings();
        callbacks();
        errnos();
    }

    private static void scalars() throws Throwable {
        DynamicFunction echo = paths.function("echo_u64", "u64(u64)");
        MethodHandle handle = echo.handle();
        for (int i = 0; i < CALLS; i++) {
            check(paths.fast.echoU64(-i) == -i && paths.fast.echoU8AsInt(i & 0xff) == (i & 0xff)
                    && (long) handle.invokeExact((long) i) == i, "fast or handle");
        }
        for (int i = 0; i < CALLS / 4; i++) {
            check(paths.compiledCompat.echoI32(i) == i && paths.boxed.echoI32(i) == i
                    && ((BigInteger) echo.invoke((long) i)).longValue() == i, "compat or invoke");
        }
        calls += 3L * CALLS + 3L * (CALLS / 4);
    }

    private static void buffers() throws Throwable {
        byte[] values = new byte[64];
        int[] ints = new int[16];
        DynamicFunction sum = paths.function("sum_u8", "i64(buffer, usize)");
        MethodHandle handle = sum.handle();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(64);
            for (int i = 0; i < CALLS / 4; i++) {
                paths.fast.incrementU8(values, 64);
                paths.fast.incrementI32Critical(ints, 16);
                paths.boxed.incrementU8(ByteBuffer.wrap(values), 64L);
                check(paths.fast.sumU8(values, 64) == (long) sum.invoke(values, 64L)
                        && (long) handle.invokeExact(segment, 64L) == 0, "buffers");
            }
        }
        check(values[63] == (byte) (2 * (CALLS / 4)) && ints[15] == CALLS / 4, "writes into buffers");
        calls += 5L * (CALLS / 4);
    }

    private static void strings() {
        DynamicFunction length = paths.function("byte_length", "usize(string)");
        String text = "h\u00e9llo w\u00f6rld \u2713";
        int utf8Length = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        for (int i = 0; i < CALLS / 8; i++) {
            check(text.equals(paths.boxed.echoString(text)) && ((BigInteger) length.invoke(text)).intValue() == utf8Length,
                    "strings");
        }
        calls += 2L * (CALLS / 8);
    }

    private static void callbacks() {
        IntOp plusOne = x -> x + 1;
        for (int block = 0; block < CALLS / 8 / 1000; block++) {
            try (Upcall<IntOp> upcall = Upcall.of(IntOp.class, x -> x - 1)) {
                for (int i = 0; i < 1000; i++) {
                    check(callbacks.cb_apply(upcall, i) == i - 1 && callbacks.applyTransient(plusOne, i) == i + 1,
                            "callbacks");
                }
            }
            check(callbacks.cb_apply_twice(x -> x * 2, block) == block * 4, "a new transient callback each block");
        }
        calls += 2L * (CALLS / 8);
    }

    private static void errnos() {
        DynamicFunction fail = paths.library.function("fail_with_errno", "i32(i32)", CallOption.ERRNO);
        for (int i = 1; i <= CALLS / 8; i++) {
            int code = i & 0x7f;
            check(errno.fail(code) == -1 && Errno.last() == code && errno.failCompat(code + 1) == -1
                    && Errno.last() == code + 1 && (int) fail.invoke(code) == -1 && Errno.last() == code, "errno");
        }
        calls += 3L * (CALLS / 8);
    }

    private static void check(boolean ok, String path) {
        if (!ok) {
            throw new AssertionError("wrong result on " + path + " after " + calls + " calls");
        }
    }

    /** NMT's committed total minus the Java heap, or -1 when NMT is off (outside the soak profile). */
    private static long nmtOutsideHeap() {
        try {
            String summary = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
            long total = committed(summary, "Total");
            long heap = committed(summary, "Java Heap");
            return total < 0 || heap < 0 ? -1 : total - heap;
        } catch (Exception e) {
            return -1;
        }
    }

    private static long committed(String summary, String category) {
        Matcher m = Pattern.compile(Pattern.quote(category) + "\\W[^\\n]*?committed=(\\d+)KB").matcher(summary);
        return m.find() ? Long.parseLong(m.group(1)) << 10 : -1;
    }

    private static long residentSetSize() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) << 10;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
