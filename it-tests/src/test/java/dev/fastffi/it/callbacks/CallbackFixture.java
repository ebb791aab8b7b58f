package dev.fastffi.it.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fastffi.FfiException;
import dev.fastffi.Library;
import org.junit.jupiter.api.function.Executable;

/** Opens the fixture library and holds the assertions the callback tests share. */
final class CallbackFixture {
    private CallbackFixture() {}

    static Library open() {
        String path = System.getProperty("fastffi.fixture");
        assertNotNull(path, "system property fastffi.fixture is not set; run the tests through Maven");
        return Library.open(path);
    }

    /** Asserts {@code call} throws an {@code FfiException} with {@code code}, and returns it. */
    static FfiException assertFfiException(FfiException.Code code, Executable call) {
        FfiException thrown = assertThrows(FfiException.class, call);
        assertEquals(code, thrown.code(), thrown::getMessage);
        return thrown;
    }

    /** Asserts {@code CALLBACK_FAILED} naming {@code symbol}, with {@code cause} as its cause. */
    static FfiException assertCallbackFailed(String symbol, Throwable cause, Executable call) {
        FfiException thrown = assertFfiException(FfiException.Code.CALLBACK_FAILED, call);
        assertSame(cause, thrown.getCause());
        String message = thrown.getMessage();
        assertEquals(true, message.contains(" " + symbol + ": a Java callback threw " + cause), message);
        return thrown;
    }
}
