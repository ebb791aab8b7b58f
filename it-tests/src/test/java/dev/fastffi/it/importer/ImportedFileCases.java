package dev.fastffi.it.importer;

import static dev.fastffi.it.importer.ImportedFixtureTest.arena;
import static dev.fastffi.it.importer.ImportedFixtureTest.args;
import static dev.fastffi.it.importer.ImportedFixtureTest.imported;
import static dev.fastffi.it.importer.ImportedFixtureTest.library;

import dev.fastffi.NativeMemory;
import dev.fastffi.Upcall;
import dev.fastffi.it.importer.ImportedFixtureTest.Case;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The calls of the fixture files beyond fixture.c and structs.c, as C's sources fix their results. A
 * function that keeps a callback gets an {@link Upcall} that stays open until the test class ends;
 * memory C hands over is given back to the fixture's own free function; a function pointer C returns
 * is called through the view the binding gives for its typedef's callback interface, or, for a
 * {@code void *} result, through {@code Library.function} with the signature the C source gives it.
 */
final class ImportedFileCases {
    private static final List<Upcall<?>> UPCALLS = new ArrayList<>();

    private ImportedFileCases() {}

    /** An imported interface and its binding, for calls a case makes before or after its own. */
    record Bound(Class<?> type, Object binding) {
        Object call(String name, Object... args) throws Throwable {
            return ImportedSources.call(binding, type, name, args);
        }
    }

    /** A check of a result that may call C itself. */
    private interface Check {
        boolean test(Object result) throws Throwable;
    }

    private static Predicate<Object> check(Check check) {
        return result -> {
            try {
                return check.test(result);
            } catch (Throwable e) {
                throw new AssertionError("the check of " + result + " failed", e);
            }
        };
    }

    static void closeUpcalls() {
        UPCALLS.forEach(Upcall::close);
        UPCALLS.clear();
    }

    /** An upcall of an imported callback interface whose {@code call} runs body with its arguments. */
    private interface Body {
        Object apply(Object[] args) throws Throwable;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Upcall<?> upcall(String interfaceName, Body body) throws ClassNotFoundException {
        Class<?> type = imported.type(interfaceName);
        Object target = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "call" -> body.apply(args == null ? new Object[0] : args);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> interfaceName + " proxy";
                });
        Upcall<?> upcall = Upcall.of((Class) type, target);
        UPCALLS.add(upcall);
        return upcall;
    }

    /** Calls the view the binding returned for a function pointer typed by a typedef. */
    private static Object callFunction(String interfaceName, Object view, Object... args) throws Throwable {
        Class<?> type = imported.type(interfaceName);
        if (!type.isInstance(view)) {
            throw new AssertionError(view + " is not a " + interfaceName);
        }
        return ImportedSources.call(view, type, "call", args);
    }

    /** A callback object (no upcall): the runtime makes its stub when it is passed, for as long as it is reachable. */
    private static Object callbackObject(String interfaceName, Body body) throws ClassNotFoundException {
        Class<?> type = imported.type(interfaceName);
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "call" -> body.apply(args);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> interfaceName + " object";
                });
    }

    private static Object component(Object record, String name) throws ReflectiveOperationException {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component.getAccessor().invoke(record);
            }
        }
        throw new AssertionError(record + " has no component " + name);
    }

    @SuppressWarnings("unchecked")
    private static Record read(String struct, MemorySegment address) throws ClassNotFoundException {
        return NativeMemory.read((Class<Record>) imported.type(struct), address);
    }

    @SuppressWarnings("unchecked")
    private static StructLayout layout(String struct) throws ClassNotFoundException {
        return NativeMemory.layout((Class<? extends Record>) imported.type(struct));
    }

    private static MemorySegment write(Record value) {
        MemorySegment segment = arena.allocate(NativeMemory.layout(value.getClass()));
        NativeMemory.write(segment, value);
        return segment;
    }

    private static MemorySegment ints(int... values) {
        return arena.allocateFrom(ValueLayout.JAVA_INT, values);
    }

    private static MemorySegment pointers(MemorySegment... values) {
        MemorySegment array = arena.allocate(ValueLayout.ADDRESS, Math.max(1, values.length));
        for (int i = 0; i < values.length; i++) {
            array.setAtIndex(ValueLayout.ADDRESS, i, values[i]);
        }
        return array;
    }

    private static String cString(MemorySegment buffer) {
        return buffer.getString(0, StandardCharsets.UTF_8);
    }

    static Map<String, Case> callbacks(Bound c) throws Throwable {
        Map<String, Case> cases = new LinkedHashMap<>();
        Upcall<?> plusOne = upcall("CbIntOp", a -> (Integer) a[0] + 1);
        cases.put("cb_apply", new Case(42, args(plusOne, 41)));
        cases.put("cb_apply_twice", new Case(43, args(plusOne, 41)));
        // C zero-extends the u8 the callback returned: 254 + 1 arrives as 255, not -1
        cases.put("cb_apply_u8", new Case(255, args(upcall("CbU8Op", a -> (byte) ((Byte) a[0] + 1)), (byte) 254)));
        List<String> texts = new ArrayList<>();
        Upcall<?> sink = upcall("CbTextSink", a -> {
            texts.add(a[0] + "/" + a[1]);
            return null;
        });
        cases.put("cb_send_text", new Case(check(r -> r == null && texts.equals(List.of("héllo/5"))), args(sink)));
        // the callback stays stored in C until the test class ends, when its upcall closes
        cases.put("cb_store", new Case(null, args(plusOne)));
        cases.put("cb_call_stored", new Case(8, args(7)));
        cases.put("cb_keep", new Case(null, args(5, upcall("CbIntOp", a -> (Integer) a[0] * 3))));
        cases.put("cb_call_kept", new Case(21, args(5, 7)));
        cases.put("cb_call_kept#out of range", new Case(-1, args(99, 7)));
        cases.put("cb_apply_in_thread", new Case(-9, args(upcall("CbIntOp", a -> -(Integer) a[0]), 9)));
        cases.put("cb_then_fill", new Case(3, args(ints(0, 0, 0), 3, upcall("CbIntOp", a -> a[0]))));
        cases.put("variadic_sum_i32", new Case(60L, args(3, new Object[] {10, 20, 30})));
        cases.put("variadic_sum_mixed", new Case(7.5, args("ild", new Object[] {1, 4L, 2.5})));
        cases.put("variadic_sum_mixed#unknown type", new Case(-1.0, args("?", new Object[0])));
        // a function pointer result named by a typedef is a view of its callback interface; NULL is null
        cases.put("cb_binary_op", new Case(check(f -> callFunction("CbBinary", f, 7, 3).equals(4)), args(1)));
        cases.put("cb_binary_op#add", new Case(check(f -> callFunction("CbBinary", f, 7, 3).equals(10)), args(0)));
        cases.put("cb_binary_op#none", new Case(null, args(2)));
        // a dynamic u32 result arrives widened to long: 255 (the u8 zero-extended) + 1
        cases.put("cb_widen_op", new Case(check(f -> library.function((MemorySegment) f, "u32(u8, i64)")
                .invoke((byte) -1, 1L).equals(256L)), args()));
        // a dynamic usize result arrives as the unsigned value, a BigInteger
        cases.put("cb_count_op", new Case(check(f -> library.function((MemorySegment) f, "usize(string)")
                .invoke("abcd").equals(BigInteger.valueOf(4))), args()));
        // the comparator's view reads the ints its pointers point at
        cases.put("cb_compare_op", new Case(check(f -> callFunction("CbCompare", f, ints(1), ints(2)).equals(-1)
                && callFunction("CbCompare", f, ints(5), ints(5)).equals(0)), args()));
        Upcall<?> swap = upcall("CbPairOp", a -> imported.record("CbPair", component(a[0], "right"),
                component(a[0], "left")));
        cases.put("cb_pair_call", new Case(2001L, args(swap, 1, 2)));
        cases.put("cb_swap_op", new Case(check(f -> callFunction("CbPairOp", f, imported.record("CbPair", 1, 2))
                .equals(imported.record("CbPair", 2, 1))), args()));
        Upcall<?> mixed = upcall("CbMixedOp", a -> imported.record("CbMixed", (Double) component(a[0], "x") + (Integer) a[1],
                component(a[0], "tag"), (Long) component(a[0], "n") * 2));
        // {1.5, 200, 3} and k = 4 come back as {5.5, 200, 6}: the u8 tag is read unsigned by C
        cases.put("cb_mixed_call", new Case(5.5 + 200 + 6, args(mixed, 1.5, (byte) 200, 3L, 4)));
        List<Object> visited = new ArrayList<>();
        Upcall<?> visit = upcall("CbPointVisit", a -> {
            MemorySegment point = (MemorySegment) a[0];
            visited.add(point.equals(MemorySegment.NULL) ? "NULL" : point.byteSize());
            if (!point.equals(MemorySegment.NULL)) {
                point.set(ValueLayout.JAVA_INT, 0, point.get(ValueLayout.JAVA_INT, 0) + 10);
                point.set(ValueLayout.JAVA_INT, 4, point.get(ValueLayout.JAVA_INT, 4) * 2);
            }
            return null;
        });
        cases.put("cb_point_call", new Case(13_008L, args(visit, 3, 4)));
        cases.put("cb_point_null", new Case(check(r -> r.equals(1) && visited.equals(List.of(8L, "NULL"))), args(visit)));
        Upcall<?> product = upcall("CbPointRead", a -> {
            MemorySegment point = (MemorySegment) a[0];
            return point.equals(MemorySegment.NULL) ? -5
                    : point.get(ValueLayout.JAVA_INT, 0) * point.get(ValueLayout.JAVA_INT, 4);
        });
        cases.put("cb_point_apply", new Case(42, args(product, ints(6, 7))));
        cases.put("cb_point_apply#null", new Case(-5, args(product, MemorySegment.NULL)));
        MemorySegment made = ints(0, 0);
        Upcall<?> make = upcall("CbPointMake", a -> {
            int seed = (Integer) a[0];
            if (seed < 0) {
                return MemorySegment.NULL;
            }
            made.set(ValueLayout.JAVA_INT, 0, seed);
            made.set(ValueLayout.JAVA_INT, 4, seed * 2);
            return made;
        });
        cases.put("cb_point_made", new Case(5010L, args(make, 5)));
        cases.put("cb_point_made#null", new Case(-1L, args(make, -1)));
        MemorySegment doubled = ints(2, 3);
        cases.put("cb_point_double_op", new Case(check(f -> callFunction("CbPointVisit", f, doubled) == null
                && doubled.get(ValueLayout.JAVA_INT, 0) == 4 && doubled.get(ValueLayout.JAVA_INT, 4) == 6), args()));
        cases.put("cb_point_sum_op", new Case(check(f -> callFunction("CbPointRead", f, ints(2, 3)).equals(5)), args()));
        cases.put("cb_point_make_op", new Case(check(f -> read("CbPoint", (MemorySegment) callFunction("CbPointMake",
                f, 4)).equals(imported.record("CbPoint", 4, 5))), args()));
        return cases;
    }

    static Map<String, Case> strings(Bound c) throws Throwable {
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("count_byte", new Case(3L, args("banana", (byte) 'a')));
        cases.put("count_byte#high byte", new Case(2L, args("ßß", (byte) 0xc3)));
        cases.put("count_byte#null", new Case(-1L, args(null, (byte) 'a')));
        MemorySegment out = arena.allocate(8);
        cases.put("copy_string", new Case(check(r -> r.equals(5L) && cString(out).equals("hel")), args("hello", out, 3L)));
        cases.put("compare_strings", new Case(-1, args("a", "b")));
        cases.put("compare_strings#greater", new Case(1, args("b", "a")));
        cases.put("compare_strings#equal", new Case(0, args("é", "é")));
        cases.put("compare_strings#null first", new Case(-1, args(null, "a")));
        // the import does not capture errno (a person adds errno = true where they want it): only the result
        cases.put("fail_with_errno_of_length", new Case(-1, args("abc")));
        cases.put("offset_by_length", new Case(imported.record("StrOffset", 5, -2),
                args("héll", imported.record("StrOffset", 0, -2))));
        return cases;
    }

    static Map<String, Case> structPointers(Bound c) throws Throwable {
        Map<String, Case> cases = new LinkedHashMap<>();
        int frees = (Integer) c.call("sp_free_count");
        int nullFrees = (Integer) c.call("sp_null_free_count");
        cases.put("sp_sum", new Case(7, args(write((Record) imported.record("SpPoint", 3, 4)))));
        cases.put("sp_sum#null", new Case(-1, args(MemorySegment.NULL)));
        MemorySegment moved = write((Record) imported.record("SpPoint", 3, 4));
        cases.put("sp_move", new Case(check(r -> r == null && read("SpPoint", moved).equals(imported.record("SpPoint", 4, 2))),
                args(moved, 1, -2)));
        MemorySegment points = arena.allocate(8 * 3);
        points.set(ValueLayout.JAVA_INT, 4, 9);
        cases.put("sp_fill", new Case(check(r -> r.equals(2) && read("SpPoint", points.asSlice(16))
                .equals(imported.record("SpPoint", 2, 4))), args(points, 3)));
        int[] calls = {0};
        MemorySegment filled = arena.allocate(8 * 2);
        Upcall<?> callback = upcall("SpFillThenCallCallback", a -> {
            calls[0] += filled.get(ValueLayout.JAVA_INT, 12);
            return null;
        });
        // the callback sees what C filled before calling it: points[1].y = 1
        cases.put("sp_fill_then_call", new Case(check(r -> r == null && calls[0] == 1), args(filled, 2, callback)));
        cases.put("sp_padded_total", new Case(200.5, args(write((Record) imported.record("SpPadded", (byte) 200, 0.5)))));
        cases.put("sp_static", new Case(check(p -> {
            Record origin = read("SpPoint", (MemorySegment) p);
            return c.call("sp_sum", p).equals((Integer) component(origin, "x") + (Integer) component(origin, "y"));
        }), args()));
        cases.put("sp_null", new Case(MemorySegment.NULL, args()));
        // owned results go back to the fixture's free function, which counts them
        cases.put("sp_new", new Case(check(p -> {
            boolean made = read("SpPoint", (MemorySegment) p).equals(imported.record("SpPoint", 5, 6));
            c.call("sp_release", p);
            return made;
        }), args(5, 6)));
        cases.put("sp_new#null", new Case(MemorySegment.NULL, args(-1, 0)));
        cases.put("sp_greeting", new Case(check(p -> {
            boolean made = NativeMemory.string((MemorySegment) p).equals("hello wörld");
            c.call("sp_release", p);
            return made;
        }), args("wörld")));
        cases.put("sp_greeting#null", new Case(MemorySegment.NULL, args((Object) null)));
        cases.put("sp_release", new Case(null, args(MemorySegment.NULL)));
        cases.put("sp_free_count", new Case(frees + 2, args()));
        cases.put("sp_null_free_count", new Case(nullFrees + 1, args()));
        return cases;
    }

    static Map<String, Case> memory(Bound c) throws Throwable {
        Map<String, Case> cases = new LinkedHashMap<>();
        // sizeof, alignof and offsetof as gcc lays the structs out (mem_point, mem_item, mem_flags), and the
        // imported records (mem_flags is in no signature, so not imported) agree on the sizes
        long[] layouts = {8, 4, 0, 4, 40, 8, 0, 4, 16, 24, 32, 8, 2, 0, 2, 4, 6};
        Map<Integer, String> sizes = Map.of(0, "MemPoint", 4, "MemItem");
        for (int i = 0; i < layouts.length; i++) {
            long expected = layouts[i];
            String struct = sizes.get(i);
            cases.put("mem_layout" + (i == 0 ? "" : "#" + i), struct == null ? new Case(expected, args(i))
                    : new Case(check(r -> r.equals(expected) && layout(struct).byteSize() == expected), args(i)));
        }
        cases.put("mem_greeting", new Case("grüße aus C", args()));
        cases.put("mem_no_string", new Case(null, args()));
        cases.put("mem_words", new Case(check(words -> Arrays.equals(NativeMemory.strings((MemorySegment) words),
                new String[] {"alpha", "", "gamma"})), args()));
        // the item may have been written by other tests: Java's read of it must equal what C reads field by field
        cases.put("mem_item_get", new Case(check(p -> {
            MemorySegment at = (MemorySegment) p;
            Record item = read("MemItem", at);
            Object point = component(item, "at");
            short[] codes = (short[]) component(item, "codes");
            return c.call("mem_item_field", at, 0).equals((long) ((Byte) component(item, "tag") & 0xff))
                    && c.call("mem_item_field", at, 1).equals((long) (Integer) component(point, "x"))
                    && c.call("mem_item_field", at, 2).equals((long) (Integer) component(point, "y"))
                    && c.call("mem_item_field", at, 3).equals((long) ((Double) component(item, "weight") * 1000))
                    && c.call("mem_item_field", at, 4).equals((long) codes[0])
                    && c.call("mem_item_field", at, 5).equals((long) codes[1])
                    && c.call("mem_item_field", at, 6).equals((long) codes[2])
                    && c.call("mem_item_field", at, 7).equals(((MemorySegment) component(item, "next")).address());
        }), args()));
        MemorySegment item = write((Record) imported.record("MemItem", (byte) 250, imported.record("MemPoint", -1, 2), 0.5,
                new short[] {4, -5, 6}, MemorySegment.NULL));
        cases.put("mem_item_field", new Case(250L, args(item, 0)));
        cases.put("mem_item_field#y", new Case(2L, args(item, 2)));
        cases.put("mem_item_field#weight", new Case(500L, args(item, 3)));
        cases.put("mem_item_field#codes[1]", new Case(-5L, args(item, 5)));
        cases.put("mem_item_field#next", new Case(0L, args(item, 7)));
        // C keeps the point: it lives in the test class's arena, which outlives the later move
        MemorySegment kept = write((Record) imported.record("MemPoint", 1, 2));
        cases.put("mem_keep", new Case(null, args(kept)));
        cases.put("mem_kept_move", new Case(check(r -> r == null
                && read("MemPoint", kept).equals(imported.record("MemPoint", 11, 22))), args(10, 20)));
        cases.put("mem_add", new Case(5, args(2, 3)));
        cases.put("mem_adder", new Case(check(f -> callFunction("MemBinop", f, 2, 5).equals(7)), args()));
        cases.put("mem_no_function", new Case(null, args()));
        return cases;
    }

    static Map<String, Case> pointerArrays(Bound c) throws Throwable {
        Map<String, Case> cases = new LinkedHashMap<>();
        long cell0 = (Long) c.call("pa_cell", 0);
        MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
        cases.put("pa_open", new Case(check(r -> r.equals(0)
                && out.get(ValueLayout.ADDRESS, 0).address() == cell0 + 3 * 4), args("abc", out)));
        MemorySegment failed = pointers(MemorySegment.ofAddress(1));
        cases.put("pa_open#null", new Case(check(r -> r.equals(-1)
                && failed.get(ValueLayout.ADDRESS, 0).equals(MemorySegment.NULL)), args(null, failed)));
        cases.put("pa_cell", new Case(cell0 + 5 * 4, args(5)));
        MemorySegment pair = pointers(MemorySegment.ofAddress(16), MemorySegment.ofAddress(32));
        cases.put("pa_swap", new Case(check(r -> r == null && pair.getAtIndex(ValueLayout.ADDRESS, 0).address() == 32
                && pair.getAtIndex(ValueLayout.ADDRESS, 1).address() == 16), args(pair)));
        MemorySegment slots = pointers(MemorySegment.ofAddress(8), MemorySegment.ofAddress(8), MemorySegment.ofAddress(8));
        cases.put("pa_fill", new Case(check(r -> r == null && slots.getAtIndex(ValueLayout.ADDRESS, 0).address() == cell0
                && slots.getAtIndex(ValueLayout.ADDRESS, 1).equals(MemorySegment.NULL)
                && slots.getAtIndex(ValueLayout.ADDRESS, 2).address() == cell0 + 2 * 4), args(slots, 3)));
        cases.put("pa_sum", new Case(1L + 2 + 0x1_0000_0000L, args(pointers(MemorySegment.ofAddress(1),
                MemorySegment.ofAddress(2), MemorySegment.ofAddress(0x1_0000_0000L)), 3)));
        MemorySegment argv = pointers(arena.allocateFrom("a"), arena.allocateFrom("bé"), MemorySegment.NULL);
        cases.put("pa_argc", new Case(2, args(argv)));
        cases.put("pa_argc#null", new Case(-1, args(MemorySegment.NULL)));
        MemorySegment joined = arena.allocate(16);
        cases.put("pa_join", new Case(check(r -> r.equals(5L) && cString(joined).equals("a|bé")),
                args(argv, 2, joined, 16L)));
        cases.put("pa_join#too small", new Case(-1L, args(argv, 2, arena.allocate(4), 4L)));
        return cases;
    }

    static Map<String, Case> async(Bound c) throws Throwable {
        Map<String, Case> cases = new LinkedHashMap<>();
        MemorySegment counter = NativeMemory.view(library.find("glob_counter").orElseThrow(), 4);
        MemorySegment ratio = NativeMemory.view(library.find("glob_ratio").orElseThrow(), 8);
        MemorySegment pointer = NativeMemory.view(library.find("glob_pointer").orElseThrow(), 8);
        cases.put("async_opt_present", new Case(42, args(41)));
        // the globals are the library's, shared with other tests: C's reads must equal the variables
        cases.put("glob_read_counter", new Case(check(r -> r.equals(counter.get(ValueLayout.JAVA_INT, 0))), args()));
        cases.put("glob_read_ratio", new Case(check(r -> r.equals(ratio.get(ValueLayout.JAVA_DOUBLE, 0))), args()));
        cases.put("glob_read_pointer", new Case(check(r -> r.equals(pointer.get(ValueLayout.ADDRESS, 0))), args()));
        int before = counter.get(ValueLayout.JAVA_INT, 0);
        cases.put("glob_bump_counter", new Case(check(r -> r == null && counter.get(ValueLayout.JAVA_INT, 0) == before + 1),
                args()));
        cases.put("async_sleep_add", new Case(5, args(1, 2, 3)));
        cases.put("async_sleeping", new Case(0, args()));
        // no call waits at the gate here: it is closed and opened again, then passed
        cases.put("async_gate_close", new Case(null, args()));
        cases.put("async_gate_waiting", new Case(0, args()));
        cases.put("async_gate_open", new Case(null, args()));
        cases.put("async_pass_gate", new Case(9, args(9)));
        cases.put("async_u8_twice", new Case(400, args((byte) 200)));
        return cases;
    }

    static Map<String, Case> callbackFields(Bound c) throws Throwable {
        Map<String, Case> cases = new LinkedHashMap<>();
        // the op field is named by the typedef cf_op, so the record holds a CfOp: a view of C's function, or a
        // Java callback object
        Record square = (Record) c.call("cf_make", 1);
        Record negate = (Record) c.call("cf_make", 2);
        Object squareOp = component(square, "op");
        Object plusOne = callbackObject("CfOp", a -> (Long) a[0] + 1);
        cases.put("cf_make", new Case(check(h -> component(h, "tag").equals(1)
                && callFunction("CfOp", component(h, "op"), 5L).equals(25L)), args(1)));
        cases.put("cf_make#none", new Case(imported.record("CfHandler", 7, null), args(7)));
        cases.put("cf_make_at", new Case(check(p -> {
            Record h = read("CfHandler", (MemorySegment) p);
            return component(h, "tag").equals(2) && callFunction("CfOp", component(h, "op"), 3L).equals(-3L);
        }), args(2)));
        cases.put("cf_apply", new Case(17L, args(square, 4L)));
        cases.put("cf_apply#java op", new Case(11L + 3, args(imported.record("CfHandler", 3, plusOne), 10L)));
        cases.put("cf_apply#null op", new Case(-1L, args(imported.record("CfHandler", 1, null), 4L)));
        cases.put("cf_apply_at", new Case(-3L + 2, args(write(negate), 3L)));
        cases.put("cf_apply_at#java op", new Case(11L + 4, args(write((Record) imported.record("CfHandler", 4, plusOne)),
                10L)));
        cases.put("cf_apply_at#null", new Case(-2L, args(MemorySegment.NULL, 3L)));
        // C keeps the handler and calls it later: a C function here, so nothing in Java must stay reachable
        cases.put("cf_keep", new Case(null, args(negate)));
        cases.put("cf_call_kept", new Case(-5L + 2, args(5L)));
        MemorySegment handlers = arena.allocate(NativeMemory.layout(square.getClass()).byteSize() * 2, 8);
        NativeMemory.write(handlers, square);
        NativeMemory.write(handlers.asSlice(16), negate);
        cases.put("cf_swap_all", new Case(check(r -> r == null
                && c.call("cf_apply_at", handlers, 3L).equals(-3L + 2)
                && c.call("cf_apply_at", handlers.asSlice(16), 3L).equals(9L + 3)), args(handlers, 2)));
        Upcall<?> visit = upcall("CfVisitVisit", a -> (Integer) component(a[0], "tag") * 100L
                + (Long) callFunction("CfOp", component(a[0], "op"), 3L));
        cases.put("cf_visit", new Case(109L, args(visit, 1)));
        Upcall<?> produce = upcall("CfProduceProduce", a -> imported.record("CfHandler", a[0], squareOp));
        cases.put("cf_produce", new Case(25L + 2, args(produce, 2, 5L)));
        Upcall<?> produceJava = upcall("CfProduceProduce", a -> imported.record("CfHandler", a[0], plusOne));
        cases.put("cf_produce#java op", new Case(6L + 2, args(produceJava, 2, 5L)));
        return cases;
    }

    static Map<String, Case> limits(Bound c) {
        Map<String, Case> cases = new LinkedHashMap<>();
        // each argument is weighted by its position, so a value in the wrong place changes the sum
        Object[] ints = new Object[252];
        long intSum = 0;
        for (int i = 0; i < ints.length; i++) {
            int value = i % 3 == 0 ? -i * 1000 : i;
            ints[i] = value;
            intSum += (long) (i + 1) * value;
        }
        cases.put("lim_i32", new Case(intSum, ints));
        Object[] longs = new Object[126];
        long longSum = 0;
        for (int i = 0; i < longs.length; i++) {
            long value = i % 2 == 0 ? (long) i << 33 : -i;
            longs[i] = value;
            longSum += (i + 1) * value;
        }
        cases.put("lim_i64", new Case(longSum, longs));
        return cases;
    }
}
