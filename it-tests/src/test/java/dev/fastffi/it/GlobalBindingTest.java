package dev.fastffi.it;

import static dev.fastffi.it.Fixture.assertFfiException;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeLibrary;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code FastFfi.load} gives a binding whose FAST methods call handles with the address bound in
 * and check nothing before the call (the library is never closed). These tests load the fixture
 * that way, by name through {@code java.library.path}, and check every kind of FAST body against
 * the binding of the same interface on a closeable {@code Library}: same results, same errors.
 */
class GlobalBindingTest {
    @NativeLibrary("fastffi_fixture")
    interface GlobalNarrowIntegers extends NarrowIntegers {}

    @NativeLibrary("fastffi_fixture")
    interface GlobalWideIntegers extends WideIntegers {}

    @NativeLibrary("fastffi_fixture")
    interface GlobalFloats extends Floats {}

    @NativeLibrary("fastffi_fixture")
    interface GlobalArrays extends ArrayBuffers {}

    @NativeLibrary("fastffi_fixture")
    interface GlobalCriticalArrays extends CriticalArrayBuffers {}

    @NativeLibrary("fastffi_fixture")
    interface GlobalMixed {
        @NativeFunction("pointer(pointer)")
        MemorySegment echo_pointer(MemorySegment p);

        @NativeFunction(value = "i32(i32)", symbol = "async_opt_present", optional = true)
        int present(int x);

        @NativeFunction(value = "i32(i32)", symbol = "async_opt_missing", optional = true)
        int missing(int x);

        @NativeFunction(value = "i32(i32, i32)", symbol = "add_i32")
        CompletableFuture<Integer> addLater(int a, int b);

        @NativeFunction(value = "i32(i32, i32)", symbol = "add_i32")
        Integer addBoxed(Integer a, Integer b);
    }

    private static Library closeable;

    @BeforeAll
    static void open() {
        closeable = Fixture.open();
    }

    @AfterAll
    static void close() {
        closeable.close();
    }

    @Test
    void loadUsesTheGlobalBindingAndBindOnAClosableLibraryDoesNot() {
        GlobalNarrowIntegers global = FastFfi.load(GlobalNarrowIntegers.class);
        GlobalNarrowIntegers bound = closeable.bind(GlobalNarrowIntegers.class);
        if (Fixture.fastPathEnabled()) {
            assertEquals(GlobalNarrowIntegers.class.getName() + "$FastFfi", global.getClass().getName());
            // the generated class defined again for the closeable library, its addresses its own
            assertTrue(bound.getClass().isHidden(), bound.getClass()::getName);
            assertTrue(bound.getClass().getName().startsWith(GlobalNarrowIntegers.class.getName() + "$FastFfi/"),
                    bound.getClass()::getName);
        } else {
            assertNotEquals(GlobalNarrowIntegers.class.getName() + "$FastFfi", global.getClass().getName());
        }
        assertEquals(42, global.echoI8AsInt(42));
        assertEquals(42, bound.echoI8AsInt(42));
    }

    @Test
    void scalarMethodsReturnWhatTheClosableBindingReturns() throws Exception {
        differential(NarrowIntegers.class, FastFfi.load(GlobalNarrowIntegers.class),
                closeable.bind(NarrowIntegers.class));
        differential(WideIntegers.class, FastFfi.load(GlobalWideIntegers.class), closeable.bind(WideIntegers.class));
        differential(Floats.class, FastFfi.load(GlobalFloats.class), closeable.bind(Floats.class));
    }

    @Test
    void outOfRangeArgumentsAreRejectedWithTheSameMessage() {
        GlobalNarrowIntegers global = FastFfi.load(GlobalNarrowIntegers.class);
        FfiException thrown = assertFfiException(FfiException.Code.INVALID_ARGUMENT, () -> global.echoU8AsInt(256));
        assertTrue(thrown.getMessage().matches(
                "INVALID_ARGUMENT: \\S*libfastffi_fixture\\S* echo_u8, argument 0 \\(u8\\): .*256.*"), thrown.getMessage());
    }

    @Test
    void copiedAndCriticalBuffersWorkAsOnTheClosableBinding() {
        GlobalArrays global = FastFfi.load(GlobalArrays.class);
        ArrayBuffers bound = closeable.bind(ArrayBuffers.class);
        byte[] bytes = {1, -2, 3, -4, 127};
        assertEquals(bound.sumI8(bytes, bytes.length), global.sumI8(bytes, bytes.length));
        assertEquals(bound.sumU8(bytes, bytes.length), global.sumU8(bytes, bytes.length));
        int[] ints = {1, 2, 3};
        global.incrementInts(ints, ints.length);
        assertArrayEquals(new int[] {2, 3, 4}, ints);
        double[] doubles = {0.5, -1.5};
        global.incrementDoubles(doubles, doubles.length);
        assertArrayEquals(new double[] {1.5, -0.5}, doubles);

        GlobalCriticalArrays critical = FastFfi.load(GlobalCriticalArrays.class);
        CriticalArrayBuffers boundCritical = closeable.bind(CriticalArrayBuffers.class);
        assertEquals(boundCritical.sumI8(bytes, bytes.length), critical.sumI8(bytes, bytes.length));
        assertEquals(boundCritical.sumU8(bytes, bytes.length), critical.sumU8(bytes, bytes.length));
        assertEquals(bound.sumU8(bytes, bytes.length), critical.sumU8(bytes, bytes.length));
    }

    @Test
    void pointersAsOnTheClosableBinding() {
        GlobalMixed global = FastFfi.load(GlobalMixed.class);
        assertEquals(0x1234L, global.echo_pointer(MemorySegment.ofAddress(0x1234)).address());
        assertEquals(MemorySegment.NULL, global.echo_pointer(MemorySegment.NULL));
        FfiException heap = assertFfiException(FfiException.Code.INVALID_ARGUMENT,
                () -> global.echo_pointer(MemorySegment.ofArray(new byte[4])));
        assertTrue(heap.getMessage().contains(" echo_pointer, argument 0 (pointer): "), heap.getMessage());
    }

    @Test
    void aMissingOptionalSymbolThrowsSymbolNotFoundAndThePresentOneIsCalled() {
        GlobalMixed global = FastFfi.load(GlobalMixed.class);
        assertTrue(FastFfi.isAvailable(global, "present"));
        assertFalse(FastFfi.isAvailable(global, "missing"));
        assertEquals(closeable.function("async_opt_present", "i32(i32)").invoke(5), global.present(5));
        for (int attempt = 0; attempt < 2; attempt++) {
            FfiException thrown = assertFfiException(FfiException.Code.SYMBOL_NOT_FOUND, () -> global.missing(1));
            assertTrue(thrown.getMessage().matches("SYMBOL_NOT_FOUND: symbol 'async_opt_missing' not found in"
                    + " \\S*libfastffi_fixture\\S*; it is optional, so bind succeeded, and FastFfi.isAvailable"
                    + " tells before calling"), thrown.getMessage());
        }
    }

    @Test
    void asynchronousAndCompatMethodsOfTheGlobalBindingStillWork() throws Exception {
        GlobalMixed global = FastFfi.load(GlobalMixed.class);
        assertEquals(42, global.addLater(40, 2).get(10, TimeUnit.SECONDS));
        assertEquals(42, global.addBoxed(40, 2));
        assertFfiException(FfiException.Code.INVALID_ARGUMENT, () -> global.addBoxed(null, 2));
    }

    @Test
    void loadingTwiceGivesBindingsThatShareTheHandles() {
        GlobalNarrowIntegers first = FastFfi.load(GlobalNarrowIntegers.class);
        GlobalNarrowIntegers second = FastFfi.load(GlobalNarrowIntegers.class);
        assertEquals(first.getClass(), second.getClass());
        assertEquals(first.echoI16AsInt(-7), second.echoI16AsInt(-7));
    }

    /**
     * Calls every method of {@code iface} on both bindings with boundary values of its parameter
     * types; each pair must return equal values or throw the same code and message, library aside.
     */
    private static void differential(Class<?> iface, Object global, Object bound) throws Exception {
        List<Supplier<String>> failures = new ArrayList<>();
        int calls = 0;
        for (Method method : iface.getMethods()) {
            for (Object[] arguments : argumentSets(method.getParameterTypes())) {
                Object expected = invokeQuietly(method, bound, arguments);
                Object actual = invokeQuietly(method, global, arguments);
                calls++;
                if (!Objects.equals(expected, actual)) {
                    failures.add(() -> method.getName() + Arrays.toString(arguments) + ": closeable " + expected
                            + ", global " + actual);
                }
            }
        }
        assertTrue(calls > iface.getMethods().length, "calls: " + calls);
        assertAll(failures.stream().map(failure -> () -> assertEquals("", failure.get())));
    }

    private static final Map<Class<?>, List<Object>> BOUNDARIES = Map.of(
            boolean.class, List.of(false, true),
            byte.class, List.of((byte) 0, (byte) 1, (byte) -1, Byte.MIN_VALUE, Byte.MAX_VALUE),
            short.class, List.of((short) 0, (short) -1, Short.MIN_VALUE, Short.MAX_VALUE),
            char.class, List.of((char) 0, (char) 1, Character.MAX_VALUE),
            int.class, List.of(0, 1, -1, 127, 128, 255, 256, -129, 65_535, 65_536, Integer.MIN_VALUE, Integer.MAX_VALUE),
            long.class, List.of(0L, -1L, 1L << 32, 4_294_967_295L, -4_294_967_296L, Long.MIN_VALUE, Long.MAX_VALUE),
            float.class, List.of(0f, -0f, 1.5f, Float.NaN, Float.NEGATIVE_INFINITY, Float.MIN_VALUE),
            double.class, List.of(0d, -0d, 1.5d, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE));

    /** No parameters: one call; one parameter: each boundary; more: each boundary in every position. */
    private static List<Object[]> argumentSets(Class<?>[] types) {
        List<Object[]> sets = new ArrayList<>();
        if (types.length == 0) {
            sets.add(new Object[0]);
            return sets;
        }
        for (int position = 0; position < types.length; position++) {
            for (Object value : BOUNDARIES.get(types[position])) {
                Object[] arguments = new Object[types.length];
                for (int i = 0; i < types.length; i++) {
                    arguments[i] = i == position ? value : BOUNDARIES.get(types[i]).get(0);
                }
                sets.add(arguments);
            }
        }
        return sets;
    }

    /** The result, or {@code CODE: message} with the library's name taken out. */
    private static Object invokeQuietly(Method method, Object target, Object... arguments) {
        try {
            method.setAccessible(true);
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof FfiException thrown) {
                return thrown.getMessage().replaceAll("\\S*libfastffi_fixture\\S*", "<library>");
            }
            throw new AssertionError(method + " threw", e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
