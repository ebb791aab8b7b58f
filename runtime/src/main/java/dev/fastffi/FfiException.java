package dev.fastffi;

import java.util.Objects;

/**
 * The one exception fastffi throws; switch on {@link #code()}, never parse the message.
 *
 * <p>The message starts with the code and names what went wrong: the library, the symbol, the
 * argument index (counted from 0), the C type and the value, as far as they apply.
 */
public final class FfiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Code {
        /**
         * No candidate of {@code Library.open} could be loaded; the message lists every one tried.
         * Also what every way into native code throws when the JVM refuses native access; that
         * message names the exact {@code --enable-native-access} option and manifest line to add.
         */
        LIBRARY_NOT_FOUND,
        /** The library has no such symbol; the message names the symbol and the library. */
        SYMBOL_NOT_FOUND,
        /** The library was closed before the call; no native code ran. */
        LIBRARY_CLOSED,
        /** A signature does not follow the grammar; the message points at the column. */
        INVALID_SIGNATURE,
        /** An argument cannot be passed as its C type; the message names index, C type and value. */
        INVALID_ARGUMENT,
        /** A Java callback threw during the call; the cause is what it threw. */
        CALLBACK_FAILED
    }

    /** What went wrong; part of the serial form. */
    private final Code code;

    /** Creates an exception whose message is {@code code + ": " + detail}. */
    public FfiException(Code code, String detail) {
        this(code, detail, null);
    }

    /** Creates an exception whose message is {@code code + ": " + detail}, with a cause. */
    public FfiException(Code code, String detail, Throwable cause) {
        super(Objects.requireNonNull(code, "code") + ": " + detail, cause);
        this.code = code;
    }

    /** What went wrong. */
    public Code code() {
        return code;
    }
}
