package dev.fastffi.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.fastffi.Library;
import dev.fastffi.Upcall;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A callback of as many arguments as the platform's linker takes, which the processor accepts,
 * links as an upcall and is called through a view of its own function pointer, with every argument
 * arriving intact: generated view and compatibility view alike. One argument more is refused on
 * both sides ({@code CallbackDiagnosticsTest}, {@code RulesAgreeTest}).
 */
class CallbackLimitTest {
    private static final String PAIR = "{i64, i64}";

    @ParameterizedTest(name = "{0}({1} x {2}), processed {3}")
    @CsvSource({
        "i32, i32, 252, true", "i32, i32, 252, false",
        "i64, i64, 126, true", "i64, i64, 126, false",
        "'{i64, i64}', i64, 125, true", "'{i64, i64}', i64, 125, false",
        "i64, '{i64, i64}', 63, true", "i64, '{i64, i64}', 63, false"})
    void aCallbackAtTheLimitLinksAndItsArgumentsArrive(String result, String type, int count, boolean processed)
            throws Throwable {
        Class<?> callback = load(source(result, type, count), processed);
        Method apply = Arrays.stream(callback.getMethods()).filter(m -> m.getName().equals("apply")).findFirst()
                .orElseThrow();
        Object[] args = new Object[count];
        for (int i = 0; i < count; i++) {
            args[i] = argument(apply.getParameterTypes()[i], i);
        }
        Object expected = argument(apply.getReturnType(), -7);
        AtomicReference<Object[]> received = new AtomicReference<>();
        Object target = Proxy.newProxyInstance(callback.getClassLoader(), new Class<?>[] {callback},
                (proxy, method, arguments) -> {
                    received.set(arguments);
                    return expected;
                });

        @SuppressWarnings("unchecked")
        Class<Object> erased = (Class<Object>) callback;
        try (Upcall<Object> upcall = Upcall.of(erased, target)) {
            Object view = Library.system().function(callback, upcall.address());
            assertThat(apply.invoke(view, args)).isEqualTo(expected);
        }
        assertThat(Arrays.asList(received.get())).containsExactlyElementsIn(args).inOrder();
    }

    /** Argument {@code i}: an {@code int}, a {@code long} or the record {@code P} of the struct, all different. */
    private static Object argument(Class<?> type, int i) throws ReflectiveOperationException {
        if (type == int.class) {
            return i * 1_000_003 - 5;
        }
        if (type == long.class) {
            return Long.MIN_VALUE / 256 + i;
        }
        return type.getDeclaredConstructor(long.class, long.class).newInstance(i, -i * 1_000_000_007L);
    }

    /** {@code com.x.Cb}, whose method {@code apply} takes {@code count} arguments of {@code type}. */
    private static JavaFileObject source(String result, String type, int count) {
        String signature = result + "(" + String.join(", ", Collections.nCopies(count, type)) + ")";
        String java = type.equals(PAIR) ? "P" : type.equals("i32") ? "int" : "long";
        String parameters = IntStream.range(0, count).mapToObj(i -> java + " a" + i).collect(Collectors.joining(", "));
        return Compilations.source("com.x.Cb",
                "package com.x;",
                "import dev.fastffi.annotations.NativeCallback;",
                "@NativeCallback(\"" + signature + "\")",
                "public interface Cb {",
                "    record P(long a, long b) {}",
                "    " + (result.equals(PAIR) ? "P" : java.equals("int") ? "int" : "long") + " apply(" + parameters
                        + ");",
                "}");
    }

    /** Compiles {@code source} with the processor, which must accept it, or without any, and loads {@code com.x.Cb}. */
    private static Class<?> load(JavaFileObject source, boolean processed) throws ClassNotFoundException {
        Compilation compilation = processed
                ? Compilations.compile(source)
                : Compiler.javac().withClasspath(Compilations.classpath())
                        .withOptions(List.of("--release", "22", "-proc:none")).compile(source);
        assertThat(compilation).succeededWithoutWarnings();
        return CompiledClasses.load(compilation, "com.x.Cb");
    }
}
