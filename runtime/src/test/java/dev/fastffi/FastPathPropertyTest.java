package dev.fastffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fastffi.annotations.NativeFunction;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@code -Dfastffi.fast} takes {@code true} or {@code false}, in any case, as the processor's
 * {@code -Afastffi.fast} does; any other value is refused where a binding is made or described.
 */
class FastPathPropertyTest {
    interface Libc {
        @NativeFunction("usize(string)")
        long strlen(String text);
    }

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(FastFfi.FAST_PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(FastFfi.FAST_PROPERTY);
        } else {
            System.setProperty(FastFfi.FAST_PROPERTY, before);
        }
    }

    @Test
    void aValueThatIsNeitherTrueNorFalseIsRefusedBeforeAnythingIsBound() {
        for (String value : List.of("flase", "0", "")) {
            System.setProperty(FastFfi.FAST_PROPERTY, value);
            String message = "INVALID_ARGUMENT: -Dfastffi.fast must be 'true' or 'false', but it is '" + value + "'";
            for (Executable call : List.<Executable>of(() -> FastFfi.load(Libc.class),
                    () -> Library.system().bind(Libc.class), () -> FastFfi.describe(Libc.class))) {
                FfiException refused = assertThrows(FfiException.class, call);
                assertEquals(FfiException.Code.INVALID_ARGUMENT, refused.code());
                assertEquals(message, refused.getMessage());
            }
        }
    }

    @Test
    void trueAndFalseAreReadInAnyCase() {
        System.setProperty(FastFfi.FAST_PROPERTY, "False");
        assertEquals("-Dfastffi.fast=false puts every call on the compatibility path",
                FastFfi.describe(Libc.class).get(0).reason());
        assertEquals(5L, Library.system().bind(Libc.class).strlen("hello"));
        System.setProperty(FastFfi.FAST_PROPERTY, "TRUE");
        assertEquals("no generated binding: the fastffi annotation processor did not run",
                FastFfi.describe(Libc.class).get(0).reason());
    }
}
