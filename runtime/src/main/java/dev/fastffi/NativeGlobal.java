package dev.fastffi;

import dev.fastffi.internal.GlobalVariable;

/**
 * An exported data symbol of a native library, from {@link Library#global}: a C variable read and
 * written as a scalar or pointer type.
 *
 * <p>Reads and writes are plain loads and stores with no ordering or atomicity beyond what the
 * platform gives a naturally aligned scalar; coordinate with C threads yourself. Once the
 * library is closed, both throw {@code LIBRARY_CLOSED} without touching the memory.
 */
public final class NativeGlobal {
    private final GlobalVariable variable;

    NativeGlobal(GlobalVariable variable) {
        this.variable = variable;
    }

    /**
     * The current value, boxed as {@link DynamicFunction#invoke} boxes results: i32 as Integer, u32
     * as Long, u64 as BigInteger, f64 as Double, pointer as a zero-length MemorySegment, and so on.
     *
     * @throws FfiException {@code LIBRARY_CLOSED} after the library was closed
     */
    public Object get() {
        return variable.get();
    }

    /**
     * Writes {@code value}, checked as an argument of the global's type (the message calls it
     * argument 0): a rejected value writes nothing.
     *
     * @throws FfiException {@code INVALID_ARGUMENT} for a value the type cannot take,
     *     {@code LIBRARY_CLOSED} after the library was closed
     */
    public void set(Object value) {
        variable.set(value);
    }

    /** The C type, e.g. {@code i32}. */
    public String type() {
        return variable.type().cName();
    }

    @Override
    public String toString() {
        return variable.symbol() + " (" + type() + ")";
    }
}
