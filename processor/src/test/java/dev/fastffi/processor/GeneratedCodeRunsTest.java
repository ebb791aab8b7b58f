package dev.fastffi.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.internal.Downcalls;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Generated bindings, loaded and called against the C library, agree with the runtime on both paths. */
class GeneratedCodeRunsTest {
    private static final JavaFileObject LIBC = Compilations.source("com.x.LibC",
            "package com.x;",
            "import dev.fastffi.annotations.NativeFunction;",
            "public interface LibC {",
            "    @NativeFunction(\"i32(i32)\") int abs(int x);",
            "    @NativeFunction(\"i64(i64)\") long labs(long x);",
            "    @NativeFunction(\"u32(u32)\") long htonl(long x);",
            "    @NativeFunction(value = \"usize(buffer)\", symbol = \"strlen\") long length(byte[] text);",
            "    @NativeFunction(\"pointer(buffer, i32, usize)\")",
            "    java.lang.foreign.MemorySegment memset(int[] data, int value, long bytes);",
            "    @NativeFunction(value = \"i32(i32)\", symbol = \"abs\") Integer absBoxed(Integer x);",
            "    record Div(int quot, int rem) {}",
            "    @NativeFunction(\"{i32, i32}(i32, i32)\") Div div(int numerator, int denominator);",
            "}");

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void callsReturnTheSameOnBothPaths(boolean fast) throws Exception {
        Class<?> libc = load(fast);
        Object binding = FastFfi.load(libc);

        assertThat(call(libc, binding, "abs", -5)).isEqualTo(5);
        assertThat(call(libc, binding, "labs", Long.MIN_VALUE + 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(call(libc, binding, "htonl", 0xFFFF_FFFFL)).isEqualTo(0xFFFF_FFFFL);
        assertThat(call(libc, binding, "length", (Object) "hello\0".getBytes(StandardCharsets.US_ASCII))).isEqualTo(5L);
        int[] data = new int[3];
        call(libc, binding, "memset", data, 1, 8L);
        assertThat(Arrays.stream(data).boxed().toList()).containsExactly(0x0101_0101, 0x0101_0101, 0).inOrder();
        assertThat(call(libc, binding, "absBoxed", -7)).isEqualTo(7);
        assertThat(call(libc, binding, "div", -17, 5).toString()).isEqualTo("Div[quot=-3, rem=-2]");
        FfiException outOfRange = assertThrows(FfiException.class, () -> call(libc, binding, "htonl", -1L));
        assertThat(outOfRange.code()).isEqualTo(FfiException.Code.INVALID_ARGUMENT);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void describeSeesThePathsTheProcessorChose(boolean fast) throws Exception {
        Map<String, CallPath> paths = new HashMap<>();
        for (CallPlan plan : FastFfi.describe(load(fast))) {
            paths.put(plan.method(), plan.path());
        }
        assertThat(paths.get("abs")).isEqualTo(fast ? CallPath.FAST : CallPath.COMPAT);
        assertThat(paths.get("memset")).isEqualTo(fast ? CallPath.FAST : CallPath.COMPAT);
        assertThat(paths.get("div")).isEqualTo(fast ? CallPath.FAST : CallPath.COMPAT);
        assertThat(paths.get("absBoxed")).isEqualTo(CallPath.COMPAT);
    }

    /**
     * The test class loader cannot hand out class files as resources, as some deployments cannot:
     * {@code Library.bind} then returns the generated class itself, whose sites from then on read
     * the symbol on every call, which checks the library is open; {@code FastFfi.load}'s binding,
     * the same class, still calls its own library.
     */
    @Test
    void withoutTheTemplatesClassFileBindReturnsTheGeneratedClassWhichChecksEveryCall() throws Exception {
        Class<?> libc = load(true);
        Object global = FastFfi.load(libc);
        assertThat(call(libc, global, "abs", -7)).isEqualTo(7);
        Library library = Library.open("libc.so.6");
        Object binding = library.bind(libc);
        assertThat(binding.getClass().getName()).isEqualTo("com.x.LibC$FastFfi");
        assertThat(binding.getClass()).isSameInstanceAs(global.getClass());
        assertThat(call(libc, binding, "abs", -5)).isEqualTo(5);
        library.close();
        FfiException closed = assertThrows(FfiException.class, () -> call(libc, binding, "abs", -5));
        assertThat(closed.code()).isEqualTo(FfiException.Code.LIBRARY_CLOSED);
        assertThat(closed.getMessage()).isEqualTo("LIBRARY_CLOSED: " + library.name()
                + " abs: the library was closed; no native code ran");
        assertThat(call(libc, global, "abs", -9)).isEqualTo(9);
    }

    /**
     * A segment FFM refuses is named by its own index in every shape of the generated catch block:
     * up to three refusable parameters each after its index, more as every parameter up to the
     * last in order. {@code abs} reads only its first register, so no call could do harm.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aClosedSegmentIsNamedByItsIndexWhateverTheNumberOfSegmentParameters(boolean fast) throws Exception {
        Compilation compilation = Compilations.compile(List.of("-Afastffi.fast=" + fast),
                Compilations.source("com.x.Segments",
                        "package com.x;",
                        "import dev.fastffi.annotations.NativeFunction;",
                        "import java.lang.foreign.MemorySegment;",
                        "public interface Segments {",
                        "    @NativeFunction(value = \"i32(i32, pointer, i32, buffer, pointer)\", symbol = \"abs\")",
                        "    int three(int a, MemorySegment b, int c, MemorySegment d, MemorySegment e);",
                        "    @NativeFunction(value = \"i32(i32, pointer, pointer, i32, pointer, pointer)\", symbol = \"abs\")",
                        "    int four(int a, MemorySegment b, MemorySegment c, int d, MemorySegment e, MemorySegment f);",
                        "}"));
        assertThat(compilation).succeededWithoutWarnings();
        if (fast) {
            String source = compilation.generatedSourceFile("com.x.Segments$FastFfi").orElseThrow()
                    .getCharContent(true).toString();
            assertThat(source).contains("Rethrow.unchecked(t$, symbol$, 1, b, 3, d, 4, e)");
            assertThat(source).contains("Rethrow.unchecked(t$, symbol$, null, b, c, null, e, f)");
        }
        Class<?> segments = CompiledClasses.load(compilation, "com.x.Segments");
        Object binding = FastFfi.load(segments);
        Arena arena = Arena.ofConfined();
        MemorySegment closed = arena.allocate(4);
        arena.close();
        try (Arena open = Arena.ofConfined()) {
            MemorySegment alive = open.allocate(4);
            String shown = "MemorySegment 0x" + Long.toHexString(closed.address()) + " of 4 bytes belongs to an Arena"
                    + " that is closed; no native code ran";
            FfiException three = assertThrows(FfiException.class,
                    () -> call(segments, binding, "three", 1, alive, 2, alive, closed));
            assertThat(three.getMessage()).isEqualTo("INVALID_ARGUMENT: system abs, argument 4 (pointer): " + shown);
            FfiException four = assertThrows(FfiException.class,
                    () -> call(segments, binding, "four", 1, alive, alive, 2, closed, alive));
            assertThat(four.getMessage()).isEqualTo("INVALID_ARGUMENT: system abs, argument 4 (pointer): " + shown);
            FfiException buffer = assertThrows(FfiException.class,
                    () -> call(segments, binding, "three", 1, alive, 2, closed, alive));
            assertThat(buffer.getMessage()).isEqualTo("INVALID_ARGUMENT: system abs, argument 3 (buffer): " + shown);
        }
    }

    private static Object call(Class<?> iface, Object binding, String name, Object... args) throws Exception {
        Method method = Arrays.stream(iface.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
        try {
            return method.invoke(binding, args);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    /**
     * A binding creates its sites and resolves its symbols with one call each, from packed lines in
     * string constants of at most 64 KiB each: four thousand functions need several, and still
     * compile (the static initializer's code is limited to 64 KiB too), load, and link only the
     * functions called.
     */
    @Test
    void aBindingOfFourThousandFunctionsCompilesAndLinksOnlyWhatIsCalled() throws Exception {
        int functions = 4_000;
        List<String> lines = new ArrayList<>(List.of("package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "import java.lang.foreign.MemorySegment;",
                "public interface Many {"));
        for (int i = 0; i < functions; i++) {
            lines.add("    @NativeFunction(value = \"usize(pointer)\", symbol = \"strlen\") long length" + i
                    + "(MemorySegment s);");
        }
        lines.add("}");
        Compilation compilation = Compilations.compile(Compilations.source("com.x.Many", lines.toArray(new String[0])));
        assertThat(compilation).succeededWithoutWarnings();
        String source = compilation.generatedSourceFile("com.x.Many$FastFfi").orElseThrow()
                .getCharContent(true).toString();
        // 4,000 site lines of 51 bytes take 4 constants, 4,000 symbol lines of 22 bytes take 2
        assertThat(constants(source, "ADDRESSES$.lazy(")).isEqualTo(4);
        assertThat(constants(source, "binder.symbols(")).isEqualTo(2);
        Class<?> many = CompiledClasses.load(compilation, "com.x.Many");
        int linkedBefore = Downcalls.linkedCount();
        Object binding = FastFfi.load(many);

        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = arena.allocateFrom("four");
            assertThat(call(many, binding, "length0", text)).isEqualTo(4L);
            assertThat(call(many, binding, "length3999", text)).isEqualTo(4L);
            assertThat(call(many, binding, "length3999", arena.allocateFrom("seven!!"))).isEqualTo(7L);
        }
        assertThat(Downcalls.linkedCount() - linkedBefore).isEqualTo(2);
    }

    /** Compiles LibC with the processor and loads the interface from the compiled classes. */
    private static Class<?> load(boolean fast) throws ClassNotFoundException {
        Compilation compilation = Compilations.compile(List.of("-Afastffi.fast=" + fast), LIBC);
        assertThat(compilation).succeededWithoutWarnings();
        return CompiledClasses.load(compilation, "com.x.LibC");
    }

    /** How many string constants the call that starts with {@code call} in {@code source} passes. */
    private static int constants(String source, String call) {
        int start = source.indexOf(call);
        String arguments = source.substring(start, source.indexOf(");", start));
        return arguments.split("\", \"", -1).length;
    }
}
