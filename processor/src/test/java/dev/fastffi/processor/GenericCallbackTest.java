package dev.fastffi.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fastffi.processor.Compilations.compile;
import static dev.fastffi.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Callback interfaces whose one method a generic super-interface declares: checked and viewed with
 * the types the interface binds ({@code compare(MemorySegment, MemorySegment)} of a
 * {@code Comparator<MemorySegment>}), and refused where a type stays a type variable.
 */
class GenericCallbackTest {

    private static JavaFileObject callback(String name, String... declaration) {
        String[] lines = new String[declaration.length + 4];
        lines[0] = "package com.x;";
        lines[1] = "import dev.fastffi.annotations.NativeCallback;";
        lines[2] = "import java.lang.foreign.MemorySegment;";
        lines[3] = "import java.util.Comparator;";
        System.arraycopy(declaration, 0, lines, 4, declaration.length);
        return source("com.x." + name, lines);
    }

    private static String view(Compilation compilation, String callback) throws IOException {
        return compilation.generatedSourceFile("com.x." + callback + "$FastFfiView").orElseThrow()
                .getCharContent(true).toString();
    }

    private static String unbound(int index, String callback) {
        return "Argument " + index + " of @NativeCallback(\"i32(pointer, pointer)\") is declared as T in"
                + " 'java.util.Comparator', which '" + callback + "' does not bind to a concrete type; give the"
                + " generic interfaces '" + callback + "' extends their type arguments, as in"
                + " 'extends Comparator<MemorySegment>' rather than raw 'extends Comparator', and declare no type"
                + " parameters on it.";
    }

    @Test
    void aComparatorOfSegmentsIsAcceptedAndGetsAFastView() throws IOException {
        Compilation compilation = compile(callback("Cmp",
                "@NativeCallback(\"i32(pointer, pointer)\")",
                "public interface Cmp extends Comparator<MemorySegment> {}"));

        assertThat(compilation).succeededWithoutWarnings();
        String view = view(compilation, "Cmp");
        assertThat(view).contains("final class Cmp$FastFfiView implements Cmp {");
        assertThat(view).contains("Calls {@code i32 (*function)(pointer, pointer)} on the fast path.");
        assertThat(view).contains("public int compare(MemorySegment arg0, MemorySegment arg1) {");
    }

    @Test
    void aTypeArgumentPassedDownAChainOfInterfacesIsBound() throws IOException {
        Compilation compilation = compile(
                source("com.x.Ordering", "package com.x;",
                        "public interface Ordering<X> extends java.util.Comparator<X> {}"),
                callback("Cmp",
                        "@NativeCallback(\"i32(pointer, pointer)\")",
                        "public interface Cmp extends Ordering<MemorySegment> {}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(view(compilation, "Cmp")).contains("public int compare(MemorySegment arg0, MemorySegment arg1) {");
    }

    @Test
    void everyInterfaceAboveARawOneIsErasedEvenOneThatIsNotGeneric() {
        Compilation compilation = compile(
                source("com.x.Segments", "package com.x;",
                        "public interface Segments extends java.util.Comparator<java.lang.foreign.MemorySegment> {}"),
                source("com.x.Holder", "package com.x;", "public interface Holder<X> extends Segments {}"),
                callback("Cmp",
                        "@NativeCallback(\"i32(pointer, pointer)\")",
                        "@SuppressWarnings(\"rawtypes\")",
                        "public interface Cmp extends Holder {}"));

        assertThat(compilation).hadErrorContaining("Method 'compare' inherited from 'java.util.Comparator' cannot"
                + " be bound: " + unbound(0, "Cmp"));
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void aBoxedArgumentBoundByATypeArgumentIsAcceptedWithAViewOnTheCompatibilityPath() throws IOException {
        Compilation compilation = compile(callback("IntSink",
                "@NativeCallback(\"void(i32)\")",
                "public interface IntSink extends java.util.function.Consumer<Integer> {}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(view(compilation, "IntSink")).contains("public void accept(Integer arg0) {");
        assertThat(view(compilation, "IntSink")).contains("on the compatibility path");
    }

    @Test
    void aRecordBoundByATypeArgumentIsAStructTheCallbacksAndTheFunctionsSignaturesMayName() {
        Compilation compilation = compile(
                source("com.y.Spot", "package com.y;",
                        "@dev.fastffi.annotations.NativeStruct(\"{i32, i32}\")",
                        "public record Spot(int x, int y) {}"),
                callback("SpotReader",
                        "@NativeCallback(\"i32(Spot*)\")",
                        "public interface SpotReader extends java.util.function.ToIntFunction<com.y.Spot> {}"),
                source("com.x.Walker", "package com.x;",
                        "import dev.fastffi.annotations.NativeFunction;",
                        "public interface Walker {",
                        "    @NativeFunction(\"i32(function, Spot*)\")",
                        "    int walk(SpotReader visit, java.lang.foreign.MemorySegment start);",
                        "}"));

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void aBoxedResultBoundByATypeArgumentIsReportedByItsName() {
        Compilation compilation = compile(callback("Increment",
                "@NativeCallback(\"i32(i32)\")",
                "public interface Increment extends java.util.function.Function<Integer, Integer> {}"));

        assertThat(compilation).hadErrorContaining("Method 'apply' inherited from 'java.util.function.Function' cannot"
                        + " be bound: The result of @NativeCallback(\"i32(i32)\") is C type 'i32', which cannot be"
                        + " returned as Integer; use one of int.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("public interface Increment");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aRawSuperInterfaceLeavesTheTypeVariableUnbound() {
        Compilation compilation = compile(callback("Cmp",
                "@NativeCallback(\"i32(pointer, pointer)\")",
                "@SuppressWarnings(\"rawtypes\")",
                "public interface Cmp extends Comparator {}"));

        for (int i = 0; i < 2; i++) {
            assertThat(compilation).hadErrorContaining("Method 'compare' inherited from 'java.util.Comparator' cannot"
                            + " be bound: " + unbound(i, "Cmp"))
                    .inFile(compilation.sourceFiles().get(0))
                    .onLineContaining("public interface Cmp");
        }
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void aRawInterfaceInTheChainLeavesTheTypeVariableUnbound() {
        Compilation compilation = compile(
                source("com.x.Ordering", "package com.x;",
                        "public interface Ordering<X> extends java.util.Comparator<X> {}"),
                callback("Cmp",
                        "@NativeCallback(\"i32(pointer, pointer)\")",
                        "@SuppressWarnings(\"rawtypes\")",
                        "public interface Cmp extends Ordering {}"));

        assertThat(compilation).hadErrorContaining("Method 'compare' inherited from 'java.util.Comparator' cannot"
                + " be bound: " + unbound(0, "Cmp"));
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void aCallbackInterfaceOfItsOwnTypeParameterLeavesItUnbound() {
        Compilation compilation = compile(callback("Cmp",
                "@NativeCallback(\"i32(pointer, pointer)\")",
                "public interface Cmp<T> extends Comparator<T> {}"));

        assertThat(compilation).hadErrorContaining("Method 'compare' inherited from 'java.util.Comparator' cannot"
                        + " be bound: " + unbound(1, "Cmp"))
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("public interface Cmp");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void aTypeVariableOfTheCallbacksOwnMethodIsReportedOnTheParameterOrTheMethod() {
        Compilation compilation = compile(callback("Make",
                "@NativeCallback(\"pointer(pointer)\")",
                "public interface Make<R> {",
                "    R make(",
                "            R[] from);",
                "}"));

        assertThat(compilation).hadErrorContaining("Argument 0 of @NativeCallback(\"pointer(pointer)\") is declared as"
                        + " R[] in 'com.x.Make', which 'Make' does not bind to a concrete type; give the generic"
                        + " interfaces 'Make' extends their type arguments, as in 'extends Comparator<MemorySegment>'"
                        + " rather than raw 'extends Comparator', and declare no type parameters on it.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("R[] from");
        assertThat(compilation).hadErrorContaining("The result of @NativeCallback(\"pointer(pointer)\") is declared as"
                        + " R in 'com.x.Make', which 'Make' does not bind to a concrete type;")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("R make(");
        assertThat(compilation).hadErrorCount(2);
    }
}
