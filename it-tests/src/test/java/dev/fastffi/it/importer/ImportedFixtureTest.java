package dev.fastffi.it.importer;

import static dev.fastffi.it.importer.ImportedSources.assertSame;
import static dev.fastffi.it.importer.ImportedSources.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.FastFfi;
import dev.fastffi.Library;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fixture's own C sources, every file of them, imported, compiled with the processor and called:
 * every function the importer bound is called with arguments whose result C fixes (the tables of
 * fixture.c and structs.c here, of the other files in {@link ImportedFileCases}), so a wrong width,
 * sign, struct layout or callback mapping in the import shows up as a wrong value.
 */
class ImportedFixtureTest {
    private static final String C = "src/test/c/";
    /** Every C file of the fixture library; a file added there without a case here fails {@link #everyFixtureFileIsImported}. */
    static final List<String> FILES = List.of("fixture.c", "structs.c", "callbacks.c", "strings.c", "structptr.c",
            "memory.c", "pointer_arrays.c", "async.c", "callback_fields.c", "limits.c");
    static ImportedSources imported;
    static Library library;
    static Arena arena;

    /** One call: the arguments and the result C gives for them. */
    record Case(Object expected, Object[] args) {}

    @BeforeAll
    static void importFixture() throws Exception {
        imported = ImportedSources.importAndCompile("dev.fastffi.it.imported.fixture", FILES.stream().map(f -> C + f)
                .toArray(String[]::new));
        library = Library.open(System.getProperty("fastffi.fixture"));
        arena = Arena.ofShared();
    }

    @AfterAll
    static void close() {
        ImportedFileCases.closeUpcalls();
        library.close();
        arena.close();
    }

    @Test
    void everyFunctionOfFixtureCIsCalledAndGivesWhatCReturns() throws Throwable {
        callAll("Fixture", fixtureCases());
    }

    @Test
    void everyFunctionOfStructsCIsCalledAndGivesWhatCReturns() throws Throwable {
        callAll("Structs", structCases());
    }

    @Test
    void everyFunctionOfCallbacksCIsCalledAndGivesWhatCReturns() throws Throwable {
        callFile("Callbacks", ImportedFileCases::callbacks);
    }

    @Test
    void everyFunctionOfStringsCIsCalledAndGivesWhatCReturns() throws Throwable {
        callFile("Strings", ImportedFileCases::strings);
    }

    @Test
    void everyFunctionOfStructptrCIsCalledAndOwnedResultsAreFreedByC() throws Throwable {
        callFile("Structptr", ImportedFileCases::structPointers);
    }

    @Test
    void everyFunctionOfMemoryCIsCalledAndGivesWhatCReturns() throws Throwable {
        callFile("Memory", ImportedFileCases::memory);
    }

    @Test
    void everyFunctionOfPointerArraysCIsCalledAndGivesWhatCReturns() throws Throwable {
        callFile("PointerArrays", ImportedFileCases::pointerArrays);
    }

    @Test
    void everyFunctionOfAsyncCIsCalledAndGivesWhatCReturns() throws Throwable {
        callFile("Async", ImportedFileCases::async);
    }

    @Test
    void everyFunctionOfCallbackFieldsCIsCalledAndGivesWhatCReturns() throws Throwable {
        callFile("CallbackFields", ImportedFileCases::callbackFields);
    }

    @Test
    void everyFunctionOfLimitsCIsCalledWithEveryArgumentInItsPlace() throws Throwable {
        callFile("Limits", ImportedFileCases::limits);
    }

    @Test
    void everyFixtureFileIsImportedAndEveryFunctionBound() throws Throwable {
        try (Stream<Path> files = Files.list(Path.of(C))) {
            assertEquals(new TreeSet<>(FILES), files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".c"))
                    .collect(Collectors.toCollection(TreeSet::new)), "the files this test imports are the fixture's");
        }
        for (String name : List.of("Fixture", "Structs", "Callbacks", "Strings", "Structptr", "Memory", "PointerArrays",
                "Async", "CallbackFields", "Limits")) {
            Class<?> type = imported.type(name);
            Object binding = library.bind(type);
            List<CallPlan> plans = FastFfi.describe(type);
            assertEquals(methodNames(type), plans.stream().map(CallPlan::method)
                    .collect(Collectors.toCollection(TreeSet::new)), name + ": a call plan for every function");
            for (CallPlan plan : plans) {
                assertTrue(FastFfi.isAvailable(binding, plan.method()), name + "." + plan.method());
                if (!Boolean.parseBoolean(System.getProperty(FastFfi.FAST_PROPERTY, "true"))) {
                    assertEquals(CallPath.COMPAT, plan.path(), name + "." + plan.method());
                }
            }
        }
    }

    @Test
    void staticFunctionsOfTheFixtureAreLeftOutWithAComment() throws Exception {
        String callbacks = Files.readString(Path.of("target", "imported",
                "dev.fastffi.it.imported.fixture", "src", "dev", "fastffi", "it", "imported", "fixture", "Callbacks.java"));
        for (String helper : List.of("cb_thread_main", "cb_add", "cb_sub", "cb_widen", "cb_count", "cb_swap",
                "cb_point_double", "cb_point_sum", "cb_point_make_here")) {
            assertTrue(callbacks.contains("// not bound: " + helper + " is static, so no library exports it"), helper);
        }
    }

    private interface CaseTable {
        Map<String, Case> cases(ImportedFileCases.Bound bound) throws Throwable;
    }

    private static void callFile(String interfaceName, CaseTable table) throws Throwable {
        Class<?> type = imported.type(interfaceName);
        Object binding = library.bind(type);
        callAll(type, binding, table.cases(new ImportedFileCases.Bound(type, binding)));
    }

    @Test
    void payloadNaNsKeepTheirBits() throws Throwable {
        Class<?> type = imported.type("Fixture");
        Object binding = library.bind(type);
        assertEquals(0x7fc12345, Float.floatToRawIntBits((Float) call(binding, type, "payload_nan_f32")));
        assertEquals(0x7ff80000deadbeefL, Double.doubleToRawLongBits((Double) call(binding, type, "payload_nan_f64")));
    }

    static void callAll(String interfaceName, Map<String, Case> cases) throws Throwable {
        Class<?> type = imported.type(interfaceName);
        callAll(type, library.bind(type), cases);
    }

    /**
     * Calls every case, in order; a key is the function's name, or {@code name#what} for a further call
     * of the same function.
     */
    static void callAll(Class<?> type, Object binding, Map<String, Case> cases) throws Throwable {
        assertEquals(methodNames(type), cases.keySet().stream().map(key -> key.replaceAll("#.*", ""))
                        .collect(Collectors.toCollection(TreeSet::new)),
                "every imported function has a case, and every case an imported function");
        for (Map.Entry<String, Case> entry : cases.entrySet()) {
            Object actual = call(binding, type, entry.getKey().replaceAll("#.*", ""), entry.getValue().args());
            if (entry.getValue().expected() instanceof Predicate<?> predicate) {
                @SuppressWarnings("unchecked")
                Predicate<Object> test = (Predicate<Object>) predicate;
                assertTrue(test.test(actual), entry.getKey() + " gave " + actual);
            } else {
                assertSame(entry.getValue().expected(), actual, entry.getKey());
            }
        }
    }

    static Set<String> methodNames(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    static Object[] args(Object... args) {
        return args;
    }

    private static MemorySegment bytes(int... values) {
        MemorySegment segment = arena.allocate(Math.max(1, values.length) * 8L);
        for (int i = 0; i < values.length; i++) {
            segment.set(ValueLayout.JAVA_BYTE, i, (byte) values[i]);
        }
        return segment;
    }

    private static Map<String, Case> fixtureCases() {
        Map<String, Case> c = new LinkedHashMap<>();
        c.put("noop", new Case(null, args()));
        c.put("add_i32", new Case(7, args(3, 4)));
        c.put("slow_sum", new Case(45L, args(10)));
        // the counter is the library's, shared with other tests of this JVM: only its sign is known here
        c.put("bump_counter", new Case((Predicate<Object>) count -> (Integer) count > 0, args()));
        c.put("read_counter", new Case((Predicate<Object>) count -> (Integer) count > 0, args()));
        c.put("sum_narrow", new Case(-1 + 255 + -2 + 65535, args((byte) -1, (byte) -1, (short) -2, (char) 65535)));
        c.put("echo_bool", new Case(true, args(true)));
        c.put("true_bool", new Case(true, args()));
        c.put("false_bool", new Case(false, args()));
        c.put("bool_as_i32", new Case(1, args(true)));
        c.put("echo_i8", new Case((byte) -5, args((byte) -5)));
        c.put("min_i8", new Case(Byte.MIN_VALUE, args()));
        c.put("max_i8", new Case(Byte.MAX_VALUE, args()));
        c.put("i8_as_i32", new Case(-1, args((byte) -1)));
        c.put("echo_u8", new Case((byte) 200, args((byte) 200)));
        c.put("max_u8", new Case((byte) 255, args()));
        c.put("u8_as_u32", new Case(255, args((byte) -1)));
        c.put("echo_i16", new Case((short) -300, args((short) -300)));
        c.put("min_i16", new Case(Short.MIN_VALUE, args()));
        c.put("max_i16", new Case(Short.MAX_VALUE, args()));
        c.put("i16_as_i32", new Case(-2, args((short) -2)));
        c.put("echo_u16", new Case((char) 60000, args((char) 60000)));
        c.put("max_u16", new Case((char) 65535, args()));
        c.put("u16_as_u32", new Case(65535, args((char) 65535)));
        c.put("echo_i32", new Case(-7, args(-7)));
        c.put("min_i32", new Case(Integer.MIN_VALUE, args()));
        c.put("max_i32", new Case(Integer.MAX_VALUE, args()));
        c.put("i32_as_i64", new Case(-1L, args(-1)));
        c.put("echo_u32", new Case(-1, args(-1)));
        c.put("max_u32", new Case(-1, args()));
        c.put("u32_as_u64", new Case(4294967295L, args(-1)));
        c.put("echo_i64", new Case(Long.MIN_VALUE + 1, args(Long.MIN_VALUE + 1)));
        c.put("min_i64", new Case(Long.MIN_VALUE, args()));
        c.put("max_i64", new Case(Long.MAX_VALUE, args()));
        c.put("echo_u64", new Case(-2L, args(-2L)));
        c.put("max_u64", new Case(-1L, args()));
        c.put("is_max_u64", new Case(1, args(-1L)));
        c.put("high_u32_of_u64", new Case(0x12345678, args(0x12345678_9abcdef0L)));
        c.put("echo_isize", new Case(-9L, args(-9L)));
        c.put("min_isize", new Case(Long.MIN_VALUE, args()));
        c.put("max_isize", new Case(Long.MAX_VALUE, args()));
        c.put("echo_ssize", new Case(-3L, args(-3L)));
        c.put("echo_usize", new Case(-1L, args(-1L)));
        c.put("max_usize", new Case(-1L, args()));
        c.put("is_max_usize", new Case(1, args(-1L)));
        c.put("echo_f32", new Case(1.5f, args(1.5f)));
        c.put("nan_f32", new Case(Float.NaN, args()));
        c.put("inf_f32", new Case(Float.POSITIVE_INFINITY, args()));
        c.put("neg_inf_f32", new Case(Float.NEGATIVE_INFINITY, args()));
        c.put("neg_zero_f32", new Case(-0.0f, args()));
        c.put("payload_nan_f32", new Case(Float.NaN, args()));
        c.put("u32_bits_of_f32", new Case(0x3fc00000, args(1.5f)));
        c.put("f32_of_u32_bits", new Case(1.5f, args(0x3fc00000)));
        c.put("echo_f64", new Case(-2.25, args(-2.25)));
        c.put("nan_f64", new Case(Double.NaN, args()));
        c.put("inf_f64", new Case(Double.POSITIVE_INFINITY, args()));
        c.put("neg_inf_f64", new Case(Double.NEGATIVE_INFINITY, args()));
        c.put("neg_zero_f64", new Case(-0.0, args()));
        c.put("payload_nan_f64", new Case(Double.NaN, args()));
        c.put("u64_bits_of_f64", new Case(0x3ff8000000000000L, args(1.5)));
        c.put("f64_of_u64_bits", new Case(1.5, args(0x3ff8000000000000L)));
        MemorySegment cell = arena.allocate(ValueLayout.JAVA_INT);
        cell.set(ValueLayout.JAVA_INT, 0, 1234);
        c.put("echo_pointer", new Case(cell, args(cell)));
        c.put("pointer_to_address", new Case(cell.address(), args(cell)));
        c.put("address_to_pointer", new Case(MemorySegment.ofAddress(cell.address()), args(cell.address())));
        c.put("is_null", new Case(1, args(MemorySegment.NULL)));
        c.put("null_pointer", new Case(MemorySegment.NULL, args()));
        c.put("read_i32", new Case(1234, args(cell)));
        c.put("sum_i8", new Case(-3L, args(bytes(-1, -2), 2L)));
        c.put("sum_u8", new Case(255L + 254, args(bytes(-1, -2), 2L)));
        c.put("sum_i16", new Case(-1L, args(bytes(-1, -1), 1L)));
        c.put("sum_u16", new Case(65535L, args(bytes(-1, -1), 1L)));
        c.put("sum_i32", new Case(-1L, args(bytes(-1, -1, -1, -1), 1L)));
        c.put("sum_i64", new Case(-1L, args(bytes(-1, -1, -1, -1, -1, -1, -1, -1), 1L)));
        c.put("sum_f32", new Case(1.5, args(arena.allocateFrom(ValueLayout.JAVA_FLOAT, 1.0f, 0.5f), 2L)));
        c.put("sum_f64", new Case(3.5, args(arena.allocateFrom(ValueLayout.JAVA_DOUBLE, 1.5, 2.0), 2L)));
        for (String type : new String[] {"u8", "i16", "u16", "i32", "i64", "f32", "f64"}) {
            c.put("increment_" + type, new Case(null, args(arena.allocate(16), 1L)));
        }
        c.put("count_nonzero", new Case(2L, args(bytes(1, 0, 3), 3L)));
        MemorySegment to = arena.allocateFrom(ValueLayout.JAVA_INT, 1, 2);
        c.put("add_into_i32", new Case(30L, args(to, arena.allocateFrom(ValueLayout.JAVA_INT, 10, 20), 2L)));
        c.put("byte_length", new Case(5L, args("héllo".substring(0, 4))));
        c.put("string_equals_bytes", new Case(1, args("ab", bytes('a', 'b'), 2L)));
        c.put("echo_string", new Case("héllo", args("héllo")));
        c.put("static_ascii", new Case("hello, world", args()));
        c.put("static_utf8", new Case("héllo wörld ✓", args()));
        c.put("static_empty", new Case("", args()));
        c.put("null_string", new Case(null, args()));
        c.put("slow_sum_u8", new Case(6L, args(bytes(1, 2), 2L, 2)));
        c.put("slow_strlen", new Case(3L, args("abc", 2)));
        c.put("fail_with_errno", new Case(-1, args(2)));
        c.put("mix_scalars", new Case(mixScalars(), args(true, (byte) -1, (byte) -1, (short) -1, (char) 65535, -1, -1,
                -1L, -1L, -1L, -1L, 1.5f, 2.5, MemorySegment.NULL)));
        return c;
    }

    /** What mix_scalars folds for its arguments, computed as its C source does, so that each position is checked. */
    private static long mixScalars() {
        long[] values = {1, -1, 255, -1, 65535, -1, 4294967295L, -1, -1, -1, -1, Float.floatToRawIntBits(1.5f) & 0xFFFFFFFFL,
            Double.doubleToRawLongBits(2.5), 0};
        long h = 0;
        for (long v : values) {
            h ^= v + 0x9e3779b97f4a7c15L + (h << 6) + (h >>> 2);
            h *= 0xff51afd7ed558ccdL;
        }
        return h;
    }

    private static Map<String, Case> structCases() throws ReflectiveOperationException {
        Map<String, Case> c = new LinkedHashMap<>();
        Object small = imported.record("StSmall", 1, 2);
        c.put("st_small_add", new Case(imported.record("StSmall", 4, 6), args(small, imported.record("StSmall", 3, 4))));
        c.put("st_small_dot", new Case(11, args(small, imported.record("StSmall", 3, 4))));
        c.put("st_small_make", new Case(small, args(1, 2)));
        c.put("st_medium_scale", new Case(imported.record("StMedium", 6, 4.5f, 7.5),
                args(imported.record("StMedium", 2, 1.5f, 2.5), 3)));
        c.put("st_medium_total", new Case(6.0, args(imported.record("StMedium", 2, 1.5f, 2.5))));
        Object large = imported.record("StLarge", 1.5, 7L, 3);
        c.put("st_large_next", new Case(imported.record("StLarge", 3.0, 8L, -3), args(large)));
        c.put("st_large_sum", new Case(1 + 1.5 + 7 + 3 + 2, args(1, large, 2)));
        c.put("st_padded_next", new Case(imported.record("StPadded", (byte) 0, 2.0), args(imported.record("StPadded", (byte) 255, 4.0))));
        c.put("st_padded_tag", new Case(255, args(imported.record("StPadded", (byte) 255, 4.0))));
        c.put("st_nested_move", new Case(imported.record("StNested", (byte) 2, imported.record("StSmall", 11, 22), 5.0),
                args(imported.record("StNested", (byte) 1, imported.record("StSmall", 10, 20), 0.5), 1, 2)));
        Object arrays = imported.record("StArrays", 1, new int[] {1, 2, 3, 4}, new float[] {0.5f, 1.5f});
        c.put("st_arrays_reverse", new Case(imported.record("StArrays", 1, new int[] {4, 3, 2, 1}, new float[] {1.5f, 0.5f}),
                args(arrays)));
        c.put("st_arrays_sum", new Case(13L, args(arrays)));
        MemorySegment base = arena.allocate(8);
        c.put("st_tagged_next", new Case(imported.record("StTagged", MemorySegment.ofAddress(base.address() + 1), 6L),
                args(imported.record("StTagged", base, 3L))));
        MemorySegment smalls = arena.allocateFrom(ValueLayout.JAVA_INT, 1, 2, 3, 4);
        c.put("st_small_total", new Case(12L + 34L, args(smalls, 2)));
        MemorySegment padded = arena.allocate(16);
        c.put("st_padded_bump", new Case(null, args(padded, 1)));
        c.put("st_small_shift_va", new Case(imported.record("StSmall", 16, 2), args(small, 2, new Object[] {5, 10})));
        c.put("st_flags_flip", new Case(imported.record("StFlags", false, (char) 8, (short) 3, (byte) 0),
                args(imported.record("StFlags", true, (char) 7, (short) -3, (byte) 1))));
        return c;
    }

    @Test
    void importedStructPointersAreWrittenByC() throws Throwable {
        Class<?> type = imported.type("Structs");
        Object binding = library.bind(type);
        MemorySegment padded = arena.allocate(16);
        padded.set(ValueLayout.JAVA_BYTE, 0, (byte) 7);
        padded.set(ValueLayout.JAVA_DOUBLE, 8, 1.25);
        call(binding, type, "st_padded_bump", padded, 1);
        assertEquals(8, padded.get(ValueLayout.JAVA_BYTE, 0));
        assertEquals(2.5, padded.get(ValueLayout.JAVA_DOUBLE, 8));
    }
}
