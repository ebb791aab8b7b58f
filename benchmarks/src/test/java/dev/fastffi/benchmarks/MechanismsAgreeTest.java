package dev.fastffi.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Every mechanism of a case returns what hand-written FFM returns, so no benchmark can look fast
 * by calling the wrong function, dropping an argument or skipping the work.
 */
class MechanismsAgreeTest {
    static Stream<Arguments> benchmarks() throws Exception {
        List<Arguments> all = new ArrayList<>();
        for (Class<?> type : List.of(NoArgBenchmark.class, AddBenchmark.class, MulBenchmark.class, U64Benchmark.class,
                BufferCopyBenchmark.class, BufferCriticalBenchmark.class, StringBenchmark.class,
                ErrnoBenchmark.class, CallbackBenchmark.class, StructBenchmark.class,
                BufferCopyThreadsBenchmark.class, StringThreadsBenchmark.class, VirtualThreadBenchmark.class)) {
            for (String param : params(type)) {
                Arrays.stream(type.getMethods())
                        .filter(m -> m.isAnnotationPresent(Benchmark.class) && !m.getName().equals("ffm"))
                        .sorted(Comparator.comparing(Method::getName))
                        .forEach(m -> all.add(Arguments.of(type.getSimpleName(), param, m.getName())));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}({1}).{2}")
    @MethodSource("benchmarks")
    void mechanismReturnsWhatHandWrittenFfmReturns(String benchmark, String param, String mechanism) throws Exception {
        Class<?> type = Class.forName(getClass().getPackageName() + "." + benchmark);
        Object expected = run(type, param, "ffm");
        Object actual = run(type, param, mechanism);
        assertEquals(normalize(expected), normalize(actual));
    }

    /** A fresh state per call, set up as JMH would, with the case's {@code @Param} value if it has one. */
    private static Object run(Class<?> type, String param, String mechanism) throws Exception {
        Object state = type.getConstructor().newInstance();
        for (Field field : type.getDeclaredFields()) {
            if (field.isAnnotationPresent(Param.class)) {
                field.setAccessible(true);
                field.setInt(state, Integer.parseInt(param));
            }
        }
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(Setup.class)) {
                method.invoke(state);
            }
        }
        return type.getMethod(mechanism).invoke(state);
    }

    private static List<String> params(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(Param.class))
                .findFirst()
                .map(f -> List.of(f.getAnnotation(Param.class).value()))
                .orElse(List.of("-"));
    }

    /** Boxed results as fastffi's invoke gives them (u64 as BigInteger) compare by their bits. */
    private static Object normalize(Object value) {
        return switch (value) {
            case null -> null;
            case BigInteger big -> big.longValue();
            case Double d -> d;
            case Number n -> n.longValue();
            default -> value;
        };
    }
}
