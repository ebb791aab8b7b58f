package dev.fastffi.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fastffi.processor.Compilations.compile;
import static dev.fastffi.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Report everything, then stop: every error in one compilation, and no file for an interface with errors. */
class ReportingTest {

    @Test
    void errorsAcrossMethodsAndInterfacesAreAllReportedAndOnlyCleanInterfacesAreGenerated() {
        JavaFileObject first = source("com.x.First",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public interface First {",
                "    @NativeFunction(\"i32(i32\")",
                "    int unclosed(int x);",
                "    @NativeFunction(\"i32(i32)\")",
                "    int fine(int x);",
                "    @NativeFunction(\"i32(i32)\")",
                "    int wrongType(String x);",
                "}");
        JavaFileObject second = source("com.x.Second",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public interface Second {",
                "    @NativeFunction(\"i32(i32, i32)\")",
                "    int tooFew(int x);",
                "    int unannotated();",
                "}");
        JavaFileObject clean = source("com.x.Clean",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public interface Clean {",
                "    @NativeFunction(\"i32(i32)\")",
                "    int abs(int x);",
                "}");
        RecordingProcessor processor = RecordingProcessor.recording();

        Compilation compilation = compile(processor, List.of(), first, second, clean);

        assertThat(compilation).hadErrorCount(4);
        assertThat(compilation).hadErrorContaining("missing ')'").inFile(first).onLineContaining("i32(i32\"");
        assertThat(compilation).hadErrorContaining("cannot be passed as String").inFile(first)
                .onLineContaining("String x");
        assertThat(compilation).hadErrorContaining("declares 2 arguments").inFile(second)
                .onLineContaining("i32(i32, i32)");
        assertThat(compilation).hadErrorContaining("'unannotated' has none").inFile(second)
                .onLineContaining("int unannotated()");
        assertThat(processor.written()).containsExactly("com.x.Clean$FastFfi");
    }

    @Test
    void everyProblemOfOneMethodIsReported() {
        JavaFileObject calc = source("com.x.Calc",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public interface Calc {",
                "    @NativeFunction(value = \"i32(i32, i32)\", symbol = \"not a symbol\", optional = true)",
                "    String f(String a,",
                "             int b);",
                "}");

        Compilation compilation = compile(calc);

        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining("symbol = \"not a symbol\"").inFile(calc)
                .onLineContaining("@NativeFunction");
        assertThat(compilation).hadErrorContaining("Argument 0").inFile(calc).onLineContaining("String a");
        assertThat(compilation).hadErrorContaining("The result").inFile(calc).onLineContaining("String f(");
    }

    @Test
    void inheritedNativeMethodsAreImplementedToo() {
        JavaFileObject base = source("com.x.Base",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public interface Base<T> {",
                "    @NativeFunction(\"i64(i64)\")",
                "    T labs(T x);",
                "}");
        JavaFileObject calc = source("com.x.Calc",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public interface Calc extends Base<Long> {",
                "    @NativeFunction(\"i32(i32)\")",
                "    int abs(int x);",
                "}");
        RecordingProcessor processor = RecordingProcessor.recording();

        Compilation compilation = compile(processor, List.of(), base, calc);

        // Base itself is generic, so only Calc, which fixes T to Long, can be bound.
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining("must not declare type parameters").inFile(base)
                .onLineContaining("interface Base<T>");
        assertThat(compilation).hadErrorContaining("cannot be passed as T").inFile(base).onLineContaining("T x");
        assertThat(compilation).hadErrorContaining("cannot be returned as T").inFile(base).onLineContaining("T labs");
        assertThat(processor.written()).containsExactly("com.x.Calc$FastFfi");
    }

    @Test
    void interfaceBindsTheNativeMethodsItInherits() {
        JavaFileObject base = source("com.x.Base",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public interface Base {",
                "    @NativeFunction(\"i64(i64)\")",
                "    long labs(long x);",
                "}");
        JavaFileObject calc = source("com.x.Calc",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public interface Calc extends Base {",
                "    @NativeFunction(\"i32(i32)\")",
                "    int abs(int x);",
                "}");

        Compilation compilation = compile(base, calc);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.x.Calc$FastFfi").contentsAsUtf8String()
                .contains("+ \"labs i64(i64)\");");
        assertThat(compilation).generatedSourceFile("com.x.Calc$FastFfi").contentsAsUtf8String()
                .contains("this.labs$ = symbols$[1];");
    }
}
