package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.CallOption;
import dev.fastffi.DynamicFunction;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import java.util.Collections;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls with as many arguments as the platform's linker takes arrive intact; one more is
 * {@code INVALID_SIGNATURE} with the count and the limit, never a raw JDK exception.
 */
class ArgumentLimitTest {
    private static final String TOO_MANY_TAIL = " argument slots and it has 252 (at most 252 arguments of 4 bytes or"
            + " less, or 126 of 8 bytes; a struct by value takes 2 per 8 bytes, and errno, a struct result and variadic"
            + " arguments 2 more (errno 3 when the result is an 8-byte number)); pass some arguments in memory,"
            + " e.g. as a buffer or a struct pointer";
    private static Library library;

    @BeforeAll
    static void open() {
        library = Fixture.open();
    }

    @AfterAll
    static void close() {
        library.close();
    }

    /** The weighted sum C computes: argument i times i + 1. */
    private static long weighted(long[] values) {
        return IntStream.range(0, values.length).mapToLong(i -> (i + 1) * values[i]).sum();
    }

    private static String signature(String type, int count) {
        return "i64(" + String.join(", ", Collections.nCopies(count, type)) + ")";
    }

    @Test
    void aGeneratedBindingPassesAll126EightByteArguments() {
        long[] v = LongStream.range(0, 126).map(i -> i % 2 == 0 ? -i * 1_000_000_007L : i).toArray();
        long result = library.bind(WideSignatures.class).weightedSum(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7],
                v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21], v[22],
                v[23], v[24], v[25], v[26], v[27], v[28], v[29], v[30], v[31], v[32], v[33], v[34], v[35], v[36], v[37],
                v[38], v[39], v[40], v[41], v[42], v[43], v[44], v[45], v[46], v[47], v[48], v[49], v[50], v[51], v[52],
                v[53], v[54], v[55], v[56], v[57], v[58], v[59], v[60], v[61], v[62], v[63], v[64], v[65], v[66], v[67],
                v[68], v[69], v[70], v[71], v[72], v[73], v[74], v[75], v[76], v[77], v[78], v[79], v[80], v[81], v[82],
                v[83], v[84], v[85], v[86], v[87], v[88], v[89], v[90], v[91], v[92], v[93], v[94], v[95], v[96], v[97],
                v[98], v[99], v[100], v[101], v[102], v[103], v[104], v[105], v[106], v[107], v[108], v[109], v[110],
                v[111], v[112], v[113], v[114], v[115], v[116], v[117], v[118], v[119], v[120], v[121], v[122], v[123],
                v[124], v[125]);
        assertEquals(weighted(v), result);
    }

    @Test
    void invokePassesAll252FourByteArguments() {
        Object[] args = IntStream.range(0, 252).mapToObj(i -> i % 3 == 0 ? -i : i * 7).toArray();
        long[] values = IntStream.range(0, 252).mapToLong(i -> i % 3 == 0 ? -i : i * 7).toArray();
        assertEquals(weighted(values), library.function("lim_i32", signature("i32", 252)).invoke(args));
    }

    @Test
    void invokePassesAll126EightByteArguments() {
        Object[] args = LongStream.range(0, 126).mapToObj(i -> Long.MIN_VALUE / 256 + i).toArray();
        long[] values = LongStream.range(0, 126).map(i -> Long.MIN_VALUE / 256 + i).toArray();
        DynamicFunction function = library.function("lim_i64", signature("i64", 126));
        assertEquals(weighted(values), function.invoke(args));
    }

    @Test
    void oneFourByteArgumentMoreIsAnInvalidSignature() {
        String signature = signature("i32", 253);
        FfiException thrown = Fixture.assertFfiException(FfiException.Code.INVALID_SIGNATURE,
                () -> library.function("lim_i32", signature));
        assertEquals("INVALID_SIGNATURE: " + library.name() + " lim_i32: \"" + signature + "\" has 253 arguments,"
                + " more than the platform's linker takes: they need 253" + TOO_MANY_TAIL, thrown.getMessage());
    }

    @Test
    void oneEightByteArgumentMoreIsAnInvalidSignature() {
        String signature = signature("i64", 127);
        FfiException thrown = Fixture.assertFfiException(FfiException.Code.INVALID_SIGNATURE,
                () -> library.function("lim_i64", signature));
        assertEquals("INVALID_SIGNATURE: " + library.name() + " lim_i64: \"" + signature + "\" has 127 arguments,"
                + " more than the platform's linker takes: they need 254" + TOO_MANY_TAIL, thrown.getMessage());
    }

    @Test
    void capturingErrnoOfAnEightByteResultTakesOneArgumentLess() {
        // links (lim_i64 itself takes 126, so it is not called with 124)
        DynamicFunction function = library.function("lim_i64", signature("i64", 124), CallOption.ERRNO);
        assertEquals(124, function.handle().type().parameterCount());
        String signature = signature("i64", 125);
        FfiException thrown = Fixture.assertFfiException(FfiException.Code.INVALID_SIGNATURE,
                () -> library.function("lim_i64", signature, CallOption.ERRNO));
        assertEquals("INVALID_SIGNATURE: " + library.name() + " lim_i64: \"" + signature + "\" has 125 arguments,"
                + " more than the platform's linker takes: they need 253" + TOO_MANY_TAIL, thrown.getMessage());
    }

    @Test
    void aVariadicCallWithMoreArgumentsThanTheLinkerTakesIsAnInvalidSignature() {
        DynamicFunction variadic = library.function("lim_i32", "i64(i32, ...)");
        Object[] args = IntStream.range(0, 253).boxed().toArray();
        FfiException thrown = Fixture.assertFfiException(FfiException.Code.INVALID_SIGNATURE, () -> variadic.invoke(args));
        assertEquals("INVALID_SIGNATURE: " + library.name() + " lim_i32: \"i64(i32, ...)\" has 253 arguments,"
                + " more than the platform's linker takes: they need 255" + TOO_MANY_TAIL, thrown.getMessage());
    }
}
