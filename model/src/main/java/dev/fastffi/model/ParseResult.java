package dev.fastffi.model;

/**
 * Either a parsed signature or the error that rejected the text; exactly one is non-null.
 *
 * @param display the signature written out for people to read: as {@link Signature#toString()}
 *     writes it, except that a struct the text named by its record stays that name
 *     ({@code "Tm*(buffer, Tm*)"}); null with an error
 */
public record ParseResult(Signature signature, SignatureError error, String display) {

    static ParseResult of(Signature signature, String display) {
        return new ParseResult(signature, null, display);
    }

    static ParseResult of(SignatureError error) {
        return new ParseResult(null, error, null);
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
