package dev.fastffi.benchmarks.coldstart;

import com.sun.jna.Native;
import dev.fastffi.FastFfi;
import dev.fastffi.Library;
import dev.fastffi.benchmarks.BenchNative;
import dev.fastffi.benchmarks.IntComparator;
import dev.fastffi.internal.Downcalls;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold start in a fresh JVM: loads the twenty-function binding of one mechanism, calls
 * {@code cold_0} once (or, for {@code fastffi20}, all twenty once each), and prints the nanoseconds
 * from entering {@code main} to the call's return, to the binding being ready (-1 where binding and
 * call cannot be told apart), then the CPU nanoseconds of the main thread (-1 where unknown), then
 * the result so nothing can be skipped. With {@code -D}{@value #COUNT_LINKS}{@code =true} it first
 * prints a line {@code linked N}: how many of fastffi's lazily linked handles linked. The
 * mechanism {@code fastffiView} (not in the report) calls libc's {@code strcmp} through a generated
 * view of a {@code @NativeCallback} interface, from {@code Library.system()} on.
 */
public final class ColdStartProbe {
    /** The property that makes the probe report how many handles fastffi linked. */
    static final String COUNT_LINKS = "fastffi.bench.countLinks";

    private ColdStartProbe() {}

    public static void main(String[] args) throws Throwable {
        long start = System.nanoTime();
        long[] bound = {-1};
        double result = switch (args[0]) {
            case "fastffi" -> bound(FastFfi.load(ColdLib.class), start, bound).cold0(1, 1);
            case "fastffi20" -> callAll(bound(FastFfi.load(ColdLib.class), start, bound));
            case "fastffiView" -> firstView(start, bound);
            case "ffm" -> {
                bound(MethodHandles.lookup().ensureInitialized(ColdHandWritten.class), start, bound);
                yield (int) ColdHandWritten.COLD_0.invokeExact(1, 1);
            }
            case "ffmLazy" -> ColdHandWrittenLazy.cold0(1, 1);
            case "ffmInterface" -> new ColdHandWrittenInterface().cold0(1, 1);
            case "jextract" -> ColdJextract.cold_0(1, 1);
            case "jnaInterface" -> bound(Native.load(BenchNative.library().toString(), ColdJna.class), start, bound)
                    .cold_0(1, 1);
            case "jnaDirect" -> {
                bound(MethodHandles.lookup().ensureInitialized(ColdJnaDirect.class), start, bound);
                yield ColdJnaDirect.cold_0(1, 1);
            }
            default -> throw new IllegalArgumentException("unknown mechanism " + args[0]);
        };
        long elapsed = System.nanoTime() - start;
        if (Boolean.getBoolean(COUNT_LINKS)) {
            System.out.println("linked " + Downcalls.linkedCount());
        }
        System.out.println(elapsed + " " + bound[0] + " " + mainThreadCpuNanos() + " " + result);
    }

    /**
     * CPU time this thread has run so far (first field of Linux's {@code schedstat}), or -1 where
     * that is not available. Read after the timed part; on a busy machine it varies far less than
     * wall time, since time spent waiting for a core is not counted.
     */
    private static long mainThreadCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/schedstat"));
            return Long.parseLong(stat.substring(0, stat.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Notes when the binding was ready, which is all of the linking for mechanisms that link eagerly. */
    private static <T> T bound(T binding, long start, long[] bound) {
        bound[0] = System.nanoTime() - start;
        return binding;
    }

    /** {@code strcmp("a", "b")} through the generated view of {@link IntComparator}, whose signature it has. */
    private static double firstView(long start, long[] bound) {
        MemorySegment strcmp = Linker.nativeLinker().defaultLookup().find("strcmp").orElseThrow();
        IntComparator view = bound(Library.system().function(IntComparator.class, strcmp), start, bound);
        return view.compare(Arena.global().allocateFrom("a"), Arena.global().allocateFrom("b"));
    }

    private static double callAll(ColdLib lib) {
        return lib.cold0(1, 1)
                + lib.cold1(1L, 1L)
                + lib.cold2(1.0, 1.0)
                + lib.cold3(1f, 1f)
                + lib.cold4(1)
                + lib.cold5(1L)
                + lib.cold6(1.0)
                + lib.cold7(1f)
                + lib.cold8(1, 1, 1)
                + lib.cold9(1L, 1L, 1L)
                + lib.cold10(1.0, 1.0, 1.0)
                + lib.cold11(1L, 1)
                + lib.cold12(1, 1L)
                + lib.cold13(1, 1.0)
                + lib.cold14(1.0, 1)
                + lib.cold15(1.0)
                + lib.cold16(1.0, 1.0)
                + lib.cold17(1, 1, 1, 1)
                + lib.cold18(1, 1, 1, 1)
                + lib.cold19(1L);
    }
}
