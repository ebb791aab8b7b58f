package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fastffi.FfiException;
import dev.fastffi.model.Signature;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    @Test
    void aRejectedSignatureIsInvalidSignatureWithTheModelsMessage() {
        FfiException e = assertThrows(FfiException.class, () -> Signatures.parse("u64(pointer,bufer)"));

        assertEquals(FfiException.Code.INVALID_SIGNATURE, e.code());
        assertEquals("INVALID_SIGNATURE: " + Signature.tryParse("u64(pointer,bufer)").error().message(),
                e.getMessage());
    }

    @Test
    void anAcceptedSignatureIsTheModelsSignature() {
        assertEquals(Signature.parse("i32(i32, u64)"), Signatures.parse("i32(i32, u64)"));
    }
}
