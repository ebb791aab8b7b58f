package dev.fastffi.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.FastFfi;
import dev.fastffi.Library;
import dev.fastffi.it.modules.api.Text;
import dev.fastffi.it.modules.internal.Zlib;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A library of its own, loaded and opened from the module, and bindings in its exported package. */
class ZlibAndTextTest {
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

    @Test
    void crc32OfAByteArrayFromAGlobalBinding() {
        assertEquals(0x3610a686L, FastFfi.load(Zlib.class).crc32(0, HELLO, HELLO.length));
    }

    @Test
    void crc32FromALibraryTheModuleOpensAndCloses() {
        try (Library zlib = Library.open("libz.so.1", "z")) {
            assertEquals(0x3610a686L, zlib.bind(Zlib.class).crc32(0, HELLO, HELLO.length));
        }
    }

    @Test
    void bindingsOfTheExportedPackageWork() {
        Text text = Library.system().bind(Text.class);
        assertEquals(11, text.strlen("hello world"));
        assertEquals('A', text.toupper('a'));
    }
}
