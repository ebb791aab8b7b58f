package dev.fastffi.model;

import java.util.Collections;
import java.util.List;

/**
 * Either a parsed signature or the error that rejected the text; exactly one is non-null.
 *
 * @param structNames for each of the signature's structs, in the order {@link Signature#structs()}
 *     lists them, the record name the text gave it, or null where the text wrote its fields; null
 *     with an error
 */
public record ParseResult(Signature signature, SignatureError error, List<String> structNames) {

    static ParseResult of(Signature signature, List<String> structNames) {
        return new ParseResult(signature, null, Collections.unmodifiableList(structNames));
    }

    static ParseResult of(SignatureError error) {
        return new ParseResult(null, error, null);
    }

    /**
     * The signature written out for people to read: as {@link Signature#toString()} writes it,
     * except that a struct the text named by its record stays that name ({@code "Tm*(buffer, Tm*)"});
     * null with an error. Made only when asked for: most parses never show their text.
     */
    public String display() {
        return signature == null ? null : signature.toString(structNames);
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
