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

    /** What the processor refuses at compile time; compiled without it, only Upcall.of can say so. */
    @NativeCallback("void()")
    static class NotAnInterface {}

    @Test
    void twoAbstractMethodsAreRefused() {
        assertInvalidSignature("TwoMethods: @NativeCallback interface 'TwoMethods' must have exactly one abstract method,"
                + " but it has 2 abstract methods; a callback type is a functional interface.",
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
        assertEquals(true, thrown.getMessage().startsWith("INVALID_SIGNATURE: BadSignature: @NativeCallback(\"i32(pointr)\"):"
                + " unknown type 'pointr' at column 5; did you mean 'pointer'?"), thrown.getMessage());
    }

    @Test
    void variadicCallbackIsRefused() {
        assertInvalidSignature("Variadic: @NativeCallback(\"i32(i32, ...)\"): a callback cannot be variadic ('...');"
                + " declare the arguments C passes.", Variadic.class, (Variadic) x -> x);
    }

    @Test
    void parameterCountMustMatch() {
        assertInvalidSignature("WrongCount: @NativeCallback(\"i32(i32, i32)\") declares 2 arguments, but method 'apply'"
                + " has 1 parameter; they must match one to one.",
                WrongCount.class, (WrongCount) x -> x);
    }

    @Test
    void parameterTypeMustReceiveTheCType() {
        assertInvalidSignature("WrongParameter: Argument 0 of @NativeCallback(\"void(u32)\") is C type 'u32', which cannot"
                + " arrive as short; use one of int, long, Integer, Long.",
                WrongParameter.class, (WrongParameter) x -> { });
    }

    @Test
    void boxedResultIsRefused() {
        assertInvalidSignature("BoxedResult: The result of @NativeCallback(\"i32()\") is C type 'i32', which cannot be"
                + " returned as Integer; use one of int.",
                BoxedResult.class, (BoxedResult) () -> 0);
    }

    @Test
    void bufferParameterIsRefused() {
        assertInvalidSignature("BufferParameter: Argument 0 of @NativeCallback(\"void(buffer)\") is C type 'buffer', which"
                + " cannot arrive as byte[]; none: callbacks cannot have this C type.", BufferParameter.class, (BufferParameter) data -> { });
    }

    @Test
    void anAnnotatedClassIsRefusedAsNoInterface() {
        assertInvalidSignature("@NativeCallback is only allowed on interfaces, but 'dev.fastffi.CallbackTypeTest.NotAnInterface'"
                + " is not one; declare the callback type as a functional interface.",
                NotAnInterface.class, new NotAnInterface());
    }

    private static <T> void assertInvalidSignature(String detail, Class<T> iface, T target) {
        FfiException thrown = assertThrows(FfiException.class, () -> Upcall.of(iface, target));
        assertEquals(FfiException.Code.INVALID_SIGNATURE, thrown.code());
        assertEquals("INVALID_SIGNATURE: " + detail, thrown.getMessage());
    }
}
