package dev.fastffi.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.Errno;
import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.annotations.NativeLibrary;
import dev.fastffi.internal.CompatFunction;
import dev.fastffi.internal.Strings;
import dev.fastffi.internal.memory.Scratch;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Methods whose only non-fast types are String arguments: COMPAT by contract, with a
 * generated body that copies each string into scratch memory and calls the exact handle. Each
 * test runs on a closeable library and on the global one of {@code FastFfi.load}, whose binding
 * overrides these methods too. With {@code -Dfastffi.fast=false} the same tests run through
 * {@code CompatFunction} and must pass unchanged.
 */
class GeneratedStringCallTest {
    private static final String NUL_PROBLEM = "the String contains a NUL character at index %d, which C would read"
            + " as its end; pass the bytes as a buffer instead";
    private static final String STRING_REASON = "argument 0 is String: strings need a temporary UTF-8 copy; pass a"
            + " byte[] with a trailing 0 as 'buffer' to stay fast";
    /** Larger than the scratch block a thread keeps, so the copy takes the overflow path. */
    private static final int LONG = (int) Scratch.MAX_RETAINED + 1000;

    @NativeLibrary("fastffi_fixture")
    interface GlobalStringCalls extends StringCalls {}

    enum Binding { CLOSEABLE, GLOBAL }

    private static Library library;
    private static final Map<Binding, StringCalls> BINDINGS = new EnumMap<>(Binding.class);

    @BeforeAll
    static void open() {
        library = Fixture.open();
        BINDINGS.put(Binding.CLOSEABLE, library.bind(StringCalls.class));
        BINDINGS.put(Binding.GLOBAL, FastFfi.load(GlobalStringCalls.class));
    }

    @AfterAll
    static void close() {
        library.close();
    }

    static Stream<Arguments> texts() {
        List<String> texts = List.of("hello", "h\u00e9llo w\u00f6rld \u2713", "caf\u00e9", "",
                "\uD83D\uDE00 outside the BMP", "a lone \uD800 surrogate", "x".repeat(1000));
        return Arrays.stream(Binding.values()).flatMap(binding -> texts.stream().map(t -> Arguments.of(binding, t)));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void cReceivesTheUtf8BytesAndATerminatingNul(Binding binding, String text) {
        StringCalls calls = BINDINGS.get(binding);
        byte[] utf8 = text.getBytes(UTF_8);
        assertEquals(utf8.length, calls.byteLength(text));
        assertEquals(1, calls.equalsBytes(text, utf8, utf8.length));
        assertEquals(1, calls.equalsBytesCritical(text, utf8, utf8.length));
        assertEquals(0, calls.compare(text, new String(utf8, UTF_8)));
    }

    @ParameterizedTest
    @EnumSource(Binding.class)
    void aBufferNextToAStringIsCopiedBackAfterTheCall(Binding binding) {
        byte[] utf8 = "h\u00e9llo".getBytes(UTF_8);
        byte[] out = new byte[4];
        assertEquals(utf8.length, BINDINGS.get(binding).copyString("h\u00e9llo", out, out.length));
        assertArrayEquals(Arrays.copyOf(utf8, 4), out);
    }

    @ParameterizedTest
    @EnumSource(Binding.class)
    void aNarrowIntegerNextToAStringIsRangeChecked(Binding binding) {
        StringCalls calls = BINDINGS.get(binding);
        assertEquals(2, calls.countByte("abca", 'a'));
        assertEquals(2, calls.countByte("\u00e9t\u00e9", 0xC3), "the first byte of each \u00e9 in UTF-8");
        Fixture.assertInvalidArgument("count_byte, argument 1 (u8): 256 is outside 0..255",
                () -> calls.countByte("abc", 256));
        Fixture.assertInvalidArgument("count_byte, argument 1 (u8): -1 is outside 0..255",
                () -> calls.countByte(null, -1));
    }

    @ParameterizedTest
    @EnumSource(Binding.class)
    void aStructNextToAStringIsPassedAndReturnedByValue(Binding binding) {
        StringCalls calls = BINDINGS.get(binding);
        assertEquals(new StringCalls.Offset(13, -4), calls.offsetByLength("h\u00e9llo", new StringCalls.Offset(7, -4)));
        Fixture.assertInvalidArgument("offset_by_length, argument 0 (string): " + NUL_PROBLEM.formatted(0),
                () -> calls.offsetByLength("\0", new StringCalls.Offset(0, 0)));
    }

    @ParameterizedTest
    @EnumSource(Binding.class)
    void twoStringsArriveInTheirOrder(Binding binding) {
        StringCalls calls = BINDINGS.get(binding);
        assertEquals(-1, calls.compare("a", "b"));
        assertEquals(1, calls.compare("b", "a"));
        assertEquals(0, calls.compare("\u00e9\u2713", "\u00e9\u2713"));
    }

    @ParameterizedTest
    @EnumSource(Binding.class)
    void nullStringArgumentsArriveAsNull(Binding binding) {
        StringCalls calls = BINDINGS.get(binding);
        assertEquals(1, calls.isNull(null));
        assertEquals(0, calls.isNull(""));
        assertEquals(-1L, calls.byteLength(null), "byte_length returns SIZE_MAX for NULL");
        assertEquals(-1L, calls.countByte(null, 'a'), "count_byte returns SIZE_MAX for NULL");
        assertEquals(-1, calls.compare(null, "a"));
        assertEquals(1, calls.compare("a", null));
        assertEquals(0, calls.compare(null, null));
    }

    @ParameterizedTest
    @EnumSource(Binding.class)
    void stringContainingNulIsAnInvalidArgumentNamingItsIndex(Binding binding) {
        StringCalls calls = BINDINGS.get(binding);
        Fixture.assertInvalidArgument("byte_length, argument 0 (string): " + NUL_PROBLEM.formatted(2),
                () -> calls.byteLength("ab\0cd"));
        Fixture.assertInvalidArgument("compare_strings, argument 1 (string): " + NUL_PROBLEM.formatted(0),
                () -> calls.compare("ok", "\0"));
        Fixture.assertInvalidArgument("string_equals_bytes, argument 0 (string): " + NUL_PROBLEM.formatted(1),
                () -> calls.equalsBytesCritical("\u00e9\0", new byte[3], 3));
    }

    @ParameterizedTest
    @EnumSource(Binding.class)
    void argumentsAreCheckedInOrderSoTheFirstBadOneIsReported(Binding binding) {
        StringCalls calls = BINDINGS.get(binding);
        Fixture.assertInvalidArgument("count_byte, argument 0 (string): " + NUL_PROBLEM.formatted(1),
                () -> calls.countByte("a\0b", 256));
        Fixture.assertInvalidArgument("compare_strings, argument 0 (string): " + NUL_PROBLEM.formatted(0),
                () -> calls.compare("\0", "\0"));
    }

    @ParameterizedTest
    @EnumSource(Binding.class)
    void stringsLargerThanTheRetainedScratchArePassedWhole(Binding binding) {
        StringCalls calls = BINDINGS.get(binding);
        String ascii = "x".repeat(LONG);
        String utf8 = "h\u00e9llo w\u00f6rld \u2713".repeat(LONG / 16);
        assertEquals(LONG, calls.byteLength(ascii));
        assertEquals(utf8.getBytes(UTF_8).length, calls.byteLength(utf8));
        assertEquals(0, calls.compare(ascii, "x".repeat(LONG)), "two oversized copies in one call");
        assertEquals(1, calls.compare(ascii + "y", ascii));
        Fixture.assertScratchWithinRetainedBound();
    }

    @ParameterizedTest
    @EnumSource(Binding.class)
    void scratchMemoryIsReleasedAfterEveryCallAndEveryError(Binding binding) {
        StringCalls calls = BINDINGS.get(binding);
        long before = Scratch.current().mark();
        assertEquals(0, calls.compare("same", "same"));
        assertEquals(before, Scratch.current().mark());
        // the first string is already copied when the second is refused
        Fixture.assertInvalidArgument("compare_strings, argument 1 (string): " + NUL_PROBLEM.formatted(1),
                () -> calls.compare("x".repeat(LONG), "a\0"));
        assertEquals(before, Scratch.current().mark());
        Fixture.assertInvalidArgument("count_byte, argument 1 (u8): 300 is outside 0..255",
                () -> calls.countByte("abc", 300));
        assertEquals(before, Scratch.current().mark());
    }

    @ParameterizedTest
    @EnumSource(Binding.class)
    void errnoIsCapturedRightAfterAStringCall(Binding binding) {
        StringCalls calls = BINDINGS.get(binding);
        assertEquals(-1, calls.failWithErrnoOfLength("abcde"));
        assertEquals(5, Errno.last());
        assertEquals(-1, calls.failWithErrnoOfLength("\u00e9"));
        assertEquals(2, Errno.last());
    }

    @ParameterizedTest
    @EnumSource(Binding.class)
    void asynchronousStringCallCompletesWithTheResultOrTheError(Binding binding) throws Exception {
        StringCalls calls = BINDINGS.get(binding);
        assertEquals(3L, calls.byteLengthLater("h\u00e9").get(30, TimeUnit.SECONDS));
        CompletableFuture<Long> refused = calls.byteLengthLater("a\0");
        ExecutionException failed = assertThrows(ExecutionException.class, () -> refused.get(30, TimeUnit.SECONDS));
        FfiException cause = assertInstanceOf(FfiException.class, failed.getCause());
        Fixture.assertInvalidArgument("byte_length, argument 0 (string): " + NUL_PROBLEM.formatted(1), () -> {
            throw cause;
        });
    }

    @ParameterizedTest
    @EnumSource(Binding.class)
    void aMissingOptionalSymbolThrowsSymbolNotFoundBeforeTheStringIsLookedAt(Binding binding) {
        StringCalls calls = BINDINGS.get(binding);
        Pattern expected = Pattern.compile("SYMBOL_NOT_FOUND: symbol 'no_such_string_function' not found in"
                + " \\S*libfastffi_fixture\\S*; it is optional, so bind succeeded, and FastFfi.isAvailable tells"
                + " before calling");
        for (String text : new String[] {"abc", "a\0", null}) {
            String message = Fixture.assertFfiException(FfiException.Code.SYMBOL_NOT_FOUND,
                    () -> calls.missing(text)).getMessage();
            assertTrue(expected.matcher(message).matches(), message);
        }
    }

    @Test
    void callAfterCloseThrowsLibraryClosedBeforeTheStringIsLookedAt() throws Exception {
        Library closing = Fixture.open();
        StringCalls calls = closing.bind(StringCalls.class);
        assertEquals(3, calls.byteLength("abc"));
        closing.close();
        long before = Scratch.current().mark();
        assertLibraryClosed("byte_length", () -> calls.byteLength("abc"));
        assertLibraryClosed("byte_length", () -> calls.byteLength("a\0"));
        assertLibraryClosed("byte_length", () -> calls.byteLength(null));
        assertLibraryClosed("count_byte", () -> calls.countByte("abc", 256));
        assertLibraryClosed("compare_strings", () -> calls.compare("x".repeat(LONG), "x"));
        assertEquals(before, Scratch.current().mark());
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> calls.byteLengthLater("abc").get(30, TimeUnit.SECONDS));
        FfiException cause = assertInstanceOf(FfiException.class, failed.getCause());
        assertLibraryClosed("byte_length", () -> {
            throw cause;
        });
    }

    @Test
    void describeStillCallsStringMethodsCompatWithTheStringReason() {
        Map<String, CallPlan> plans = FastFfi.describe(StringCalls.class).stream()
                .collect(Collectors.toMap(CallPlan::method, Function.identity()));
        for (String method : List.of("byteLength", "isNull", "equalsBytes", "equalsBytesCritical", "copyString",
                "countByte", "compare", "offsetByLength", "failWithErrnoOfLength", "missing")) {
            assertEquals(CallPath.COMPAT, plans.get(method).path(), method);
            assertEquals(Fixture.fastPathEnabled() ? STRING_REASON : Fixture.FAST_DISABLED_REASON,
                    plans.get(method).reason(), method);
        }
    }

    /**
     * The stack of a refused string shows what called {@code Strings.in}: the generated method (on
     * a closeable library, its hidden copy, which stack traces leave out), or {@code CompatFunction}
     * when {@code -Dfastffi.fast=false} puts every call on it.
     */
    @ParameterizedTest
    @EnumSource(Binding.class)
    void theGeneratedBodyCopiesTheStringWithoutCompatFunction(Binding binding) {
        StringCalls calls = BINDINGS.get(binding);
        StackTraceElement[] stack = assertThrows(FfiException.class, () -> calls.byteLength("\0")).getStackTrace();
        List<String> frames = Arrays.stream(stack).limit(8).map(f -> f.getClassName() + "." + f.getMethodName())
                .toList();
        int copy = frames.indexOf(Strings.class.getName() + ".in");
        assertTrue(copy >= 0, frames::toString);
        boolean compat = frames.stream().anyMatch(frame -> frame.startsWith(CompatFunction.class.getName() + "."));
        if (Fixture.fastPathEnabled()) {
            // a closeable library's binding is a hidden class, whose frames stack traces leave out:
            // the caller comes right after the copy
            String next = binding == Binding.GLOBAL
                    ? GlobalStringCalls.class.getName() + "$FastFfi.byteLength"
                    : GeneratedStringCallTest.class.getName() + ".";
            assertTrue(frames.get(copy + 1).startsWith(next), frames::toString);
            assertTrue(!compat, frames::toString);
        } else {
            assertTrue(compat, frames::toString);
        }
    }

    /** {@code LIBRARY_CLOSED: <library> <symbol>: the library was closed; no native code ran}. */
    private static void assertLibraryClosed(String symbol, Executable call) {
        String message = Fixture.assertFfiException(FfiException.Code.LIBRARY_CLOSED, call).getMessage();
        Pattern expected = Pattern.compile("LIBRARY_CLOSED: \\S*libfastffi_fixture\\S* " + Pattern.quote(symbol)
                + ": the library was closed; no native code ran");
        assertTrue(expected.matcher(message).matches(), message);
    }
}
