package dev.fastffi;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A null class where the API takes an interface is INVALID_ARGUMENT naming the method, never a raw exception. */
class NullClassArgumentTest {

    private static void assertInvalidArgument(String message, Executable call) {
        FfiException thrown = assertThrows(FfiException.class, call);
        assertEquals(FfiException.Code.INVALID_ARGUMENT, thrown.code());
        assertEquals("INVALID_ARGUMENT: " + message, thrown.getMessage());
    }

    @Test
    void everyEntryThatTakesAnInterfaceRefusesNull() {
        String iface = ": iface is null; pass the class of an interface whose methods are annotated @NativeFunction";
        assertAll(
                () -> assertInvalidArgument("FastFfi.load(iface)" + iface, () -> FastFfi.load(null)),
                () -> assertInvalidArgument("FastFfi.describe(iface)" + iface, () -> FastFfi.describe(null)),
                () -> assertInvalidArgument("system bind(iface)" + iface, () -> Library.system().bind(null)),
                () -> assertInvalidArgument("Upcall.of(callbackIface, target): callbackIface is null; pass the class of"
                        + " an interface annotated @NativeCallback", () -> Upcall.of(null, new Object())));
    }
}
