package dev.fastffi.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.Upcall;
import dev.fastffi.model.Message;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every rule both sides apply, the processor's diagnostics and the runtime's
 * {@code INVALID_SIGNATURE} for the same declaration compiled without the processor (so it binds
 * through the compatibility proxy) say the same sentences.
 */
class RulesAgreeTest {
    /** Messages only the processor can meet: the runtime never sees such a declaration, or reads it another way. */
    private static final Set<Message> PROCESSOR_ONLY = EnumSet.of(Message.OPTION_INVALID, Message.NOT_AN_INTERFACE,
            Message.NOT_ABSTRACT, Message.INTERFACE_NOT_VISIBLE, Message.INTERFACE_LOCAL, Message.INTERFACE_GENERIC,
            Message.INTERFACE_SEALED, Message.INTERFACE_TOO_LARGE, Message.LIBRARY_NOT_AN_INTERFACE,
            Message.LIBRARY_EMPTY, Message.LIBRARY_BLANK, Message.INHERITED, Message.INHERITED_CONFLICT,
            Message.STRUCT_RECORD_NOT_USABLE, Message.CALLBACK_NOT_AN_INTERFACE, Message.NATIVE_STRUCT_NOT_A_RECORD,
            Message.MISSING_TYPE_INTERFACE, Message.MISSING_TYPE_CALLBACK, Message.MISSING_TYPE_STRUCT,
            Message.MISSING_VALUE_INTERFACE, Message.MISSING_VALUE_CALLBACK, Message.MISSING_VALUE_STRUCT,
            Message.WRITE_FAILED, Message.INTERNAL_ERROR);

    /** One declaration breaking the rules behind {@code messages}, in interface {@code com.x.Calc} or callback {@code com.x.Cb}. */
    record Case(Set<Message> messages, String body) {
        @Override
        public String toString() {
            return messages.toString();
        }
    }

    static List<Case> cases() {
        return List.of(
                calc(Message.SIGNATURE_INVALID, "@NativeFunction(\"u64(pointer,bufer)\") long f(MemorySegment p, byte[] b);"),
                calc(Message.VARIADIC_NEEDS_OBJECTS, "@NativeFunction(\"i32(pointer, ...)\") int printf(MemorySegment f);"),
                calc(Message.ARGUMENT_COUNT, "@NativeFunction(\"i32(i32, i32)\") int add(int a);"),
                calc(Message.ARGUMENT_TYPE, "@NativeFunction(\"i32(i32, i32)\") int add(int a, String b);"),
                calc(Message.RESULT_TYPE, "@NativeFunction(\"u64(u64)\") double twice(long x);"),
                calc(Message.RESULT_TYPE, "@NativeFunction(\"function()\") Runnable handler();"),
                calc(Message.ASYNC_RESULT_TYPE, "@NativeFunction(\"i32(i32)\") CompletableFuture<String> abs(int x);"),
                calc(Message.ASYNC_WITH_ERRNO,
                        "@NativeFunction(value = \"i32(i32)\", errno = true) CompletableFuture<Integer> close(int fd);"),
                calc(Message.CRITICAL_WITH_FUNCTION, "@NativeFunction(value = \"void(pointer, function)\", critical = true)"
                        + " void sort(MemorySegment base, MemorySegment compare);"),
                calc(Message.ARGUMENT_LIMIT, "@NativeFunction(\"i64(" + String.join(", ", Collections.nCopies(127, "i64"))
                        + ")\") long sum(" + IntStream.range(0, 127).mapToObj(i -> "long a" + i)
                                .collect(Collectors.joining(", ")) + ");"),
                calc(Message.ARGUMENT_LIMIT, "@NativeFunction(\"{[131073]i64}()\") Huge huge();"
                        + " @NativeStruct(\"{[131073]i64}\") record Huge(long[] values) {}"),
                calc(Message.REQUIRE_FAST,
                        "@NativeFunction(value = \"i32(i32)\", requireFast = true) Integer abs(Integer x);"),
                calc(Message.SYMBOL_INVALID, "@NativeFunction(value = \"i32(i32)\", symbol = \"9abs\") int abs(int x);"),
                calc(Message.METHOD_NAME_NOT_A_SYMBOL, "@NativeFunction(\"i32(i32)\") int ab$s(int x);"),
                calc(Message.MISSING_ANNOTATION, "@NativeFunction(\"i32(i32)\") int abs(int x); int other();"),
                calc(Message.STRUCT_NOT_A_RECORD, "@NativeFunction(\"f64({f64, f64})\") double length(MemorySegment p);"),
                calc(Message.STRUCT_MISMATCH, "record Wrong(double x, int y) {}"
                        + " @NativeFunction(\"f64({f64, f64})\") double length(Wrong p);"),
                calc(Message.STRUCT_MISMATCH, "record Flags(boolean on, Byte code) {}"
                        + " @NativeFunction(\"void({bool, i16})\") void set(Flags f);"),
                calc(Message.STRUCT_MISMATCH, "record Bytes(int[] data) {}"
                        + " @NativeFunction(\"void({[4]u8})\") void set(Bytes b);"),
                calc(Message.NATIVE_STRUCT_MISMATCH, "@NativeStruct(\"{function}\") record F(dev.fastffi.Upcall<?> f) {}"
                        + " @NativeFunction(\"void(F)\") void set(F f);"),
                calc(Message.REQUIRE_FAST, "record Flags(int on, Long code) {}"
                        + " @NativeFunction(value = \"void({u8, u32})\", requireFast = true) void set(Flags f);"),
                calc(Message.REQUIRE_FAST, "@NativeCallback(\"i64(i64)\") interface Op { long apply(long x); }"
                        + " record Handler(int tag, Op op) {}"
                        + " @NativeFunction(value = \"void({i32, function})\", requireFast = true) void set(Handler h);"),
                calc(Message.STRUCT_MISMATCH, "@NativeCallback(\"i64(i64)\") interface Op { long apply(long x); }"
                        + " record Handler(Op op) {} @NativeFunction(\"void({pointer})\") void set(Handler h);"),
                calc(EnumSet.of(Message.STRUCT_ARRAY_INVALID, Message.NATIVE_STRUCT_INVALID),
                        "@NativeStruct(\"{f64, flot}\") record Bad(double x, double y) {}"
                        + " @NativeFunction(\"void(buffer, usize)\") void fill(Bad[] points, long n);"),
                calc(Message.NATIVE_STRUCT_INVALID, "@NativeStruct(\"{f64, flot}\") record Bad(double x, double y) {}"
                        + " @NativeFunction(\"f64({f64, f64})\") double length(Bad p);"),
                calc(Message.NATIVE_STRUCT_NOT_A_STRUCT, "@NativeStruct(\"f64\") record One(double x) {}"
                        + " @NativeFunction(\"f64({f64})\") double length(One p);"),
                calc(Message.NATIVE_STRUCT_MISMATCH, "@NativeStruct(\"{f64, f64}\") record P(double x, int y) {}"
                        + " @NativeFunction(\"f64(P)\") double length(P p);"),
                // the record cannot be parsed either, so the name in the signature is unknown
                calc(EnumSet.of(Message.NATIVE_STRUCT_RECURSIVE, Message.SIGNATURE_INVALID),
                        "@NativeStruct(\"{i32, Node}\") record Node(int x, Node next) {}"
                        + " @NativeFunction(\"i32(Node*)\") int length(Node n);"),
                calc(Message.NATIVE_STRUCT_RECURSIVE,
                        "@NativeStruct(\"{i32, {i32, i32}}\") record A(int x, B b) {} record B(int y, A a) {}"
                        + " @NativeFunction(\"i32(A)\") int sum(A a);"),
                calc(Message.STRUCT_POINTER_ARGUMENT_TYPE, "@NativeFunction(\"i32({i32, i32}*)\") int sum(long p);"),
                calc(Message.STRUCT_POINTER_RESULT_TYPE, "@NativeFunction(\"{i32, i32}*()\") long origin();"),
                calc(Message.FREE_INVALID, "@NativeFunction(value = \"string()\", free = \"my free\") String name();"),
                calc(Message.FREE_NOT_OWNED, "@NativeFunction(value = \"i32()\", free = \"free\") int count();"),
                calc(Message.FREE_SEGMENT_RESULT,
                        "@NativeFunction(value = \"{i32}*()\", free = \"free\") MemorySegment make();"),
                new Case(EnumSet.of(Message.SIGNATURE_INVALID), "public interface Calc {"
                        + " @NativeStruct(\"{i32}\") record Pt(int x) {}"
                        + " @NativeFunction(\"i32(Pt*)\") int sum(Holder.Pt p); }"
                        + " class Holder { @NativeStruct(\"{i32}\") record Pt(int x) {} }"),
                callback(Message.CALLBACK_METHOD_COUNT, "@NativeCallback(\"void()\") interface Cb { void a(); void b(); }"),
                callback(Message.CALLBACK_SIGNATURE_INVALID, "@NativeCallback(\"i32(pointr)\") interface Cb { int a(MemorySegment p); }"),
                callback(Message.CALLBACK_VARIADIC, "@NativeCallback(\"i32(i32, ...)\") interface Cb { int a(int x); }"),
                callback(Message.CALLBACK_ARGUMENT_COUNT, "@NativeCallback(\"i32(i32, i32)\") interface Cb { int a(int x); }"),
                callback(Message.CALLBACK_ARGUMENT_LIMIT, "@NativeCallback(\"i64(" + String.join(", ",
                        Collections.nCopies(127, "i64")) + ")\") interface Cb { long a(" + IntStream.range(0, 127)
                                .mapToObj(i -> "long a" + i).collect(Collectors.joining(", ")) + "); }"),
                callback(Message.CALLBACK_ARGUMENT_LIMIT, "@NativeCallback(\"{[131073]i64}()\") interface Cb { Huge a(); }"
                        + " @NativeStruct(\"{[131073]i64}\") record Huge(long[] values) {}"),
                callback(Message.CALLBACK_ARGUMENT_TYPE, "@NativeCallback(\"void(u32)\") interface Cb { void a(short x); }"),
                callback(Message.CALLBACK_RESULT_TYPE, "@NativeCallback(\"i32()\") interface Cb { Integer a(); }"),
                callback(Message.CALLBACK_ARGUMENT_TYPE, "@NativeCallback(\"void({i32, i32})\") interface Cb { void a(long p); }"),
                callback(Message.CALLBACK_RESULT_TYPE, "@NativeCallback(\"{i32, i32}()\") interface Cb { MemorySegment a(); }"),
                callback(Message.CALLBACK_STRUCT_MISMATCH, "@NativeCallback(\"void({i32, i32})\") interface Cb {"
                        + " record Wrong(double x, int y) {} void a(Wrong p); }"),
                callback(Message.CALLBACK_STRUCT_POINTER_ARGUMENT_TYPE,
                        "@NativeCallback(\"void({i32, i32}*)\") interface Cb { void a(long p); }"),
                callback(Message.CALLBACK_STRUCT_POINTER_RESULT_TYPE, "@NativeCallback(\"Pt*()\") interface Cb {"
                        + " @NativeStruct(\"{i32}\") record Pt(int x) {} Pt a(); }"),
                callback(Message.CALLBACK_STRUCT_POINTER_RESULT_TYPE,
                        "@NativeCallback(\"{i32}*()\") interface Cb { long a(); }"),
                callback(Message.CALLBACK_STRUCT_MISMATCH, "@NativeCallback(\"void({i32, i32}*)\") interface Cb {"
                        + " record Wrong(double x, int y) {} void a(Wrong p); }"),
                callback(Message.CALLBACK_SIGNATURE_INVALID, "@NativeCallback(\"void(Pt*)\") interface Cb {"
                        + " @NativeStruct(\"{i32}\") record Pt(int x) {} void a(Holder.Pt p); }"
                        + " class Holder { @NativeStruct(\"{i32}\") record Pt(int x) {} }"),
                new Case(EnumSet.of(Message.SIGNATURE_INVALID), "public interface Calc {"
                        + " @NativeCallback(\"void(Pt*)\") interface Visit {"
                        + " @NativeStruct(\"{i32}\") record Pt(int x) {} void at(Pt point); }"
                        + " @NativeFunction(\"void(function, Pt*)\") void walk(Visit visit, Holder.Pt start); }"
                        + " class Holder { @NativeStruct(\"{i32}\") record Pt(int x) {} }"),
                callback(Message.CALLBACK_STRUCT_MISMATCH, "@NativeCallback(\"void({i16, u64})\") interface Cb {"
                        + " record Wide(int x, String y) {} void a(Wide p); }"),
                callback(Message.CALLBACK_TYPE_UNBOUND, "@NativeCallback(\"i32(pointer)\") interface Cb<T> { int a(T x); }"),
                callback(Message.CALLBACK_TYPE_UNBOUND, "@NativeCallback(\"pointer(i32)\") interface Cb<T> { T a(int x); }"));
    }

    private static Case calc(Message message, String body) {
        return calc(EnumSet.of(message), body);
    }

    private static Case calc(Set<Message> messages, String body) {
        return new Case(messages, "public interface Calc { " + body + " }");
    }

    private static Case callback(Message message, String declaration) {
        return new Case(EnumSet.of(message), "public " + declaration);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void processorAndRuntimeSayTheSameSentences(Case c) throws Exception {
        JavaFileObject source = source(c);
        Compilation processed = Compilations.compile(source);
        List<String> diagnostics = processed.errors().stream().map(d -> d.getMessage(Locale.ROOT)).toList();
        assertThat(processed.diagnostics().stream().filter(d -> d.getKind() != Diagnostic.Kind.ERROR)
                .filter(d -> d.getKind() != Diagnostic.Kind.NOTE).toList()).isEmpty();

        Class<?> type = unprocessed(source);
        FfiException thrown = assertThrows(FfiException.class, () -> bind(type));
        assertThat(thrown.code()).isEqualTo(FfiException.Code.INVALID_SIGNATURE);
        String message = thrown.getMessage();
        String prefix = "INVALID_SIGNATURE: " + type.getSimpleName();
        assertThat(message).startsWith(prefix);
        String sentences = message.substring(message.indexOf(": ", prefix.length()) + 2);

        assertThat(Arrays.asList(sentences.split("\n"))).containsExactlyElementsIn(diagnostics);
        assertThat(diagnostics.stream().map(RulesAgreeTest::messageOf).toList())
                .containsExactlyElementsIn(c.messages());
    }

    /**
     * The message whose template {@code text} fills in; where several do ({@code "@NativeStruct(\"%s\"): %s"}
     * also fits every longer {@code @NativeStruct} sentence), the one with the most fixed text.
     */
    private static Message messageOf(String text) {
        return Arrays.stream(Message.values())
                .filter(m -> Pattern.matches(Arrays.stream(m.template().split("%[sd]", -1))
                        .map(Pattern::quote).collect(Collectors.joining(".*")), text))
                .max(Comparator.comparingInt(m -> m.template().replaceAll("%[sd]", "").length()))
                .orElseThrow(() -> new AssertionError("no message reads " + text));
    }

    @Test
    void everyMessageIsComparedOrOnlyTheProcessorsOwn() {
        Set<Message> compared = EnumSet.noneOf(Message.class);
        cases().forEach(c -> compared.addAll(c.messages()));
        Set<Message> all = EnumSet.copyOf(compared);
        all.addAll(PROCESSOR_ONLY);
        assertThat(all).containsExactlyElementsIn(EnumSet.allOf(Message.class));
        assertThat(compared).containsNoneIn(PROCESSOR_ONLY);
    }

    private static void bind(Class<?> type) {
        if (type.isAnnotationPresent(dev.fastffi.annotations.NativeCallback.class)) {
            @SuppressWarnings("unchecked")
            Class<Object> callback = (Class<Object>) type;
            Upcall.of(callback, null);
        } else {
            FastFfi.load(type);
        }
    }

    private static JavaFileObject source(Case c) {
        String name = c.body().contains("interface Cb") ? "com.x.Cb" : "com.x.Calc";
        return Compilations.source(name, Stream.concat(Stream.of("package com.x;",
                "import dev.fastffi.annotations.*;",
                "import java.lang.foreign.MemorySegment;",
                "import java.util.concurrent.CompletableFuture;"), Stream.of(c.body())).toArray(String[]::new));
    }

    /** Compiles {@code source} without any processor, as a build without fastffi's would, and loads its type. */
    private static Class<?> unprocessed(JavaFileObject source) throws ClassNotFoundException {
        Compilation compilation = Compiler.javac()
                .withClasspath(Compilations.classpath())
                .withOptions("--release", "22", "-proc:none")
                .compile(source);
        String main = source.getName().contains("Cb") ? "com.x.Cb" : "com.x.Calc";
        return CompiledClasses.load(compilation, main);
    }
}
