package dev.fastffi.benchmarks.vthreads;

import dev.fastffi.FastFfi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * A million tasks, each one buffer call (zlib {@code crc32} of 9 bytes) and one string call
 * (libc {@code strlen}), on a virtual-thread-per-task executor or on a pool of platform threads,
 * through fastffi and through hand-written FFM with a confined arena per task. Each mechanism runs
 * in a JVM of its own, alternating, so that one's native memory and heap never count for the other;
 * each JVM prints its wall time and its resident memory ({@code VmRSS}, peak {@code VmHWM}) after
 * the run and after a full GC.
 *
 * <pre>
 * VirtualThreadProbe [--tasks N] [--rounds R] [--executor virtual|platform] [--threads T] [--mechanisms fastffi,ffm]
 * </pre>
 */
public final class VirtualThreadProbe {
    private static final byte[] DATA = "123456789".getBytes(StandardCharsets.US_ASCII);
    private static final long CRC = 0xCBF43926L;
    private static final String TEXT = "123456789";

    private VirtualThreadProbe() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options.child != null) {
            runHere(options.child, options);
            return;
        }
        System.out.printf("%d tasks on %s, %d rounds, a JVM per mechanism and round (java %s, %d CPUs)%n",
                options.tasks, options.executorName(), options.rounds, Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        for (int round = 1; round <= options.rounds; round++) {
            for (String mechanism : options.mechanisms) {
                System.out.print("round " + round + " ");
                runChild(mechanism, options);
            }
        }
    }

    /** One task's work, as a mechanism does it; the checks make sure every call really happened. */
    private interface Work {
        void run(LongAdder done) throws Throwable;
    }

    private static Work work(String mechanism) {
        return switch (mechanism) {
            case "fastffi" -> Fastffi::task;
            case "ffm" -> HandWritten::task;
            default -> throw new IllegalArgumentException("unknown mechanism " + mechanism + " (fastffi, ffm)");
        };
    }

    private static void runHere(String mechanism, Options options) throws Exception {
        Work work = work(mechanism);
        LongAdder done = new LongAdder();
        LongAdder failed = new LongAdder();
        // a short warm-up so that the measured run is not mostly the JIT
        run(work, options, options.tasks / 20, done, failed);
        System.gc();
        done.reset();
        long start = System.nanoTime();
        run(work, options, options.tasks, done, failed);
        long elapsed = System.nanoTime() - start;
        String rss = memory("VmRSS");
        String hwm = memory("VmHWM");
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        String afterGc = memory("VmRSS");
        if (done.sum() != options.tasks || failed.sum() != 0) {
            throw new IllegalStateException(done.sum() + " of " + options.tasks + " tasks done, " + failed.sum() + " failed");
        }
        System.out.printf("%-8s %8.2f s   VmRSS %5s MB   VmHWM %5s MB   VmRSS after GC %5s MB%n",
                mechanism, elapsed / 1e9, rss, hwm, afterGc);
    }

    private static void run(Work work, Options options, int tasks, LongAdder done, LongAdder failed) {
        try (ExecutorService executor = options.executor()) {
            for (int i = 0; i < tasks; i++) {
                executor.execute(() -> {
                    try {
                        work.run(done);
                    } catch (Throwable t) {
                        failed.increment();
                    }
                });
            }
        }
    }

    /** A line of {@code /proc/self/status} in MB, e.g. {@code VmRSS}. */
    private static String memory(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                long kilobytes = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return Long.toString(kilobytes / 1024);
            }
        }
        return "?";
    }

    private static void runChild(String mechanism, Options options) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        line.add("--enable-native-access=ALL-UNNAMED");
        line.add("-cp");
        line.add(System.getProperty("java.class.path"));
        line.add(VirtualThreadProbe.class.getName());
        line.addAll(List.of("--child", mechanism, "--tasks", Integer.toString(options.tasks),
                "--executor", options.executor, "--threads", Integer.toString(options.threads)));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            output.lines().forEach(System.out::println);
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(mechanism + " exited with " + exit);
        }
    }

    /** fastffi: the generated bindings, held in static finals as users hold them. */
    private static final class Fastffi {
        private static final ProbeLibs.Zlib ZLIB = FastFfi.load(ProbeLibs.Zlib.class);
        private static final ProbeLibs.LibC LIBC = FastFfi.load(ProbeLibs.LibC.class);

        static void task(LongAdder done) {
            long crc = ZLIB.crc32(0, DATA, DATA.length);
            long length = LIBC.strlen(TEXT);
            if (crc == CRC && length == TEXT.length()) {
                done.increment();
            }
        }
    }

    /** Hand-written FFM: static final handles, a confined arena per task for the copies. */
    private static final class HandWritten {
        private static final Linker LINKER = Linker.nativeLinker();
        private static final MethodHandle CRC32 = LINKER.downcallHandle(
                SymbolLookup.libraryLookup("libz.so.1", Arena.global()).find("crc32").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
        private static final MethodHandle STRLEN = LINKER.downcallHandle(
                LINKER.defaultLookup().find("strlen").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));

        static void task(LongAdder done) throws Throwable {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment data = arena.allocateFrom(ValueLayout.JAVA_BYTE, DATA);
                long crc = (long) CRC32.invokeExact(0L, data, DATA.length);
                MemorySegment.copy(data, ValueLayout.JAVA_BYTE, 0, DATA, 0, DATA.length);
                long length = (long) STRLEN.invokeExact(arena.allocateFrom(TEXT));
                if (crc == CRC && length == TEXT.length()) {
                    done.increment();
                }
            }
        }
    }

    private static final class Options {
        int tasks = 1_000_000;
        int rounds = 1;
        String executor = "virtual";
        int threads = 4;
        List<String> mechanisms = List.of("fastffi", "ffm");
        String child;

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--tasks" -> options.tasks = Integer.parseInt(value);
                    case "--rounds" -> options.rounds = Integer.parseInt(value);
                    case "--executor" -> options.executor = value;
                    case "--threads" -> options.threads = Integer.parseInt(value);
                    case "--mechanisms" -> options.mechanisms = List.of(value.split(","));
                    case "--child" -> options.child = value;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            options.mechanisms.forEach(VirtualThreadProbe::work);
            if (!List.of("virtual", "platform").contains(options.executor)) {
                throw new IllegalArgumentException("unknown executor " + options.executor + " (virtual, platform)");
            }
            return options;
        }

        ExecutorService executor() {
            return switch (executor) {
                case "virtual" -> Executors.newVirtualThreadPerTaskExecutor();
                default -> Executors.newFixedThreadPool(threads);
            };
        }

        String executorName() {
            return executor.equals("virtual") ? "a virtual thread per task" : threads + " platform threads";
        }
    }
}
