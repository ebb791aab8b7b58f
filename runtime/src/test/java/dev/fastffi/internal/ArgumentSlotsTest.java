package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.Upcall;
import dev.fastffi.annotations.NativeCallback;
import dev.fastffi.annotations.NativeStruct;
import dev.fastffi.model.ArgumentSlots;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.Signature;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model's count of argument slots agrees with what the platform's linker accepts, at the limit
 * and one argument past it, and FFM's own refusal becomes {@code INVALID_SIGNATURE}.
 */
class ArgumentSlotsTest {
    /** Sixteen {@code i64} arguments, each followed by a comma. */
    private static final String I64_16 = "i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64,"
            + " i64, ";
    /** 127 {@code i64} arguments: 254 slots, two more than the linker has. */
    private static final String WIDE = "i64(" + I64_16 + I64_16 + I64_16 + I64_16 + I64_16 + I64_16 + I64_16
            + "i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64)";

    @NativeCallback(WIDE)
    interface WideCallback {
        long apply(
                long a0, long a1, long a2, long a3, long a4, long a5, long a6, long a7, long a8, long a9, long a10,
                long a11, long a12, long a13, long a14, long a15, long a16, long a17, long a18, long a19, long a20,
                long a21, long a22, long a23, long a24, long a25, long a26, long a27, long a28, long a29, long a30,
                long a31, long a32, long a33, long a34, long a35, long a36, long a37, long a38, long a39, long a40,
                long a41, long a42, long a43, long a44, long a45, long a46, long a47, long a48, long a49, long a50,
                long a51, long a52, long a53, long a54, long a55, long a56, long a57, long a58, long a59, long a60,
                long a61, long a62, long a63, long a64, long a65, long a66, long a67, long a68, long a69, long a70,
                long a71, long a72, long a73, long a74, long a75, long a76, long a77, long a78, long a79, long a80,
                long a81, long a82, long a83, long a84, long a85, long a86, long a87, long a88, long a89, long a90,
                long a91, long a92, long a93, long a94, long a95, long a96, long a97, long a98, long a99, long a100,
                long a101, long a102, long a103, long a104, long a105, long a106, long a107, long a108, long a109,
                long a110, long a111, long a112, long a113, long a114, long a115, long a116, long a117, long a118,
                long a119, long a120, long a121, long a122, long a123, long a124, long a125, long a126);
    }

    @NativeStruct("{[131073]i64}")
    record Huge(long[] values) {}

    @NativeCallback("{[131073]i64}()")
    interface HugeResult {
        Huge get();
    }

    /** The slot counts were measured on x86-64; other platforms spread structs differently. */
    static boolean x86() {
        return System.getProperty("os.arch").equals("amd64") || System.getProperty("os.arch").equals("x86_64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"i32", "u8", "bool", "f32", "i64", "f64", "pointer", "buffer", "string", "{i64, i64}*",
        "{i64, i64}", "{i32, i32}", "{i32, i32, i32}", "{i64, i64, i64}", "{i64, i64, i64, i64, i64}", "{u8}"})
    @EnabledIf("x86")
    void theLastSignatureTheModelAcceptsLinksAndTheNextIsRefusedByBoth(String type) {
        for (boolean critical : new boolean[] {false, true}) {
            assertAgreeAtTheLimit("i32", type, false, false, critical);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"i32", "i64", "pointer", "{i64, i64, i64}"})
    @EnabledIf("x86")
    void errnoAndAStructResultTakeTheirSlotsToo(String type) {
        for (String result : List.of("i32", "i64", "f64", "pointer", "{i64, i64}", "{i64, i64, i64}")) {
            for (boolean errno : new boolean[] {false, true}) {
                for (boolean critical : new boolean[] {false, true}) {
                    assertAgreeAtTheLimit(result, type, false, errno, critical);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"i32", "f64", "pointer"})
    @EnabledIf("x86")
    void aVariadicCallTakesItsSlotsToo(String type) {
        for (boolean critical : new boolean[] {false, true}) {
            assertAgreeAtTheLimit("i32", type, true, false, critical);
        }
    }

    /** The most arguments of {@code type} the model admits link, and one more is refused by FFM. */
    private static void assertAgreeAtTheLimit(String result, String type, boolean variadic, boolean errno,
            boolean critical) {
        int fits = 0;
        while (fits(signature(result, type, fits + 1, variadic), errno, critical)) {
            fits++;
        }
        String shape = result + "(" + type + " x " + fits + (variadic ? ", ..." : "") + ") errno " + errno
                + " critical " + critical;
        assertEquals(Optional.empty(), links(signature(result, type, fits, variadic), errno, critical), shape);
        assertEquals(Optional.of("bad parameter count"),
                links(signature(result, type, fits + 1, variadic), errno, critical), shape);
    }

    @Test
    @EnabledIf("x86")
    void criticalMakesAnAddressTakeThreeSlots() {
        assertEquals(Optional.empty(), links(signature("i32", "pointer", 84, false), false, true));
        assertTrue(fits(signature("i32", "pointer", 84, false), false, true));
        assertFalse(fits(signature("i32", "pointer", 85, false), false, true));
        assertTrue(fits(signature("i32", "pointer", 126, false), false, false));
    }

    @Test
    void aStructOfGigabytesIsCountedWithoutOverflow() {
        Signature three = Signature.parse("void({[999999999]i64, [999999999]i64, [999999999]i64})");
        assertEquals(5_999_999_994L, ArgumentSlots.of(three, three.parameters(), false, false));
        assertTrue(ArgumentSlots.problem(three, false, false).orElseThrow()
                .contains("they need 5999999994 argument slots and it has 252"));
        // 2,147,999,998 slots: more than an int holds, which once wrapped to a negative count that passed
        Signature past = Signature.parse("void({[999999999]i64, [74000000]i64})");
        assertTrue(ArgumentSlots.problem(past, false, false).orElseThrow()
                .contains("they need 2147999998 argument slots and it has 252"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"void({[999999999]i64, [999999999]i64, [999999999]i64})",
        "void({[999999999]i64, [74000000]i64})"})
    void aFunctionTakingAStructOfGigabytesIsAnInvalidSignature(String signature) {
        FfiException thrown = assertThrows(FfiException.class, () -> Library.system().function("abs", signature));
        assertEquals(FfiException.Code.INVALID_SIGNATURE, thrown.code());
        assertTrue(thrown.getMessage().startsWith("INVALID_SIGNATURE: " + Library.system().name() + " abs: \""
                + signature + "\" has 1 argument, more than the platform's linker takes: they need "),
                thrown.getMessage());
    }

    @Test
    void aStructResultOfMoreThanAMebibyteIsAnInvalidSignature() {
        String signature = "{[131073]i64}()";
        FfiException thrown = assertThrows(FfiException.class, () -> Library.system().function("abs", signature));
        assertEquals(FfiException.Code.INVALID_SIGNATURE, thrown.code());
        assertEquals("INVALID_SIGNATURE: " + Library.system().name() + " abs: \"" + signature + "\" returns a struct of"
                + " 1,048,584 bytes by value, more than the 1,048,576 fastffi passes that way (to link a call, FFM"
                + " looks at every element of such a struct, which for one of megabytes takes seconds and can"
                + " exhaust the heap); return a pointer to the struct instead", thrown.getMessage());
    }

    @Test
    void aStructResultOfAMebibyteLinks() {
        assertEquals(1 << 20, ArgumentSlots.MAX_STRUCT_RESULT);
        assertTrue(fits(Signature.parse("{[131072]i64}()"), false, false));
        Library.system().function("abs", "{[131072]i64}()");
    }

    @Test
    void aStructResultOfMoreThanAMebibyteIsRefusedForACallbackToo() {
        String expected = "INVALID_SIGNATURE: HugeResult: @NativeCallback(\"{[131073]i64}()\") returns a struct of"
                + " 1,048,584 bytes by value, more than the 1,048,576 fastffi passes that way (to link a call, FFM"
                + " looks at every element of such a struct, which for one of megabytes takes seconds and can"
                + " exhaust the heap); return a pointer to the struct instead.";
        FfiException thrown = assertThrows(FfiException.class, () -> Upcall.of(HugeResult.class, () -> new Huge(new long[131073])));
        assertEquals(FfiException.Code.INVALID_SIGNATURE, thrown.code());
        assertEquals(expected, thrown.getMessage());
    }

    @Test
    @EnabledIf("x86")
    void theLinkersOwnRefusalOfAStructTooLargeToClassifyIsAnInvalidSignature() {
        Signature signature = Signature.parse("{[999999999]i64, [999999999]i64, [999999999]i64}()");
        FfiException thrown = assertThrows(FfiException.class,
                () -> Downcalls.link(signature, Downcalls.carriers(signature)));
        assertEquals(FfiException.Code.INVALID_SIGNATURE, thrown.code());
        assertEquals("INVALID_SIGNATURE: \"" + signature + "\" passes or returns a struct by value larger than the"
                + " platform's linker takes; pass a pointer to the struct instead", thrown.getMessage());
    }

    @Test
    void theLinkersOwnRefusalIsAnInvalidSignature() {
        Signature signature = Signature.parse("i32(" + String.join(", ", Collections.nCopies(253, "i32")) + ")");
        FfiException thrown = assertThrows(FfiException.class,
                () -> Downcalls.link(signature, Downcalls.carriers(signature)));
        assertEquals(FfiException.Code.INVALID_SIGNATURE, thrown.code());
        assertEquals("INVALID_SIGNATURE: \"" + signature + "\" has 253 arguments, more than the platform's linker"
                + " takes: it has " + ArgumentSlots.LIMIT + " argument slots (FFM refused the call: bad parameter count"
                + " 256); " + ArgumentSlots.ADVICE, thrown.getMessage());
    }

    @Test
    void aCallbackOfMoreArgumentsThanTheLinkerTakesIsAnInvalidSignature() {
        String expected = "INVALID_SIGNATURE: WideCallback: @NativeCallback(\"" + WIDE + "\") has 127 arguments, more"
                + " than the platform's linker takes: they need 254 argument slots and it has 252 (at most 252"
                + " arguments of 4 bytes or less, or 126 of 8 bytes; a struct by value takes 2 per 8 bytes, and errno,"
                + " a struct result and variadic arguments 2 more"
                + " (errno 3 when the result is an 8-byte number)); " + ArgumentSlots.ADVICE + ".";
        WideCallback target = (WideCallback) Proxy.newProxyInstance(WideCallback.class.getClassLoader(),
                new Class<?>[] {WideCallback.class}, (proxy, method, args) -> 0L);
        MemorySegment abs = Library.system().find("abs").orElseThrow();

        FfiException upcall = assertThrows(FfiException.class, () -> Upcall.of(WideCallback.class, target));
        FfiException view = assertThrows(FfiException.class,
                () -> Library.system().function(WideCallback.class, abs));

        assertEquals(FfiException.Code.INVALID_SIGNATURE, upcall.code());
        assertEquals(expected, upcall.getMessage());
        assertEquals(FfiException.Code.INVALID_SIGNATURE, view.code());
        assertEquals(expected, view.getMessage());
    }

    @Test
    void theLinkersOwnRefusalOfACallbackIsAnInvalidSignature() {
        Signature signature = Signature.parse(WIDE);
        Method method = WideCallback.class.getMethods()[0];
        FfiException thrown = assertThrows(FfiException.class, () -> UpcallStubs.template(CallbackMethod.of(WideCallback.class, method), signature));
        assertEquals(FfiException.Code.INVALID_SIGNATURE, thrown.code());
        assertEquals("INVALID_SIGNATURE: \"" + signature + "\" has 127 arguments, more than the platform's linker"
                + " takes: it has " + ArgumentSlots.LIMIT + " argument slots (FFM refused the call: bad parameter count"
                + " 256); " + ArgumentSlots.ADVICE, thrown.getMessage());
    }

    /** {@code result(type x count)}, variadic after its first argument when {@code variadic}. */
    private static Signature signature(String result, String type, int count, boolean variadic) {
        String arguments = String.join(", ", Collections.nCopies(count, type));
        return Signature.parse(result + "(" + (variadic ? "i32, " + arguments + ", ..." : arguments) + ")");
    }

    private static boolean fits(Signature signature, boolean errno, boolean critical) {
        return ArgumentSlots.problem(signature, signature.parameters(), errno, critical).isEmpty();
    }

    /** Empty when FFM links the signature; otherwise the start of its refusal. */
    private static Optional<String> links(Signature signature, boolean errno, boolean critical) {
        List<Linker.Option> options = new java.util.ArrayList<>(List.of(Downcalls.options(critical, errno)));
        if (signature.variadic()) {
            Signature full = new Signature(signature.returnType(), signature.parameters(), false, signature.structs());
            options.add(Linker.Option.firstVariadicArg(1));
            return link(full, options, errno);
        }
        return link(signature, options, errno);
    }

    /** As the runtime links it: with errno, wrapped as {@link ErrnoState#capturing} wraps it, which takes slots too. */
    private static Optional<String> link(Signature signature, List<Linker.Option> options, boolean errno) {
        try {
            MethodHandle handle = Linker.nativeLinker().downcallHandle(
                    Downcalls.descriptor(signature, Downcalls.carriers(signature), true),
                    options.toArray(Linker.Option[]::new));
            if (errno) {
                ErrnoState.capturing(handle, Downcalls.captureIndex(signature));
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage().replaceAll(" \\d+$", ""));
        }
    }
}
