package dev.fastffi.model;

/** Either a parsed signature or the error that rejected the text; exactly one is non-null. */
public record ParseResult(Signature signature, SignatureError error) {

    static ParseResult of(Signature signature) {
        return new ParseResult(signature, null);
    }

    static ParseResult of(SignatureError error) {
        return new ParseResult(null, error);
    }

    public boolean isValid() {
        return error == null;
    }

    /** The signature, or a {@link SignatureException} carrying the error. */
    public Signature orElseThrow() {
        if (error != null) {
            throw new SignatureException(error);
        }
        return signature;
    }
}
