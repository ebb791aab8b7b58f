package dev.fastffi.benchmarks.coldstart;

import com.sun.jna.Native;
import dev.fastffi.FastFfi;
import dev.fastffi.benchmarks.BenchNative;

/**
 * One cold start in a fresh JVM: loads the twenty-function binding of one mechanism, calls
 * {@code cold_0} once (or, for {@code fastffi20}, all twenty once each), and prints the nanoseconds
 * from entering {@code main} to the call's return, then the result so nothing can be skipped.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {}

    public static void main(String[] args) throws Throwable {
        long start = System.nanoTime();
        double result = switch (args[0]) {
            case "fastffi" -> FastFfi.load(ColdLib.class).cold0(1, 1);
            case "fastffi20" -> callAll(FastFfi.load(ColdLib.class));
            case "ffm" -> (int) ColdHandWritten.COLD_0.invokeExact(1, 1);
            case "ffmLazy" -> ColdHandWrittenLazy.cold0(1, 1);
            case "jnaInterface" -> Native.load(BenchNative.library().toString(), ColdJna.class).cold_0(1, 1);
            case "jnaDirect" -> ColdJnaDirect.cold_0(1, 1);
            default -> throw new IllegalArgumentException("unknown mechanism " + args[0]);
        };
        long elapsed = System.nanoTime() - start;
        System.out.println(elapsed + " " + result);
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
