package dev.fastffi.benchmarks;

import dev.fastffi.internal.NativeSymbol;
import dev.fastffi.internal.Rethrow;
import dev.fastffi.internal.UpcallFailures;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * Not loaded as itself: {@link PrototypeCloseableShapes#hidden} defines its bytes as a hidden
 * class per binding, whose static finals come from the class data and so are JIT constants.
 */
final class PrototypeHiddenTemplate implements PrototypeCloseableShapes.Scalars {
    private static final MethodHandle NOOP = data(0, MethodHandle.class);
    private static final MethodHandle ADD = data(1, MethodHandle.class);
    private static final MethodHandle MUL = data(2, MethodHandle.class);
    private static final MethodHandle XOR = data(3, MethodHandle.class);
    private static final NativeSymbol SITE = data(4, NativeSymbol.class);

    private static <T> T data(int index, Class<T> type) {
        try {
            return MethodHandles.classDataAt(MethodHandles.lookup(), "_", type, index);
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public void noop() {
        try {
            NOOP.invokeExact();
            UpcallFailures.check(SITE);
        } catch (Throwable t) {
            throw Rethrow.unchecked(t);
        }
    }

    @Override
    public int add(int a, int b) {
        try {
            int result = (int) ADD.invokeExact(a, b);
            UpcallFailures.check(SITE);
            return result;
        } catch (Throwable t) {
            throw Rethrow.unchecked(t);
        }
    }

    @Override
    public double mul(double a, double b) {
        try {
            double result = (double) MUL.invokeExact(a, b);
            UpcallFailures.check(SITE);
            return result;
        } catch (Throwable t) {
            throw Rethrow.unchecked(t);
        }
    }

    @Override
    public long xor(long a, long b) {
        try {
            long result = (long) XOR.invokeExact(a, b);
            UpcallFailures.check(SITE);
            return result;
        } catch (Throwable t) {
            throw Rethrow.unchecked(t);
        }
    }
}
