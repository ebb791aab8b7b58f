package dev.fastffi.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fastffi.processor.Compilations.compile;
import static dev.fastffi.processor.Compilations.compileAgainst;
import static dev.fastffi.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per message about a {@code @NativeCallback} type: its text and the line it underlines. */
class CallbackDiagnosticsTest {

    private static Compilation compileCallback(String... declaration) {
        String[] lines = new String[declaration.length + 3];
        lines[0] = "package com.x;";
        lines[1] = "import dev.fastffi.annotations.NativeCallback;";
        lines[2] = "import java.lang.foreign.MemorySegment;";
        System.arraycopy(declaration, 0, lines, 3, declaration.length);
        return compile(source("com.x.Compare", lines));
    }

    @Test
    void validCallbackCompilesWithoutWarnings() {
        Compilation compilation = compileCallback(
                "@NativeCallback(\"i32(pointer, pointer)\")",
                "public interface Compare {",
                "    int compare(MemorySegment a, MemorySegment b);",
                "    default Compare reversed() { return (a, b) -> compare(b, a); }",
                "}");
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void callbackOnAClassIsReportedOnTheAnnotation() {
        Compilation compilation = compileCallback(
                "@NativeCallback(\"void()\")",
                "public abstract class Compare {",
                "    public abstract void run();",
                "}");
        assertThat(compilation).hadErrorContaining(
                        "@NativeCallback is only allowed on interfaces, but 'com.x.Compare' is not one;"
                                + " declare the callback type as a functional interface.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("@NativeCallback(\"void()\")");
    }

    @Test
    void callbackWithTwoAbstractMethodsIsReportedOnTheAnnotation() {
        Compilation compilation = compileCallback(
                "@NativeCallback(\"void()\")",
                "public interface Compare {",
                "    void run();",
                "    void walk();",
                "}");
        assertThat(compilation).hadErrorContaining(
                        "@NativeCallback interface 'Compare' must have exactly one abstract method, but it has"
                                + " 2 abstract methods; a callback type is a functional interface.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("@NativeCallback(\"void()\")");
    }

    @Test
    void badCallbackSignatureIsReportedOnItsValue() {
        Compilation compilation = compileCallback(
                "@NativeCallback(\"i32(pointr)\")",
                "public interface Compare {",
                "    int compare(MemorySegment a);",
                "}");
        assertThat(compilation).hadErrorContaining(
                        "@NativeCallback(\"i32(pointr)\"): unknown type 'pointr' at column 5; did you mean 'pointer'?")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("pointr");
    }

    @Test
    void variadicCallbackIsReportedOnItsValue() {
        Compilation compilation = compileCallback(
                "@NativeCallback(\"i32(pointer, ...)\")",
                "public interface Compare {",
                "    int compare(MemorySegment a);",
                "}");
        assertThat(compilation).hadErrorContaining(
                        "@NativeCallback(\"i32(pointer, ...)\"): a callback cannot be variadic ('...');"
                                + " declare the arguments C passes.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("@NativeCallback(\"i32(pointer, ...)\")");
    }

    @Test
    void callbackArgumentCountMismatchNamesBothCounts() {
        Compilation compilation = compileCallback(
                "@NativeCallback(\"i32(pointer, pointer)\")",
                "public interface Compare {",
                "    int compare(MemorySegment a);",
                "}");
        assertThat(compilation).hadErrorContaining(
                        "@NativeCallback(\"i32(pointer, pointer)\") declares 2 arguments, but method 'compare' has"
                                + " 1 parameter; they must match one to one.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("@NativeCallback(\"i32(pointer, pointer)\")");
    }

    @Test
    void callbackWithMoreArgumentsThanTheLinkerTakesIsReportedWithCountAndLimit() {
        String i32s = String.join(", ", java.util.Collections.nCopies(253, "i32"));
        String ints = String.join(", ", java.util.stream.IntStream.range(0, 253).mapToObj(i -> "int a" + i).toList());
        Compilation compilation = compileCallback(
                "@NativeCallback(\"i32(" + i32s + ")\")",
                "public interface Compare {",
                "    int compare(" + ints + ");",
                "}");
        assertThat(compilation).hadErrorContaining("@NativeCallback(\"i32(" + i32s + ")\") has 253 arguments, more"
                        + " than the platform's linker takes: they need 253 argument slots and it has 252 (at most 252"
                        + " arguments of 4 bytes or less, or 126 of 8 bytes; a struct by value takes 2 per 8 bytes, and"
                        + " errno, a struct result and variadic arguments 2 more"
                        + " (errno 3 when the result is an 8-byte number)); pass some arguments in memory, e.g."
                        + " as a buffer or a struct pointer.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("@NativeCallback(\"i32(i32");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void callbackWithAStructResultCountsItsSlots() {
        String i64s = String.join(", ", java.util.Collections.nCopies(126, "i64"));
        String longs = String.join(", ", java.util.stream.IntStream.range(0, 126).mapToObj(i -> "long a" + i).toList());
        Compilation compilation = compileCallback(
                "@NativeCallback(\"{i64, i64}(" + i64s + ")\")",
                "public interface Compare {",
                "    record Pair(long a, long b) {}",
                "    Pair compare(" + longs + ");",
                "}");
        assertThat(compilation).hadErrorContaining("@NativeCallback(\"{i64, i64}(" + i64s + ")\") has 126 arguments,"
                        + " more than the platform's linker takes: they need 254 argument slots and it has 252")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("@NativeCallback(\"{i64, i64}(i64");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void callbackArgumentOfAWrongTypeIsReportedOnTheParameter() {
        Compilation compilation = compileCallback(
                "@NativeCallback(\"void(string, u32)\")",
                "public interface Compare {",
                "    void log(String text,",
                "             short level);",
                "}");
        assertThat(compilation).hadErrorContaining(
                        "Argument 1 of @NativeCallback(\"void(string, u32)\") is C type 'u32', which cannot arrive as"
                                + " short; use one of int, long, Integer, Long.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("short level");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void bufferArgumentOfACallbackIsReportedAsImpossible() {
        Compilation compilation = compileCallback(
                "@NativeCallback(\"void(buffer)\")",
                "public interface Compare {",
                "    void take(byte[] data);",
                "}");
        assertThat(compilation).hadErrorContaining(
                        "Argument 0 of @NativeCallback(\"void(buffer)\") is C type 'buffer', which cannot arrive as"
                                + " byte[]; none: callbacks cannot have this C type.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("byte[] data");
    }

    @Test
    void boxedCallbackResultIsReportedOnTheMethod() {
        Compilation compilation = compileCallback(
                "@NativeCallback(\"i32(pointer, pointer)\")",
                "public interface Compare {",
                "    Integer compare(MemorySegment a, MemorySegment b);",
                "}");
        assertThat(compilation).hadErrorContaining(
                        "The result of @NativeCallback(\"i32(pointer, pointer)\") is C type 'i32', which cannot be"
                                + " returned as Integer; use one of int.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("Integer compare");
    }

    @Test
    void structArgumentThatIsNoRecordIsReportedOnTheParameter() {
        Compilation compilation = compileCallback(
                "@NativeCallback(\"void({i32, i32})\")",
                "public interface Compare {",
                "    void visit(long pair);",
                "}");
        assertThat(compilation).hadErrorContaining(
                        "Argument 0 of @NativeCallback(\"void({i32, i32})\") is C type '{i32, i32}', which cannot arrive"
                                + " as long; use a record whose components match its fields.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("long pair");
    }

    @Test
    void structRecordThatDoesNotMatchIsReportedOnTheParameterAndTheMethod() {
        Compilation compilation = compileCallback(
                "@NativeCallback(\"{i32, i32}({i32, i32})\")",
                "public interface Compare {",
                "    record Pair(int left, double right) {}",
                "    Pair swap(",
                "            Pair pair);",
                "}");
        assertThat(compilation).hadErrorContaining(
                        "Argument 0 of @NativeCallback(\"{i32, i32}({i32, i32})\") is the struct {i32, i32}: record Pair"
                                + " component 'right' is double, but the field is i32; declare it as int, Integer or Long.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("Pair pair");
        assertThat(compilation).hadErrorContaining(
                        "The result of @NativeCallback(\"{i32, i32}({i32, i32})\") is the struct {i32, i32}: record Pair"
                                + " component 'right' is double, but the field is i32; declare it as int, Integer or Long.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("Pair swap");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void structRecordFromTheClassPathThatDoesNotMatchIsReportedOnTheParameter(@TempDir Path classes) {
        Compilation library = compile(source("com.x.Pt",
                "package com.x;",
                "public record Pt(int x, double y) {}"));
        assertThat(library).succeededWithoutWarnings();
        JavaFileObject visit = source("com.x.Visit",
                "package com.x;",
                "import dev.fastffi.annotations.NativeCallback;",
                "@NativeCallback(\"void({i32, i32})\")",
                "public interface Visit {",
                "    void at(",
                "            Pt point);",
                "}");

        Compilation compilation = compileAgainst(library, classes, visit);

        assertThat(compilation).hadErrorContaining("Argument 0 of @NativeCallback(\"void({i32, i32})\") is the struct"
                        + " {i32, i32}: record Pt component 'y' is double, but the field is i32; declare it as int,"
                        + " Integer or Long.")
                .inFile(visit).onLineContaining("Pt point");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void validStructCallbackCompilesWithoutWarningsAndGetsAView() {
        Compilation compilation = compileCallback(
                "@NativeCallback(\"{i32, i32}({i32, i32})\")",
                "public interface Compare {",
                "    record Pair(int left, int right) {}",
                "    Pair swap(Pair pair);",
                "}");
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.x.Compare$FastFfiView");
    }

    @Test
    void privateNestedCallbackGetsNoViewAndCompiles() {
        Compilation compilation = compile(source("com.x.Outer",
                "package com.x;",
                "import dev.fastffi.annotations.NativeCallback;",
                "public class Outer {",
                "    @NativeCallback(\"i32(i32)\")",
                "    private interface Twice { int apply(int x); }",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        org.junit.jupiter.api.Assertions.assertTrue(compilation.generatedSourceFiles().isEmpty());
    }
}
