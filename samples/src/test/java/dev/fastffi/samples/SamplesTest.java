package dev.fastffi.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.FastFfi;
import dev.fastffi.Library;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void libmComputesWithTheSystemMathLibrary() {
        LibM m = FastFfi.load(LibM.class);
        assertEquals(1.0, m.cos(0.0));
        assertEquals((float) Math.cos(0.5), m.cosf(0.5f), 1e-6f);
        assertEquals(1024.0, m.pow(2.0, 10.0));
        assertTrue(Double.isNaN(m.sqrt(-1.0)));
        assertEquals(2.0, m.floorBoxed(2.7));
    }

    @Test
    void libcBindsAgainstTheProcessWithoutNativeLibrary() {
        LibC c = FastFfi.load(LibC.class);
        assertEquals(ProcessHandle.current().pid(), c.getpid());
        assertEquals(42, c.abs(-42));
        assertEquals(Long.MAX_VALUE, c.labs(Long.MIN_VALUE + 1));
        assertEquals(Integer.toUnsignedLong(Integer.reverseBytes(0x01020304)), c.htonl(0x01020304L));
        try (Arena arena = Arena.ofConfined()) {
            assertEquals(7, c.strlen(arena.allocateFrom("fastffi")));
        }
        assertEquals(6, c.strlenOf("héllo"));
        assertNull(c.getenv("FASTFFI_NO_SUCH_VARIABLE"));
        assertEquals(System.getenv("PATH"), c.getenv("PATH"));
    }

    @Test
    void zlibCrc32OfTheCheckStringIsTheStandardCheckValue() {
        try (Library library = Library.open("libz.so.1", "z"); Arena arena = Arena.ofConfined()) {
            Zlib zlib = library.bind(Zlib.class);
            byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
            assertEquals(0xCBF43926L, zlib.crc32(0, check, check.length));
            assertEquals(0x091E01DEL, zlib.adler32(1, arena.allocateFrom("123456789"), 9));
            assertTrue(zlib.compressBound(1 << 20) > 1 << 20);
        }
    }

    @Test
    void everyFastTypedMethodOfTheSamplesIsGeneratedOnTheFastPath() {
        Map<String, CallPlan> plans = byMethod(FastFfi.describe(LibM.class));
        assertEquals(CallPath.FAST, plans.get("cos").path(), plans.get("cos").reason());
        assertEquals(CallPath.FAST, plans.get("pow").path());
        assertEquals(CallPath.COMPAT, plans.get("floorBoxed").path());
        assertEquals("argument 0 is Double: boxed values are on the compatibility path; use double to stay fast",
                plans.get("floorBoxed").reason());
        assertTrue(FastFfi.describe(Zlib.class).stream().allMatch(p -> p.path() == CallPath.FAST));
        Map<String, CallPlan> libc = byMethod(FastFfi.describe(LibC.class));
        assertEquals(CallPath.FAST, libc.get("strlen").path());
        assertEquals(CallPath.COMPAT, libc.get("strlenOf").path());
        assertEquals("argument 0 is String: strings need a temporary UTF-8 copy; pass a byte[] with a trailing 0"
                + " as 'buffer' to stay fast", libc.get("strlenOf").reason());
    }

    private static Map<String, CallPlan> byMethod(List<CallPlan> plans) {
        return plans.stream().collect(Collectors.toMap(CallPlan::method, p -> p));
    }
}
