package dev.fastffi.it.async;

import static dev.fastffi.it.async.AsyncFixture.assertFails;
import static dev.fastffi.it.async.AsyncFixture.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code optional = true}: bind succeeds without the symbol, calls tell which one is missing. */
class OptionalSymbolTest {
    private static Library library;
    private static Optionals optionals;

    @BeforeAll
    static void bind() {
        library = AsyncFixture.open();
        optionals = library.bind(Optionals.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void presentOptionalSymbolIsCalledOnBothPaths() {
        assertEquals(42, optionals.present(41));
        assertEquals(42, optionals.presentBoxed(41));
    }

    @Test
    void missingOptionalSymbolThrowsSymbolNotFoundNamingSymbolAndLibrary() {
        String message = assertFails(FfiException.Code.SYMBOL_NOT_FOUND, () -> optionals.missing(1));
        assertMentions(message, "'async_opt_missing'", library.name(), "optional", "FastFfi.isAvailable");
    }

    @Test
    void missingOptionalSymbolOnTheCompatibilityPathThrowsTheSameError() {
        String fast = assertFails(FfiException.Code.SYMBOL_NOT_FOUND, () -> optionals.missing(1));
        String compat = assertFails(FfiException.Code.SYMBOL_NOT_FOUND, () -> optionals.missingBoxed(1));
        assertEquals(fast, compat);
    }

    @Test
    void isAvailableTellsPresentFromMissingByJavaMethodName() {
        assertTrue(FastFfi.isAvailable(optionals, "present"));
        assertTrue(FastFfi.isAvailable(optionals, "presentBoxed"));
        assertTrue(FastFfi.isAvailable(optionals, "required"));
        assertFalse(FastFfi.isAvailable(optionals, "missing"));
        assertFalse(FastFfi.isAvailable(optionals, "missingBoxed"));
    }

    @Test
    void isAvailableRejectsAnUnknownMethodName() {
        String message = assertFails(FfiException.Code.INVALID_ARGUMENT,
                () -> FastFfi.isAvailable(optionals, "async_opt_present"));
        assertMentions(message, Optionals.class.getName(), "'async_opt_present'", "Java method name");
    }

    @Test
    void isAvailableRejectsAnObjectThatIsNoBinding() {
        String message = assertFails(FfiException.Code.INVALID_ARGUMENT, () -> FastFfi.isAvailable("text", "present"));
        assertMentions(message, "java.lang.String is not a binding");
        assertMentions(assertFails(FfiException.Code.INVALID_ARGUMENT, () -> FastFfi.isAvailable(null, "present")),
                "null is not a binding made by FastFfi.load or Library.bind");
    }

    @Test
    void missingOptionalSymbolAfterCloseThrowsLibraryClosed() {
        Library other = AsyncFixture.open();
        Optionals closed = other.bind(Optionals.class);
        other.close();
        assertFails(FfiException.Code.LIBRARY_CLOSED, () -> closed.missing(1));
        assertFails(FfiException.Code.LIBRARY_CLOSED, () -> closed.present(1));
    }

    @Test
    void describeKeepsThePathOfOptionalMethods() {
        Map<String, CallPlan> plans = FastFfi.describe(Optionals.class).stream()
                .collect(Collectors.toMap(CallPlan::method, Function.identity()));
        CallPath fast = AsyncFixture.fastPathEnabled() ? CallPath.FAST : CallPath.COMPAT;
        assertEquals(fast, plans.get("missing").path());
        assertEquals(CallPath.COMPAT, plans.get("missingBoxed").path());
    }
}
