package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.model.ArgumentSlots;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.Signature;
import java.lang.foreign.Linker;
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
        for (String result : List.of("i32", "{i64, i64}", "{i64, i64, i64}")) {
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
    @EnabledIf("x86")
    void aStructResultTooLargeForTheLinkerIsAnInvalidSignature() {
        String signature = "{[999999999]i64, [999999999]i64, [999999999]i64}()";
        FfiException thrown = assertThrows(FfiException.class, () -> Library.system().function("abs", signature));
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
            return link(full, options);
        }
        return link(signature, options);
    }

    private static Optional<String> link(Signature signature, List<Linker.Option> options) {
        try {
            Linker.nativeLinker().downcallHandle(Downcalls.descriptor(signature, Downcalls.carriers(signature), true),
                    options.toArray(Linker.Option[]::new));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage().replaceAll(" \\d+$", ""));
        }
    }
}
