package dev.fastffi.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fastffi.processor.Compilations.compile;
import static dev.fastffi.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Struct pointers in {@code @NativeCallback} signatures: each message's text and the line it
 * underlines, and the struct names a callback's and a function's signature may use.
 */
class CallbackStructPointerDiagnosticsTest {

    private static Compilation compileCallback(String... declaration) {
        String[] lines = new String[declaration.length + 4];
        lines[0] = "package com.x;";
        lines[1] = "import dev.fastffi.annotations.NativeCallback;";
        lines[2] = "import dev.fastffi.annotations.NativeStruct;";
        lines[3] = "import java.lang.foreign.MemorySegment;";
        System.arraycopy(declaration, 0, lines, 4, declaration.length);
        return compile(source("com.x.Visit", lines));
    }

    private static String content(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aStructPointerOfAnotherTypeIsReportedOnTheParameter() {
        Compilation compilation = compileCallback(
                "@NativeCallback(\"void({i32, i32}*)\")",
                "public interface Visit {",
                "    void at(long point);",
                "}");
        assertThat(compilation).hadErrorContaining(
                        "Argument 0 of @NativeCallback(\"void({i32, i32}*)\") is a pointer to the struct {i32, i32},"
                                + " which cannot arrive as long; use a record matching the struct, read once when C"
                                + " calls, or MemorySegment, sized to the struct.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("long point");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aRecordResultIsReportedOnTheMethodSayingToReturnASegmentFromTheCallersArena() {
        Compilation compilation = compileCallback(
                "@NativeCallback(\"Pt*(i32)\")",
                "public interface Visit {",
                "    @NativeStruct(\"{i32, i32}\") record Pt(int x, int y) {}",
                "    Pt make(int x);",
                "}");
        assertThat(compilation).hadErrorContaining(
                        "The result of @NativeCallback(\"Pt*(i32)\") is a pointer to the struct {i32, i32}, which cannot"
                                + " be returned as Pt: C gets only the address, and no one would own memory made for"
                                + " it; return a MemorySegment from an Arena the caller owns (NativeMemory.write fills"
                                + " it from a record).")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("Pt make(int x)");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void anAmbiguousStructNameIsReportedOnTheSignature() {
        Compilation compilation = compileCallback(
                "@NativeCallback(\"void(Pt*)\")",
                "public interface Visit {",
                "    @NativeStruct(\"{i32}\") record Pt(int x) {}",
                "    void at(Holder.Pt point);",
                "    class Holder { @NativeStruct(\"{i32}\") public record Pt(int x) {} }",
                "}");
        assertThat(compilation).hadErrorContaining(
                        "@NativeCallback(\"void(Pt*)\"): struct name 'Pt' is ambiguous: it names com.x.Visit.Holder.Pt"
                                + " and com.x.Visit.Pt")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("@NativeCallback(\"void(Pt*)\")");
    }

    @Test
    void aCallbackNamesARecordOfItsInterfaceAndItsViewIsFast() {
        Compilation compilation = compileCallback(
                "@NativeCallback(\"Pt*(Pt*, Pt*)\")",
                "public interface Visit {",
                "    @NativeStruct(\"{i32, i32}\") record Pt(int x, int y) {}",
                "    MemorySegment at(Pt from, MemorySegment to);",
                "}");
        assertThat(compilation).succeededWithoutWarnings();
        String view = content(compilation.generatedSourceFile("com.x.Visit$FastFfiView").orElseThrow());
        assertTrue(view.contains("private final NativeSymbol"), view);
        assertEquals(false, view.contains("CompatFunction"), view);
    }

    @Test
    void aFunctionNamesTheRecordOfItsCallbackType() {
        Compilation compilation = compile(
                source("com.x.Visit",
                        "package com.x;",
                        "import dev.fastffi.annotations.NativeCallback;",
                        "import dev.fastffi.annotations.NativeStruct;",
                        "@NativeCallback(\"void(Pt*)\")",
                        "public interface Visit {",
                        "    @NativeStruct(\"{i32, i32}\") record Pt(int x, int y) {}",
                        "    void at(Pt point);",
                        "}"),
                source("com.x.Walk",
                        "package com.x;",
                        "import dev.fastffi.annotations.NativeFunction;",
                        "import dev.fastffi.Upcall;",
                        "import java.lang.foreign.MemorySegment;",
                        "public interface Walk {",
                        "    @NativeFunction(\"void(function, Pt*)\") void walk(Visit visit, MemorySegment start);",
                        "    @NativeFunction(value = \"void(function, Pt*)\", symbol = \"walk\")",
                        "    void walkFast(Upcall<Visit> visit, MemorySegment start);",
                        "}"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.x.Walk$FastFfi");
    }

    @Test
    void withoutTheCallbackTypeTheFunctionsNameIsUnknown() {
        Compilation compilation = compile(source("com.x.Walk",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "import java.lang.foreign.MemorySegment;",
                "public interface Walk {",
                "    @NativeFunction(\"void(pointer, Pt*)\") void walk(MemorySegment visit, MemorySegment start);",
                "}"));
        assertThat(compilation).hadErrorContaining("@NativeFunction(\"void(pointer, Pt*)\"): unknown struct 'Pt' at"
                        + " column 15; no @NativeStruct record is known here; write the fields inline, e.g. '{f64, f64}'")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("void walk(");
    }
}
