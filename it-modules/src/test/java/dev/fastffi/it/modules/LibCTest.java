package dev.fastffi.it.modules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.FastFfi;
import dev.fastffi.Upcall;
import dev.fastffi.it.modules.internal.BoxedDivision;
import dev.fastffi.it.modules.internal.Division;
import dev.fastffi.it.modules.internal.IntComparator;
import dev.fastffi.it.modules.internal.LibC;
import java.lang.foreign.MemorySegment;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The C library bound from a package the module keeps closed, on both paths. */
class LibCTest {
    private static final LibC LIBC = FastFfi.load(LibC.class);
    private static final boolean FAST = !"false".equals(System.getProperty("fastffi.fast"));

    @Test
    void fastScalarsCallTheCLibrary() {
        assertEquals(7, LIBC.abs(-7));
        assertEquals(1L << 40, LIBC.labs(-(1L << 40)));
    }

    @Test
    void aByteArrayBufferReachesC() {
        assertEquals(5, LIBC.strlen("hello\0".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void qsortCallsARegisteredCallbackOfTheModule() {
        int[] values = {5, -1, 3, 0};
        try (Upcall<IntComparator> ascending = Upcall.of(IntComparator.class,
                (a, b) -> Integer.compare(a.value(), b.value()))) {
            LIBC.qsort(values, values.length, Integer.BYTES, ascending);
        }
        assertArrayEquals(new int[] {-1, 0, 3, 5}, values);
    }

    @Test
    void qsortCallsACallbackObjectOfTheModule() {
        int[] values = {5, -1, 3, 0};
        LIBC.qsortWith(values, values.length, Integer.BYTES, (a, b) -> Integer.compare(b.value(), a.value()));
        assertArrayEquals(new int[] {5, 3, 0, -1}, values);
    }

    @Test
    void aStructResultBecomesARecordOfTheModule() {
        assertEquals(new Division(3, 2), LIBC.div(17, 5));
        assertEquals(new BoxedDivision(-3, -2), LIBC.divBoxed(-17, 5));
    }

    @Test
    void compatibilityMethodsConvertBoxesStringsAndBigIntegers() {
        assertEquals(9, LIBC.absBoxed(-9));
        assertNull(LIBC.getenv("FASTFFI_IT_MODULES_UNSET"));
        assertEquals(new BigInteger("18446744073709551615"),
                LIBC.strtoull("18446744073709551615", MemorySegment.NULL, 10));
    }

    @Test
    void aDefaultMethodRunsOnTheBinding() {
        assertEquals(12, LIBC.absSum(-5, 7));
    }

    @Test
    void describeSaysWhichMethodsAreFast() {
        Map<String, CallPath> paths = FastFfi.describe(LibC.class).stream()
                .collect(Collectors.toMap(CallPlan::method, CallPlan::path));
        CallPath fast = FAST ? CallPath.FAST : CallPath.COMPAT;
        assertEquals(Map.of("abs", fast, "labs", fast, "strlen", fast, "qsort", fast, "div", fast,
                "qsortWith", CallPath.COMPAT, "divBoxed", CallPath.COMPAT, "absBoxed", CallPath.COMPAT,
                "getenv", CallPath.COMPAT, "strtoull", CallPath.COMPAT), paths);
    }
}
