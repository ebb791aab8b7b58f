package dev.fastffi.model;

import static dev.fastffi.model.JavaTypes.Support.COMPAT;
import static dev.fastffi.model.JavaTypes.Support.FAST;
import static dev.fastffi.model.JavaTypes.Support.NONE;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.model.JavaTypes.Support;
import java.lang.foreign.MemorySegment;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java types each scalar C type accepts, checked row by row against the type table,
 * written out here apart from {@link JavaTypes}, for arguments and for results.
 */
class JavaTypesTest {

    private static final String SEGMENT = MemorySegment.class.getName();
    private static final String BIG_INTEGER = BigInteger.class.getName();

    /** Every Java type a row could mention, plus a few no row allows. */
    private static final List<String> CANDIDATES = List.of(
            "boolean", "byte", "short", "char", "int", "long", "float", "double",
            box(Boolean.class), box(Byte.class), box(Short.class), box(Character.class), box(Integer.class),
            box(Long.class), box(Float.class), box(Double.class), box(Number.class), box(Object.class),
            box(String.class), BIG_INTEGER, SEGMENT, box(ByteBuffer.class), "byte[]", "int[]", "long[]");

    /**
     * One row of the table. {@code compatAtLeast}/{@code compatAtMost} differ only where the
     * table says "boxed" without listing the boxes.
     */
    record Row(NativeType type, Set<String> fast, Set<String> compatAtLeast, Set<String> compatAtMost) {
        Row(NativeType type, Set<String> fast, Set<String> compat) {
            this(type, fast, compat, compat);
        }

        @Override
        public String toString() {
            return type.cName();
        }
    }

    static Stream<Row> table() {
        Set<String> integerBoxes = boxes(Byte.class, Short.class, Integer.class, Long.class);
        Set<String> integerBoxesAndCharacter = boxes(Byte.class, Short.class, Character.class, Integer.class, Long.class);
        return Stream.of(
                new Row(NativeType.BOOL, Set.of("boolean"), boxes(Boolean.class)),
                new Row(NativeType.I8, Set.of("byte", "int"), integerBoxes),
                new Row(NativeType.U8, Set.of("byte", "int"), integerBoxes),
                new Row(NativeType.I16, Set.of("short", "int"), boxes(Short.class, Integer.class),
                        integerBoxesAndCharacter),
                new Row(NativeType.U16, Set.of("char", "int"), boxes(Character.class, Integer.class),
                        integerBoxesAndCharacter),
                new Row(NativeType.I32, Set.of("int"), boxes(Integer.class), integerBoxes),
                new Row(NativeType.U32, Set.of("int", "long"), boxes(Integer.class, Long.class), integerBoxes),
                new Row(NativeType.I64, Set.of("long"), boxes(Long.class)),
                new Row(NativeType.ISIZE, Set.of("long"), boxes(Long.class)),
                new Row(NativeType.U64, Set.of("long"), Set.of(box(Long.class), BIG_INTEGER)),
                new Row(NativeType.USIZE, Set.of("long"), Set.of(box(Long.class), BIG_INTEGER)),
                new Row(NativeType.F32, Set.of("float"), boxes(Float.class)),
                new Row(NativeType.F64, Set.of("double"), boxes(Double.class)),
                new Row(NativeType.POINTER, Set.of(SEGMENT, "long"), Set.of(box(Long.class), BIG_INTEGER)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void argumentTypesMatchTheDesignTable(Row row) {
        assertRowMatches(row, JavaTypes::argument);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void resultTypesMatchTheDesignTable(Row row) {
        assertRowMatches(row, JavaTypes::result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"java.lang.String", "byte[]", "int[]", "java.nio.ByteBuffer", "java.lang.Object"})
    void pointerNeverAcceptsStringsArraysOrBuffers(String javaType) {
        assertEquals(NONE, JavaTypes.argument(NativeType.POINTER, javaType));
        assertEquals(NONE, JavaTypes.result(NativeType.POINTER, javaType));
    }

    @Test
    void voidResultIsFastAsVoidAndCompatAsBoxedVoid() {
        assertEquals(FAST, JavaTypes.result(NativeType.VOID, "void"));
        assertEquals(COMPAT, JavaTypes.result(NativeType.VOID, box(Void.class)));
        assertEquals(NONE, JavaTypes.result(NativeType.VOID, "int"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"void", "java.lang.Void", "int", "java.lang.Object"})
    void voidAcceptsNoArgumentType(String javaType) {
        assertEquals(NONE, JavaTypes.argument(NativeType.VOID, javaType));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void allowedArgumentsListTheFastTypesFirst(Row row) {
        List<String> allowed = JavaTypes.allowedArguments(row.type());
        List<String> fastOnes = allowed.subList(0, row.fast().size());

        assertEquals(row.fast(), Set.copyOf(fastOnes), allowed.toString());
        assertTrue(allowed.stream().allMatch(t -> JavaTypes.argument(row.type(), t) != NONE), allowed.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void allowedResultsListTheFastTypesFirst(Row row) {
        List<String> allowed = JavaTypes.allowedResults(row.type());
        List<String> fastOnes = allowed.subList(0, row.fast().size());

        assertEquals(row.fast(), Set.copyOf(fastOnes), allowed.toString());
        assertTrue(allowed.stream().allMatch(t -> JavaTypes.result(row.type(), t) != NONE), allowed.toString());
    }

    @ParameterizedTest
    @EnumSource(value = NativeType.class, names = {"VOID", "BUFFER", "FUNCTION", "STRING", "STRUCT", "STRUCT_POINTER"},
            mode = EnumSource.Mode.EXCLUDE)
    void everyScalarTypeHasARowInTheTable(NativeType type) {
        assertTrue(table().anyMatch(row -> row.type() == type), type.cName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"byte[]", "short[]", "char[]", "int[]", "long[]", "float[]", "double[]",
        "java.lang.foreign.MemorySegment", "java.nio.ByteBuffer"})
    void bufferAcceptsPrimitiveArraysSegmentsAndByteBuffers(String javaType) {
        assertTrue(JavaTypes.argument(NativeType.BUFFER, javaType) != NONE, javaType);
    }

    @ParameterizedTest
    @ValueSource(strings = {"boolean[]", "java.lang.String", "java.lang.Object", "long", "java.lang.Byte[]"})
    void bufferRefusesEverythingElse(String javaType) {
        assertEquals(NONE, JavaTypes.argument(NativeType.BUFFER, javaType));
    }

    @Test
    void bufferTakesSegmentArraysFastAndStringArraysCompat() {
        assertAll(
                () -> assertEquals(FAST, JavaTypes.argument(NativeType.BUFFER, "java.lang.foreign.MemorySegment[]")),
                () -> assertEquals(COMPAT, JavaTypes.argument(NativeType.BUFFER, "java.lang.String[]")),
                () -> assertEquals(NONE, JavaTypes.argument(NativeType.POINTER, "java.lang.foreign.MemorySegment[]")),
                () -> assertEquals(NONE, JavaTypes.argument(NativeType.STRING, "java.lang.String[]")),
                () -> assertEquals(NONE, JavaTypes.result(NativeType.POINTER, "java.lang.String[]")));
    }

    @Test
    void stringIsOnlyEverACompatString() {
        assertAll(
                () -> assertEquals(COMPAT, JavaTypes.argument(NativeType.STRING, "java.lang.String")),
                () -> assertEquals(COMPAT, JavaTypes.result(NativeType.STRING, "java.lang.String")),
                () -> assertEquals(NONE, JavaTypes.argument(NativeType.STRING, SEGMENT)),
                () -> assertEquals(NONE, JavaTypes.argument(NativeType.STRING, "byte[]")),
                () -> assertEquals(NONE, JavaTypes.argument(NativeType.STRING, "java.lang.CharSequence")));
    }

    @Test
    void simpleNameDropsThePackage() {
        assertAll(
                () -> assertEquals("MemorySegment", JavaTypes.simpleName(SEGMENT)),
                () -> assertEquals("Integer", JavaTypes.simpleName("java.lang.Integer")),
                () -> assertEquals("int", JavaTypes.simpleName("int")));
    }

    private static void assertRowMatches(Row row, BiFunction<NativeType, String, Support> support) {
        List<String> problems = new ArrayList<>();
        for (String candidate : CANDIDATES) {
            Support actual = support.apply(row.type(), candidate);
            Support expected = row.fast().contains(candidate) ? FAST
                    : row.compatAtLeast().contains(candidate) ? COMPAT
                    : row.compatAtMost().contains(candidate) ? actual == NONE ? NONE : COMPAT
                    : NONE;
            if (actual != expected) {
                problems.add(candidate + " is " + actual + ", the table says " + expected);
            }
        }
        assertEquals(List.of(), problems, row.type().cName());
    }

    private static String box(Class<?> type) {
        return type.getName();
    }

    private static Set<String> boxes(Class<?>... types) {
        return Stream.of(types).map(Class::getName).collect(Collectors.toUnmodifiableSet());
    }
}
