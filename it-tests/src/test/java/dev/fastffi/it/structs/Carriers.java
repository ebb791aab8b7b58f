package dev.fastffi.it.structs;

import dev.fastffi.annotations.NativeStruct;
import java.math.BigInteger;

/** Records of the fixture's structs whose components are widened or boxed carriers of their fields. */
final class Carriers {
    private Carriers() {}

    /** {@code st_flags} with every narrow field held in an {@code int}: fast, range-checked. */
    record WideFlags(boolean on, int code, int delta, int small) {}

    /** {@code st_flags} with boxed fields: the compatibility path. */
    record BoxedFlags(Boolean on, Character code, Short delta, Long small) {}

    /** {@code st_padded} with the u8 tag in an {@code int}, laid out as a buffer's elements too. */
    @NativeStruct("{u8, f64}")
    record WidePadded(int tag, double value) {}

    /** {@code st_small} read as two u32, each in a {@code long}. */
    record Unsigned(long x, long y) {}

    /** {@code st_large} with its i64 read as u64 into a {@code BigInteger}: the compatibility path. */
    record Huge(double a, BigInteger b, int c) {}

    /** {@code st_tagged} with the address as a {@code long}. */
    record Address(long address, long tag) {}

    /** {@code st_nested} with the u8 id in an {@code int} and the nested point boxed. */
    record WideNested(int id, BoxedPoint point, double weight) {}

    record BoxedPoint(Integer x, Long y) {}
}
