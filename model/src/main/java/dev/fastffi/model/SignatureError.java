package dev.fastffi.model;

/**
 * Why a signature string was rejected: the problem, the 1-based column it was found at and an
 * optional hint. The processor reports it as a diagnostic; the runtime throws it as {@code INVALID_SIGNATURE}.
 */
public record SignatureError(String signature, int column, String problem, String hint) {

    /** One line: the problem, where it is and the hint, e.g. {@code unknown type 'bufer' at column 13; did you mean 'buffer'?}. */
    public String describe() {
        return problem + " at column " + column + (hint.isEmpty() ? "" : "; " + hint);
    }

    /** The description followed by the signature and a caret under the column. */
    public String message() {
        if (signature == null) {
            return describe();
        }
        // the echo keeps one character per column, and the caret line copies its tabs, so that the
        // caret stays under the column however a terminal expands tabs
        String echo = signature.replace('\n', ' ').replace('\r', ' ');
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column - 1 && i < echo.length(); i++) {
            caret.append(echo.charAt(i) == '\t' ? '\t' : ' ');
        }
        return describe() + " in \"" + signature + "\"\n  " + echo + "\n  " + caret + "^";
    }
}
