package dev.fastffi.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fastffi.DynamicFunction;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import java.lang.invoke.MethodHandle;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Signatures known only at run time, called from the module, which itself has no native access. */
class DynamicFunctionTest {
    @Test
    void invokeAndTheExactHandleCallTheCLibrary() throws Throwable {
        DynamicFunction labs = Library.system().function("labs", "i64(i64)");
        assertEquals(42L, labs.invoke(-42L));
        MethodHandle handle = labs.handle();
        assertEquals(43L, (long) handle.invokeExact(-43L));
    }

    @Test
    void aFunctionOfAnOpenedLibraryFailsOnceItIsClosed() {
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        DynamicFunction crc32;
        try (Library zlib = Library.open("libz.so.1")) {
            crc32 = zlib.function("crc32", "u64(u64, buffer, u32)");
            assertEquals(BigInteger.valueOf(0x3610a686L), crc32.invoke(0L, hello, hello.length));
        }
        FfiException closed = assertThrows(FfiException.class, () -> crc32.invoke(0L, hello, hello.length));
        assertEquals(FfiException.Code.LIBRARY_CLOSED, closed.code());
        assertEquals("LIBRARY_CLOSED: libz.so.1 crc32: the library was closed; no native code ran", closed.getMessage());
    }
}
