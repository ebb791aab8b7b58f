package dev.fastffi.it.robustness;

import dev.fastffi.DynamicFunction;
import dev.fastffi.FastFfi;
import dev.fastffi.FfiException.Code;
import dev.fastffi.Library;
import dev.fastffi.Upcall;
import dev.fastffi.it.callbacks.Callbacks;
import dev.fastffi.it.callbacks.IntOp;
import dev.fastffi.it.callbacks.U8Op;
import dev.fastffi.it.robustness.BadInputMatrixTest.Case;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** The table of {@link BadInputMatrixTest}: wrong arguments on every path, then wrong libraries, symbols and signatures. */
final class BadInputCases {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    private static final String U64_RANGE = " is outside 0..18446744073709551615";
    private static final String MIX = "u64(bool, i8, u8, i16, u16, i32, u32, i64, u64, isize, usize, f32, f64, pointer)";
    private static final String[] MIX_TYPES =
            {"bool", "i8", "u8", "i16", "u16", "i32", "u32", "i64", "u64", "isize", "usize", "f32", "f64"};

    /** Calls one path of a narrow integer function with an int. */
    @FunctionalInterface
    private interface IntCall {
        Object call(int v);
    }

    private final AllPaths paths;
    private final List<Case> cases = new ArrayList<>();

    BadInputCases(AllPaths paths) {
        this.paths = paths;
    }

    List<Case> all() {
        outOfRangeNarrowIntegers();
        outOfRangeWideValues();
        outOfRangeAtLaterArguments();
        nullForEveryPrimitive();
        wrongJavaTypesOnInvoke();
        wrongArgumentCounts();
        buffersAndStringsWherePointersAreDeclared();
        wrongBuffersAndStrings();
        closedAndForeignSegments();
        wrongVariadicValues();
        closedLibraries();
        wrongCallbacks();
        unknownSymbols();
        unloadableLibraries();
        malformedSignatures();
        return List.copyOf(cases);
    }

    private void outOfRangeNarrowIntegers() {
        narrow("i8", "echo_i8", -128, 127, paths.fast::echoI8AsInt, paths.compiledCompat::echoI8AsInt,
                v -> paths.boxed.echoI8(Integer.valueOf(v)));
        narrow("u8", "echo_u8", 0, 255, paths.fast::echoU8AsInt, paths.compiledCompat::echoU8AsInt,
                v -> paths.boxed.echoU8(v));
        narrow("i16", "echo_i16", -32768, 32767, paths.fast::echoI16AsInt, paths.compiledCompat::echoI16AsInt,
                v -> paths.boxed.echoI16(Integer.valueOf(v)));
        narrow("u16", "echo_u16", 0, 65535, paths.fast::echoU16AsInt, paths.compiledCompat::echoU16AsInt,
                v -> paths.boxed.echoU16(Integer.valueOf(v)));
    }

    /** Just below and above the range and the ends of int, on the fast, compiled compat, boxed and dynamic paths. */
    private void narrow(String type, String symbol, long min, long max, IntCall fast, IntCall compiled, IntCall boxed) {
        DynamicFunction function = paths.function(symbol, type + "(" + type + ")");
        for (long v : new long[] {min - 1, max + 1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            int value = (int) v;
            String problem = v + " is outside " + min + ".." + max;
            argument(type + " " + v + " as int on the fast path", symbol, 0, type, problem, () -> fast.call(value));
            argument(type + " " + v + " as int on the compiled compat path", symbol, 0, type, problem,
                    () -> compiled.call(value));
            argument(type + " " + v + " as Integer on the boxed path", symbol, 0, type, problem, () -> boxed.call(value));
            argument(type + " " + v + " as Integer through invoke", symbol, 0, type, problem, () -> function.invoke(value));
            argument(type + " " + v + " as Long through invoke", symbol, 0, type, problem, () -> function.invoke(v));
        }
    }

    private void outOfRangeWideValues() {
        DynamicFunction u32 = paths.function("echo_u32", "u32(u32)");
        for (long v : new long[] {-1L, 1L << 32, Long.MIN_VALUE, Long.MAX_VALUE}) {
            String problem = v + " is outside 0..4294967295";
            argument("u32 " + v + " as long on the fast path", "echo_u32", 0, "u32", problem,
                    () -> paths.fast.echoU32AsLong(v));
            argument("u32 " + v + " as long on the compiled compat path", "echo_u32", 0, "u32", problem,
                    () -> paths.compiledCompat.echoU32AsLong(v));
            argument("u32 " + v + " as Long on the boxed path", "echo_u32", 0, "u32", problem, () -> paths.boxed.echoU32(v));
            argument("u32 " + v + " through invoke", "echo_u32", 0, "u32", problem, () -> u32.invoke(v));
        }
        for (BigInteger v : List.of(BigInteger.ONE.negate(), TWO_TO_64, TWO_TO_64.negate())) {
            argument("u64 BigInteger " + v + " on the boxed path", "echo_u64", 0, "u64", v + U64_RANGE,
                    () -> paths.boxed.echoU64(v));
            argument("u64 BigInteger " + v + " through invoke", "echo_u64", 0, "u64", v + U64_RANGE,
                    () -> paths.function("echo_u64", "u64(u64)").invoke(v));
            argument("usize BigInteger " + v + " on the boxed path", "echo_usize", 0, "usize", v + U64_RANGE,
                    () -> paths.boxed.echoUsize(v));
            argument("pointer BigInteger " + v + " on the boxed path", "echo_pointer", 0, "pointer", v + U64_RANGE,
                    () -> paths.boxed.echoPointer(v));
            argument("pointer BigInteger " + v + " through invoke", "echo_pointer", 0, "pointer", v + U64_RANGE,
                    () -> paths.function("echo_pointer", "pointer(pointer)").invoke(v));
        }
    }

    /** The index in the message is the argument's own, also past the argument registers. */
    private void outOfRangeAtLaterArguments() {
        DynamicFunction sum = paths.function("sum_narrow", "i32(i8, u8, i16, u16)");
        argument("i8 -129 at argument 0 of four", "sum_narrow", 0, "i8", "-129 is outside", () -> sum.invoke(-129, 0, 0, 0));
        argument("u8 256 at argument 1 of four", "sum_narrow", 1, "u8", "256 is outside", () -> sum.invoke(0, 256, 0, 0));
        argument("i16 32768 at argument 2 of four", "sum_narrow", 2, "i16", "32768 is outside",
                () -> sum.invoke(0, 0, 32768, 0));
        argument("u16 -1 at argument 3 of four", "sum_narrow", 3, "u16", "-1 is outside", () -> sum.invoke(0, 0, 0, -1));
        argument("i8 128 at argument 1 of fourteen, fast", "mix_scalars", 1, "i8", "128 is outside",
                () -> paths.fast.mixScalarsFromWideCarriers(false, 128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0f, 0d, 0L));
        argument("u16 65536 at argument 4 of fourteen, compiled compat", "mix_scalars", 4, "u16", "65536 is outside",
                () -> paths.compiledCompat.mixScalarsFromWideCarriers(false, 0, 0, 0, 65536, 0, 0, 0, 0, 0, 0, 0f, 0d, 0L));
        argument("u32 -1 at argument 6 of fourteen, fast", "mix_scalars", 6, "u32", "-1 is outside",
                () -> paths.fast.mixScalarsFromWideCarriers(false, 0, 0, 0, 0, 0, -1L, 0, 0, 0, 0, 0f, 0d, 0L));
        argument("u8 -1 at argument 2 of fourteen through invoke", "mix_scalars", 2, "u8", "-1 is outside",
                () -> paths.function("mix_scalars", MIX).invoke(false, (byte) 0, -1, (short) 0, 'a', 0, 0L, 0L, 0L, 0L,
                        0L, 0f, 0d, null));
    }

    private void nullForEveryPrimitive() {
        List<Executable> boxed = List.of(() -> paths.boxed.echoBool(null), () -> paths.boxed.echoI8((Byte) null),
                () -> paths.boxed.echoU8((Integer) null), () -> paths.boxed.echoI16((Short) null),
                () -> paths.boxed.echoU16((Character) null), () -> paths.boxed.echoI32(null),
                () -> paths.boxed.echoU32((Long) null), () -> paths.boxed.echoI64(null),
                () -> paths.boxed.echoU64((BigInteger) null), () -> paths.boxed.echoIsize(null),
                () -> paths.boxed.echoUsize(null), () -> paths.boxed.echoF32(null), () -> paths.boxed.echoF64(null));
        DynamicFunction mix = paths.function("mix_scalars", MIX);
        for (int i = 0; i < MIX_TYPES.length; i++) {
            String type = MIX_TYPES[i];
            String problem = "null cannot be passed as " + type;
            argument("null " + type + " on the boxed path", "echo_" + type, 0, type, problem, boxed.get(i));
            argument("null " + type + " through invoke", "echo_" + type, 0, type, problem,
                    () -> paths.function("echo_" + type, type + "(" + type + ")").invoke((Object) null));
            Object[] args = mixArguments();
            args[i] = null;
            argument("null " + type + " at argument " + i + " of fourteen through invoke", "mix_scalars", i, type,
                    problem, () -> mix.invoke(args));
            Object[] boxedArgs = mixArguments();
            boxedArgs[i] = null;
            argument("null " + type + " at argument " + i + " of fourteen on the boxed path", "mix_scalars", i, type,
                    problem, () -> paths.boxed.mixScalars((Boolean) boxedArgs[0], (Byte) boxedArgs[1],
                            (Integer) boxedArgs[2], (Short) boxedArgs[3], (Character) boxedArgs[4],
                            (Integer) boxedArgs[5], (Long) boxedArgs[6], (Long) boxedArgs[7], (BigInteger) boxedArgs[8],
                            (Long) boxedArgs[9], (BigInteger) boxedArgs[10], (Float) boxedArgs[11],
                            (Double) boxedArgs[12], 0L));
        }
    }

    /** Arguments of mix_scalars in the Java types its boxed method declares. */
    private static Object[] mixArguments() {
        return new Object[] {true, (byte) 1, 2, (short) 3, 'a', 5, 6L, 7L, BigInteger.TEN, 9L, BigInteger.TWO, 1.5f, 2.5d,
            null};
    }

    private void wrongJavaTypesOnInvoke() {
        wrongType("bool", 1, "Integer 1");
        wrongType("bool", "true", "String \"true\"");
        for (String type : List.of("i8", "u8", "i16", "u16", "i32", "u32", "i64", "isize")) {
            wrongType(type, 1.5, "Double 1.5");
            wrongType(type, "1", "String \"1\"");
            wrongType(type, true, "Boolean true");
        }
        wrongType("i32", BigInteger.ONE, "BigInteger 1");
        wrongType("u32", BigInteger.ONE, "BigInteger 1");
        wrongType("i64", BigInteger.ONE, "BigInteger 1");
        wrongType("u64", 1.5, "Double 1.5");
        wrongType("usize", "1", "String \"1\"");
        wrongType("f32", 1.5d, "Double 1.5");
        wrongType("f32", 1, "Integer 1");
        wrongType("f64", 1.5f, "Float 1.5");
        wrongType("f64", 1L, "Long 1");
        wrongType("f64", DayOfWeek.MONDAY, "DayOfWeek MONDAY");
        wrongType("i32", MemorySegment.NULL, "MemorySegment 0x0 of 0 bytes");
        argument("pointer Double through invoke", "echo_pointer", 0, "pointer", "Double 1.5 cannot be passed as pointer",
                () -> paths.function("echo_pointer", "pointer(pointer)").invoke(1.5));
        argument("pointer Integer through invoke", "echo_pointer", 0, "pointer", "Integer 1 cannot be passed as pointer",
                () -> paths.function("echo_pointer", "pointer(pointer)").invoke(1));
    }

    private void wrongType(String type, Object value, String shown) {
        argument(type + " given " + shown + " through invoke", "echo_" + type, 0, type,
                shown + " cannot be passed as " + type, () -> paths.function("echo_" + type, type + "(" + type + ")")
                        .invoke(value));
    }

    private void wrongArgumentCounts() {
        DynamicFunction add = paths.function("add_i32", "i32(i32, i32)");
        count("add_i32", "i32(i32, i32)", 2, 0, add::invoke);
        count("add_i32", "i32(i32, i32)", 2, 1, () -> add.invoke(1));
        count("add_i32", "i32(i32, i32)", 2, 3, () -> add.invoke(1, 2, 3));
        count("add_i32", "i32(i32, i32)", 2, 1, () -> add.invoke((Object[]) null));
        count("echo_i32", "i32(i32)", 1, 0, () -> paths.function("echo_i32", "i32(i32)").invoke());
        count("echo_i32", "i32(i32)", 1, 2, () -> paths.function("echo_i32", "i32(i32)").invoke(1, 2));
        count("noop", "void()", 0, 1, () -> paths.function("noop", "void()").invoke(1));
        count("mix_scalars", MIX, 14, 13, () -> paths.function("mix_scalars", MIX).invoke(new Object[13]));
        count("mix_scalars", MIX, 14, 15, () -> paths.function("mix_scalars", MIX).invoke(new Object[15]));
        count("variadic_sum_i32", "i64(i32, ...)", 1, 0, () -> paths.function("variadic_sum_i32", "i64(i32, ...)").invoke());
    }

    private void count(String symbol, String signature, int expected, int given, Executable call) {
        String arguments = expected == 1 ? " argument" : " arguments";
        String expectation = expected + arguments + " for " + signature + " but got " + given;
        cases.add(new Case(given + " arguments for " + signature + " through invoke", Code.INVALID_ARGUMENT,
                List.of(paths.library.name() + " " + symbol + ": expected ", expectation), call));
    }

    private void buffersAndStringsWherePointersAreDeclared() {
        DynamicFunction read = paths.function("read_i32", "i32(pointer)");
        for (Object buffer : List.of(new byte[3], new int[1], new long[1], new double[1], ByteBuffer.allocateDirect(4),
                ByteBuffer.allocate(4))) {
            String shown = buffer instanceof ByteBuffer ? "ByteBuffer" : buffer.getClass().getComponentType() + "[";
            cases.add(new Case(shown + " where a pointer is declared, through invoke", Code.INVALID_ARGUMENT,
                    List.of(paths.argument("read_i32", 0, "pointer"), shown,
                            " is a buffer; declare the argument as 'buffer' to pass Java memory"),
                    () -> read.invoke(buffer)));
        }
        MemorySegment heap = MemorySegment.ofArray(new int[] {42});
        MethodHandle readHandle = read.handle();
        String heapProblem = "a heap MemorySegment cannot be passed as a pointer";
        argument("heap segment as pointer on the fast path", "read_i32", 0, "pointer", heapProblem,
                () -> paths.fast.readI32(heap));
        argument("heap segment as pointer on the compiled compat path", "read_i32", 0, "pointer", heapProblem,
                () -> paths.compiledCompat.readI32(heap));
        argument("heap segment as pointer on the boxed path", "read_i32", 0, "pointer", heapProblem,
                () -> paths.boxed.readI32(heap));
        argument("heap segment as pointer through invoke", "read_i32", 0, "pointer", heapProblem, () -> read.invoke(heap));
        argument("heap segment as pointer through handle", "read_i32", 0, "pointer", heapProblem,
                () -> readHandle.invoke(heap));
        MethodHandle sumHandle = paths.function("sum_u8", "i64(buffer, usize)").handle();
        argument("heap segment as buffer through handle", "sum_u8", 0, "buffer",
                "a heap MemorySegment cannot be passed through handle()", () -> sumHandle.invoke(heap, 4L));
        argument("String where a pointer is declared, through invoke", "is_null", 0, "pointer",
                "String \"abc\" is never turned into a pointer", () -> paths.function("is_null", "i32(pointer)").invoke("abc"));
    }

    private void wrongBuffersAndStrings() {
        DynamicFunction sum = paths.function("sum_u8", "i64(buffer, usize)");
        for (Object value : List.of("abc", 42, 42L, 1.5, new boolean[1], new Integer[1], DayOfWeek.MONDAY)) {
            String shown = value.getClass().isArray() ? value.getClass().getComponentType().getName() + "[1]"
                    : value instanceof String ? "String \"abc\"" : value.getClass().getSimpleName() + " " + value;
            argument(shown + " where a buffer is declared, through invoke", "sum_u8", 0, "buffer", shown,
                    () -> sum.invoke(value, 1L));
        }
        DynamicFunction length = paths.function("byte_length", "usize(string)");
        for (String text : List.of("ab\0cd", "\0", "abc\0")) {
            String problem = "the String contains a NUL character at index " + text.indexOf('\0');
            String shown = text.replace("\0", "\\0");
            argument("String \"" + shown + "\" on the boxed path", "byte_length", 0, "string", problem,
                    () -> paths.boxed.byteLength(text));
            argument("String \"" + shown + "\" through invoke", "byte_length", 0, "string", problem,
                    () -> length.invoke(text));
            argument("String \"" + shown + "\" as echo_string's argument", "echo_string", 0, "string", problem,
                    () -> paths.boxed.echoString(text));
        }
        for (Object value : List.of(new byte[3], 1, new char[] {'a'})) {
            String shown = value.getClass().isArray() ? value.getClass().getComponentType() + "[" : "Integer 1";
            argument(shown + " where a string is declared, through invoke", "byte_length", 0, "string",
                    shown, () -> length.invoke(value));
        }
    }

    /**
     * Segments FFM refuses before any native code runs, found when the call is made: one of a
     * closed arena, one confined to another thread, as a pointer, as a buffer and past thirteen scalars.
     */
    private void closedAndForeignSegments() {
        Arena arena = Arena.ofConfined();
        MemorySegment closed = arena.allocate(8);
        arena.close();
        MemorySegment foreign = confinedToAnotherThread();
        String closedProblem = "MemorySegment 0x" + Long.toHexString(closed.address()) + " of 8 bytes belongs to an"
                + " Arena that is closed; no native code ran";
        String foreignProblem = "MemorySegment 0x" + Long.toHexString(foreign.address()) + " of 8 bytes belongs to a"
                + " confined Arena of another thread, which alone may pass it; no native code ran";
        DynamicFunction read = paths.function("read_i32", "i32(pointer)");
        DynamicFunction sum = paths.function("sum_u8", "i64(buffer, usize)");
        DynamicFunction mix = paths.function("mix_scalars", MIX);
        for (MemorySegment segment : List.of(closed, foreign)) {
            String what = segment == closed ? "a segment of a closed arena" : "a segment of another thread";
            String problem = segment == closed ? closedProblem : foreignProblem;
            argument(what + " as pointer on the fast path", "read_i32", 0, "pointer", problem,
                    () -> paths.fast.readI32(segment));
            argument(what + " as pointer on the compiled compat path", "read_i32", 0, "pointer", problem,
                    () -> paths.compiledCompat.readI32(segment));
            argument(what + " as pointer on the boxed path", "read_i32", 0, "pointer", problem,
                    () -> paths.boxed.readI32(segment));
            argument(what + " as pointer through invoke", "read_i32", 0, "pointer", problem, () -> read.invoke(segment));
            argument(what + " as pointer through handle", "read_i32", 0, "pointer", problem,
                    () -> {
                        int unused = (int) read.handle().invokeExact(segment);
                    });
            argument(what + " as buffer through invoke", "sum_u8", 0, "buffer", problem, () -> sum.invoke(segment, 8L));
            argument(what + " as buffer through handle", "sum_u8", 0, "buffer", problem,
                    () -> {
                        long unused = (long) sum.handle().invokeExact(segment, 8L);
                    });
            argument(what + " as pointer 13 of fourteen on the fast path", "mix_scalars", 13, "pointer", problem,
                    () -> paths.fast.mixScalars(false, (byte) 0, (byte) 0, (short) 0, 'a', 0, 0, 0L, 0L, 0L, 0L, 0f,
                            0d, segment));
            argument(what + " as pointer 13 of fourteen on the compiled compat path", "mix_scalars", 13, "pointer",
                    problem, () -> paths.compiledCompat.mixScalars(false, (byte) 0, (byte) 0, (short) 0, 'a', 0, 0, 0L,
                            0L, 0L, 0L, 0f, 0d, segment));
            argument(what + " as pointer 13 of fourteen through invoke", "mix_scalars", 13, "pointer", problem,
                    () -> mix.invoke(false, (byte) 0, (byte) 0, (short) 0, 'a', 0, 0, 0L, 0L, 0L, 0L, 0f, 0d, segment));
        }
    }

    /** Eight bytes of a confined arena of a thread that has ended. */
    private static MemorySegment confinedToAnotherThread() {
        MemorySegment[] segment = new MemorySegment[1];
        Thread owner = Thread.ofPlatform().start(() -> segment[0] = Arena.ofConfined().allocate(8));
        try {
            owner.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while another thread allocated", e);
        }
        return segment[0];
    }

    private void wrongVariadicValues() {
        DynamicFunction sum = paths.function("variadic_sum_i32", "i64(i32, ...)");
        for (Object value : List.of(true, new byte[1], BigInteger.ONE, DayOfWeek.MONDAY)) {
            String shown = value.getClass().isArray() ? "byte[1]" : value.getClass().getSimpleName() + " " + value;
            argument(shown + " as a variadic argument", "variadic_sum_i32", 1, "...",
                    shown + " cannot be passed as a variadic argument", () -> sum.invoke(1, value));
        }
        argument("String with NUL as a variadic argument", "variadic_sum_mixed", 1, "string",
                "the String contains a NUL character at index 1",
                () -> paths.function("variadic_sum_mixed", "f64(string, ...)").invoke("i", "a\0b"));
    }

    /** Every path of a closed library, each case with its own library, prepared while open and called after close. */
    private void closedLibraries() {
        closed("a fast method", "echo_i32", library -> {
            ScalarEchoes echoes = library.bind(ScalarEchoes.class);
            return () -> echoes.echoI32(1);
        });
        closed("a compiled compat method", "echo_i32", library -> {
            ScalarEchoes echoes = CompiledCompat.bind(library);
            return () -> echoes.echoI32(1);
        });
        closed("a boxed method", "echo_i32", library -> {
            BoxedEchoes echoes = library.bind(BoxedEchoes.class);
            return () -> echoes.echoI32(1);
        });
        closed("a fast buffer method", "sum_u8", library -> {
            ScalarEchoes echoes = library.bind(ScalarEchoes.class);
            return () -> echoes.sumU8(new byte[1], 1);
        });
        closed("a critical buffer method", "increment_i32", library -> {
            ScalarEchoes echoes = library.bind(ScalarEchoes.class);
            return () -> {
                echoes.incrementI32Critical(new int[1], 1);
                return null;
            };
        });
        closed("a string method", "echo_string", library -> {
            BoxedEchoes echoes = library.bind(BoxedEchoes.class);
            return () -> echoes.echoString("a");
        });
        closed("invoke", "echo_i32", library -> {
            DynamicFunction echo = library.function("echo_i32", "i32(i32)");
            return () -> echo.invoke(1);
        });
        closed("handle", "echo_i32", library -> {
            MethodHandle echo = library.function("echo_i32", "i32(i32)").handle();
            return () -> (int) echo.invokeExact(1);
        });
        closed("a handle taken after close", "echo_i32", library -> {
            DynamicFunction echo = library.function("echo_i32", "i32(i32)");
            return () -> (int) echo.handle().invokeExact(1);
        });
        closed("a variadic call", "variadic_sum_i32", library -> {
            DynamicFunction sum = library.function("variadic_sum_i32", "i64(i32, ...)");
            return () -> sum.invoke(1, 2);
        });
        closed("a fast callback method", "cb_apply", library -> {
            Callbacks callbacks = library.bind(Callbacks.class);
            return () -> {
                try (Upcall<IntOp> upcall = Upcall.of(IntOp.class, x -> x)) {
                    return callbacks.cb_apply(upcall, 1);
                }
            };
        });
        closed("a compat callback method", "cb_apply", library -> {
            Callbacks callbacks = library.bind(Callbacks.class);
            return () -> callbacks.applyTransient(x -> x, 1);
        });
        closed("bind", "bind(ScalarEchoes)", library -> () -> library.bind(ScalarEchoes.class));
        closed("function", "echo_i32", library -> () -> library.function("echo_i32", "i32(i32)"));
    }

    /** Prepares a call against an open library; the case closes the library, then makes the call. */
    @FunctionalInterface
    private interface ClosedCall {
        Robust.HandleCall prepare(Library library) throws Throwable;
    }

    private void closed(String path, String symbol, ClosedCall prepare) {
        cases.add(new Case("a call through " + path + " after close", Code.LIBRARY_CLOSED,
                List.of(symbol, "the library was closed; no native code ran"), () -> {
                    Library library = Robust.open();
                    Robust.HandleCall call = prepare.prepare(library);
                    library.close();
                    throw new AssertionError("called a closed library: " + call.call());
                }));
    }

    private void wrongCallbacks() {
        Callbacks callbacks = paths.library.bind(Callbacks.class);
        Upcall<IntOp> closed = Upcall.of(IntOp.class, x -> x);
        closed.close();
        argument("a closed Upcall on the fast path", "cb_apply", 0, "function", "Upcall<IntOp>[closed] was closed",
                () -> callbacks.cb_apply(closed, 1));
        argument("a closed Upcall through invoke", "cb_apply", 0, "function", "Upcall<IntOp>[closed] was closed",
                () -> paths.function("cb_apply", "i32(function, i32)").invoke(closed, 1));
        argument("an object of no callback interface through invoke", "cb_apply", 0, "function",
                "implements no @NativeCallback interface", () -> paths.function("cb_apply", "i32(function, i32)")
                        .invoke(DayOfWeek.MONDAY, 1));
        cases.add(new Case("the address of a closed Upcall", Code.INVALID_ARGUMENT,
                List.of("Upcall<IntOp>[closed] is closed"), closed::address));
        cases.add(new Case("Upcall.of an interface without @NativeCallback", Code.INVALID_SIGNATURE,
                List.of("java.lang.Runnable is not an interface annotated @NativeCallback"),
                () -> Upcall.of(Runnable.class, () -> { })));
        cases.add(new Case("Upcall.of a null target", Code.INVALID_ARGUMENT, List.of("Upcall.of(IntOp): the target is null"),
                () -> Upcall.of(IntOp.class, null)));
        cases.add(new Case("Upcall.of a target of another type, through a raw class", Code.INVALID_ARGUMENT,
                List.of("Upcall.of(IntOp): the target is a java.lang.String, which does not implement "
                        + IntOp.class.getName()), () -> Upcall.of(rawClass(IntOp.class), "not a callback")));
        cases.add(new Case("a callback returning 256 as u8", Code.CALLBACK_FAILED,
                List.of("cb_apply_u8", "a Java callback threw", "256 as u8, which is outside 0..255"), () -> {
                    try (Upcall<U8Op> tooBig = Upcall.of(U8Op.class, x -> 256)) {
                        callbacks.cb_apply_u8(tooBig, 1);
                    }
                }));
        cases.add(new Case("a callback that throws", Code.CALLBACK_FAILED,
                List.of("cb_apply", "a Java callback threw", "java.lang.IllegalStateException: boom"),
                () -> callbacks.applyTransient(x -> {
                    throw new IllegalStateException("boom");
                }, 1)));
    }

    /** {@code type} with its type argument erased, as reflective code holds it, so any target compiles. */
    @SuppressWarnings("unchecked")
    private static Class<Object> rawClass(Class<?> type) {
        return (Class<Object>) type;
    }

    private void unknownSymbols() {
        String name = paths.library.name();
        cases.add(new Case("function of a symbol the library lacks", Code.SYMBOL_NOT_FOUND,
                List.of("fastffi_no_such_symbol", name), () -> paths.library.function("fastffi_no_such_symbol", "void()")));
        cases.add(new Case("bind of an interface with a symbol the library lacks", Code.SYMBOL_NOT_FOUND,
                List.of("fastffi_no_such_symbol", name), () -> paths.library.bind(MissingPieces.MissingSymbol.class)));
        cases.add(new Case("function of a symbol the process lacks", Code.SYMBOL_NOT_FOUND,
                List.of("fastffi_no_such_symbol"), () -> Library.system().function("fastffi_no_such_symbol", "void()")));
        cases.add(new Case("function of an empty symbol name", Code.SYMBOL_NOT_FOUND,
                List.of("no symbol name given", name), () -> paths.library.function("", "void()")));
    }

    private void unloadableLibraries() {
        String source = "src/test/c/fixture.c";
        notFound("a path that does not exist", "/nonexistent/libfastffi.so");
        // HotSpot warns on stderr that loading a non-ELF file "might have disabled stack guard";
        // that is the JVM's reaction to the failed dlopen, and the open still fails cleanly
        notFound("a C source file", source);
        notFound("a bare name no system has", "fastffi_no_such_library");
        notFound("a soname no system has", "libfastffi_no_such_library.so.7");
        cases.add(new Case("Library.open without candidates", Code.LIBRARY_NOT_FOUND,
                List.of("no library candidates were given"), Library::open));
        cases.add(new Case("Library.open of null and blank names", Code.LIBRARY_NOT_FOUND,
                List.of("'null' (not a library name)", "' ' (not a library name)"),
                () -> Library.open(null, " ")));
        cases.add(new Case("FastFfi.load of an interface whose libraries are missing", Code.LIBRARY_NOT_FOUND,
                List.of("libfastffi_no_such_library.so", "/nonexistent/libfastffi_no_such_library.so"),
                () -> FastFfi.load(MissingPieces.MissingLibrary.class)));
    }

    private void notFound(String what, String candidate) {
        cases.add(new Case("Library.open of " + what, Code.LIBRARY_NOT_FOUND,
                List.of("none of the candidates could be loaded", candidate), () -> Library.open(candidate)));
    }

    private void malformedSignatures() {
        signature("", "signature is empty at column 1");
        signature("   ", "signature is empty at column 4");
        signature("i32", "expected '(' after the return type but found the end at column 4");
        signature("i32(", "missing ')' at column 5");
        signature("i32(i32,", "expected a type but the signature ended at column 9");
        signature("i32(i32,)", "expected a type but found ')' at column 9");
        signature("I32(i32)", "unknown type 'I32' at column 1; did you mean 'i32'?");
        signature("i32(bufer)", "unknown type 'bufer' at column 5; did you mean 'buffer'?");
        signature("buffer(i32)", "'buffer' is only allowed as an argument at column 1");
        signature("i32(void)", "'void' is only allowed as a return type at column 5");
        signature("i32(..., i32)", "'...' must be the last argument at column 5");
        signature("i32(i32))", "unexpected text after ')' at column 9");
        signature("i32(i32 i32)", "expected ',' or ')' but found 'i' at column 9");
        signature("i32(i32;)", "expected ',' or ')' but found ';' at column 8");
        cases.add(new Case("a null signature", Code.INVALID_SIGNATURE, List.of("signature is null"),
                () -> paths.library.function("add_i32", null)));
    }

    private void signature(String text, String problem) {
        cases.add(new Case("the signature \"" + text + "\"", Code.INVALID_SIGNATURE, List.of(problem, "\"" + text + "\""),
                () -> paths.library.function("add_i32", text)));
    }

    /** An argument case: the message must start with library, symbol, index and C type, then show {@code problem}. */
    private void argument(String name, String symbol, int index, String type, String problem, Executable call) {
        cases.add(new Case(name, Code.INVALID_ARGUMENT, List.of(paths.argument(symbol, index, type), problem), call));
    }
}
