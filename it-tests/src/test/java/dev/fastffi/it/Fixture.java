package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.internal.memory.Scratch;
import java.lang.foreign.MemorySegment;
import java.util.regex.Pattern;
import org.junit.jupiter.api.function.Executable;

/** Opens the C fixture library the build compiled, and holds the assertions every test class shares. */
final class Fixture {
    /** What {@code describe} says of every method when {@code -Dfastffi.fast=false} is set. */
    static final String FAST_DISABLED_REASON = "-D" + FastFfi.FAST_PROPERTY + "=false puts every call on the compatibility path";

    private Fixture() {}

    /**
     * Whether this run uses generated fast paths; the POM runs the suite a second time with
     * {@code -Dfastffi.fast=false}, which must give identical results, where tests of FAST plans expect COMPAT.
     */
    static boolean fastPathEnabled() {
        return !"false".equalsIgnoreCase(System.getProperty(FastFfi.FAST_PROPERTY));
    }

    /**
     * The fixture is built into target/ by the it-tests POM, so its path is only known at run
     * time; that is why the test interfaces carry no {@code @NativeLibrary}.
     */
    static Library open() {
        String path = System.getProperty("fastffi.fixture");
        assertNotNull(path, "system property fastffi.fixture is not set; run the tests through Maven");
        return Library.open(path);
    }

    /**
     * Asserts that the calling thread's scratch block kept at most {@link Scratch#MAX_RETAINED}
     * bytes: a larger block would hold {@code MAX_RETAINED + 1} bytes itself and keep them alive
     * after the frame is reset, while the bounded block gives them an arena of their own that the
     * reset closes.
     */
    static void assertScratchWithinRetainedBound() {
        Scratch scratch = Scratch.current();
        long mark = scratch.mark();
        MemorySegment aboveTheBound = scratch.allocate(Scratch.MAX_RETAINED + 1);
        scratch.reset(mark);
        assertFalse(aboveTheBound.scope().isAlive(),
                "the thread's scratch block grew beyond " + Scratch.MAX_RETAINED + " bytes");
    }

    /** Asserts that {@code call} throws an {@code FfiException} with {@code code}, and returns it. */
    static FfiException assertFfiException(FfiException.Code code, Executable call) {
        FfiException thrown = assertThrows(FfiException.class, call);
        assertEquals(code, thrown.code(), thrown::getMessage);
        return thrown;
    }

    /**
     * Asserts {@code INVALID_ARGUMENT: <library> <detail>}, the one message format of every path;
     * the library part is left open because it is whatever name the library was opened under.
     */
    static void assertInvalidArgument(String detail, Executable call) {
        String message = assertFfiException(FfiException.Code.INVALID_ARGUMENT, call).getMessage();
        Pattern expected = Pattern.compile("INVALID_ARGUMENT: \\S*libfastffi_fixture\\S* " + Pattern.quote(detail));
        assertTrue(expected.matcher(message).matches(),
                () -> "expected INVALID_ARGUMENT: <fixture library> " + detail + "\n but was " + message);
    }

    /** Asserts {@code LIBRARY_CLOSED} and that the message names the symbol that was called. */
    static void assertLibraryClosed(String symbol, Executable call) {
        String message = assertFfiException(FfiException.Code.LIBRARY_CLOSED, call).getMessage();
        assertTrue(message.contains(symbol), () -> "message should name " + symbol + ": " + message);
    }
}
