package dev.fastffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fastffi.annotations.NativeCallback;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** Upcall.of checks a callback interface at run time as the processor does at compile time. */
class CallbackTypeTest {

    @NativeCallback("void()")
    interface TwoMethods {
        void run();

        void walk();
    }

    @NativeCallback("i32(pointr)")
    interface BadSignature {
        int apply(MemorySegment p);
    }

    @NativeCallback("i32(i32, ...)")
    interface Variadic {
        int apply(int x);
    }

    @NativeCallback("i32(i32, i32)")
    interface WrongCount {
        int apply(int x);
    }

    @NativeCallback("void(u32)")
    interface WrongParameter {
        void accept(short x);
    }

    @NativeCallback("i32()")
    interface BoxedResult {
        Integer get();
    }

    @NativeCallback("void(buffer)")
    interface BufferParameter {
        void accept(byte[] data);
    }

    @Test
    void twoAbstractMethodsAreRefused() {
        assertInvalidSignature("@NativeCallback TwoMethods must have exactly one abstract method but has 2",
                TwoMethods.class, new TwoMethods() {
                    @Override
                    public void run() { }

                    @Override
                    public void walk() { }
                });
    }

    @Test
    void badSignatureNamesTheColumn() {
        FfiException thrown = assertThrows(FfiException.class, () -> Upcall.of(BadSignature.class, p -> 0));
        assertEquals(FfiException.Code.INVALID_SIGNATURE, thrown.code());
        assertEquals(true, thrown.getMessage().startsWith("INVALID_SIGNATURE: @NativeCallback BadSignature: unknown"
                + " type 'pointr' at column 5; did you mean 'pointer'?"), thrown.getMessage());
    }

    @Test
    void variadicCallbackIsRefused() {
        assertInvalidSignature("@NativeCallback Variadic.apply: a callback cannot be variadic ('...') in"
                + " \"i32(i32, ...)\"", Variadic.class, (Variadic) x -> x);
    }

    @Test
    void parameterCountMustMatch() {
        assertInvalidSignature("@NativeCallback WrongCount.apply has 1 parameters but \"i32(i32, i32)\" declares 2",
                WrongCount.class, (WrongCount) x -> x);
    }

    @Test
    void parameterTypeMustReceiveTheCType() {
        assertInvalidSignature("@NativeCallback WrongParameter.accept: parameter 0 is short, which cannot receive u32",
                WrongParameter.class, (WrongParameter) x -> { });
    }

    @Test
    void boxedResultIsRefused() {
        assertInvalidSignature("@NativeCallback BoxedResult.get: the result is Integer, which cannot be returned as i32",
                BoxedResult.class, (BoxedResult) () -> 0);
    }

    @Test
    void bufferParameterIsRefused() {
        assertInvalidSignature("@NativeCallback BufferParameter.accept: parameter 0 is byte[], which cannot receive"
                + " buffer", BufferParameter.class, (BufferParameter) data -> { });
    }

    private static <T> void assertInvalidSignature(String detail, Class<T> iface, T target) {
        FfiException thrown = assertThrows(FfiException.class, () -> Upcall.of(iface, target));
        assertEquals("INVALID_SIGNATURE: " + detail, thrown.getMessage());
    }
}
