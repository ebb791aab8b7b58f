package dev.fastffi.internal.signature;

import dev.fastffi.FfiException;

/**
 * Why a signature string was rejected: the problem, the 1-based column it was found at and an
 * optional hint. The processor reports it as a diagnostic; the runtime throws {@link #toException()}.
 */
public record SignatureError(String signature, int column, String problem, String hint) {

    /** One line: the problem, where it is and the hint, e.g. {@code unknown type 'bufer' at column 13; did you mean 'buffer'?}. */
    public String describe() {
        return problem + " at column " + column + (hint.isEmpty() ? "" : "; " + hint);
    }

    /** The description followed by the signature and a caret under the column. */
    public String message() {
        String shown = signature == null ? "null" : signature;
        return describe() + " in \"" + shown + "\"\n  " + shown + "\n  " + " ".repeat(Math.max(0, column - 1)) + "^";
    }

    /** An {@code INVALID_SIGNATURE} exception carrying {@link #message()}. */
    public FfiException toException() {
        return new FfiException(FfiException.Code.INVALID_SIGNATURE, message());
    }
}
