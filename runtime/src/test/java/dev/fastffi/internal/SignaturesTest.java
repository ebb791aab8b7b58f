package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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

    @Test
    void aGeneratedSignatureIsParsedOnceAndSharedByEveryUseOfItsText() {
        Signature first = Signatures.generated("f64(f64, i64, buffer)");

        assertEquals(Signature.parse("f64(f64, i64, buffer)"), first);
        assertSame(first, Signatures.generated("f64(f64, i64, buffer)"));
    }

    @Test
    void aRejectedGeneratedSignatureIsInvalidSignatureEveryTime() {
        for (int attempt = 0; attempt < 2; attempt++) {
            FfiException e = assertThrows(FfiException.class, () -> Signatures.generated("i32(i33)"));

            assertEquals(FfiException.Code.INVALID_SIGNATURE, e.code());
            assertEquals("INVALID_SIGNATURE: " + Signature.tryParse("i32(i33)").error().message(), e.getMessage());
        }
    }
}
