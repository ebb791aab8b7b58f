package dev.fastffi.internal;

/** Lets generated code call {@code invokeExact}, which declares {@code Throwable}. */
public final class Rethrow {
    private Rethrow() {}

    /**
     * Rethrows unchecked throwables as they are; wraps a checked one, which a downcall handle never
     * throws, so that nothing is swallowed.
     */
    public static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException runtime) {
            return runtime;
        }
        if (t instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("unexpected checked exception from a native call", t);
    }
}
