package dev.fastffi.importer;

import java.util.ArrayList;
import java.util.List;

/** An enum and its enumerators; gcc gives it the first of int, unsigned int, long, unsigned long that holds every value. */
final class CEnum {
    /** One enumerator and its value. */
    record Constant(String name, long value, String file) {}

    final String tag;
    final List<Constant> constants = new ArrayList<>();
    /** Set by {@code __attribute__((packed))}, which makes gcc pick the narrowest type that holds the values. */
    boolean packed;

    CEnum(String tag) {
        this.tag = tag;
    }

    /** The underlying integer type as gcc chooses it. */
    CType.Primitive underlying() {
        long min = constants.stream().mapToLong(Constant::value).min().orElse(0);
        long max = constants.stream().mapToLong(Constant::value).max().orElse(0);
        if (min >= Integer.MIN_VALUE && max <= Integer.MAX_VALUE) {
            return CType.Primitive.INT;
        }
        if (min >= 0 && max <= 0xFFFF_FFFFL) {
            return CType.Primitive.UINT;
        }
        return min < 0 ? CType.Primitive.LONG : CType.Primitive.ULONG;
    }
}
