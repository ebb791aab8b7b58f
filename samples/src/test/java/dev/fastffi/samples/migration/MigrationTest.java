package dev.fastffi.samples.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.CallPath;
import dev.fastffi.FastFfi;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The guide's side-by-side migration computes the same thing on every side. */
class MigrationTest {
    private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

    @Test
    void jnaHandWrittenFfmAndFastffiComputeTheSameCrc32() throws Throwable {
        assertEquals(0xCBF43926L, JnaZlib.checksum(CHECK));
        assertEquals(0xCBF43926L, FfmZlib.checksum(CHECK));
        assertEquals(0xCBF43926L, FastFfiZlib.checksum(CHECK));
    }

    @Test
    void theMigratedMethodIsOnTheFastPath() {
        assertEquals(CallPath.FAST, FastFfi.describe(FastFfiZlib.Zlib.class).get(0).path());
    }
}
