package dev.fastffi.model;

/**
 * A signature string that does not parse, carrying the {@link SignatureError} that says where and
 * why. The runtime turns it into its {@code INVALID_SIGNATURE} error; the processor reports the
 * error as a diagnostic without ever throwing it.
 */
public final class SignatureException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient SignatureError error;

    public SignatureException(SignatureError error) {
        super(error.message());
        this.error = error;
    }

    /** What was rejected, at which column and why. */
    public SignatureError error() {
        return error;
    }
}
