package dev.fastffi.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fastffi.processor.Compilations.compile;
import static dev.fastffi.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import dev.fastffi.FastFfi;
import dev.fastffi.Library;
import dev.fastffi.internal.Bindings;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Interfaces the processor finds through {@code @NativeLibrary} alone, with no function of their own. */
class LibraryInterfacesTest {

    @Test
    void libraryInterfaceWithoutFunctionsGetsABindingThatLoadsTheLibrary() throws Exception {
        JavaFileObject preload = source("com.x.Preload",
                "package com.x;",
                "import dev.fastffi.annotations.NativeLibrary;",
                "/** Loads the C library, on which a library loaded later depends. */",
                "@NativeLibrary(\"c\")",
                "public interface Preload {}");

        Compilation compilation = compile(preload);

        assertThat(compilation).succeededWithoutWarnings();
        Class<?> type = CompiledClasses.load(compilation, "com.x.Preload");
        Object binding = FastFfi.load(type);
        assertThat(binding.getClass().getName()).isEqualTo("com.x.Preload$FastFfi");
        assertThat(Bindings.find(type).orElseThrow().libraries()).asList().containsExactly("c");
        assertThat(FastFfi.describe(type)).isEmpty();
        try (Library library = Library.open("c")) {
            assertThat(library.bind(type).getClass().getName()).startsWith("com.x.Preload$FastFfi");
        }
    }

    @Test
    void libraryInterfaceWhoseOnlyMethodLacksNativeFunctionIsReportedOnTheMethod() {
        JavaFileObject zlib = source("com.x.Zlib",
                "package com.x;",
                "import dev.fastffi.annotations.NativeLibrary;",
                "@NativeLibrary(\"z\")",
                "public interface Zlib {",
                "    long zlibCompileFlags();",
                "}");

        Compilation compilation = compile(zlib);

        assertThat(compilation).hadErrorContaining("Every abstract method of a native interface needs @NativeFunction,"
                        + " but 'zlibCompileFlags' has none; annotate it or give it a default body.")
                .inFile(zlib).onLineContaining("long zlibCompileFlags()");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void privateLibraryInterfaceWithoutFunctionsIsReported() {
        JavaFileObject outer = source("com.x.Outer",
                "package com.x;",
                "import dev.fastffi.annotations.NativeLibrary;",
                "public class Outer {",
                "    @NativeLibrary(\"c\")",
                "    private interface Preload {}",
                "}");

        Compilation compilation = compile(outer);

        assertThat(compilation).hadErrorContaining("Native interface 'com.x.Outer.Preload' must be visible in its"
                        + " package (not private, local or anonymous) so that the generated binding can implement it.")
                .inFile(outer).onLineContaining("private interface Preload");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void emptyLibraryListIsReportedOnTheAnnotation() {
        JavaFileObject calc = source("com.x.Calc",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "import dev.fastffi.annotations.NativeLibrary;",
                "@NativeLibrary({})",
                "public interface Calc {",
                "    @NativeFunction(\"i32(i32)\")",
                "    int abs(int x);",
                "}");

        Compilation compilation = compile(calc);

        assertThat(compilation).hadErrorContaining("@NativeLibrary({}) lists no library to load; list the candidates"
                        + " to try in order (a path, a soname such as 'libz.so.1' or a bare name such as 'z'), or"
                        + " remove @NativeLibrary to bind against the process and the C library.")
                .inFile(calc).onLineContaining("@NativeLibrary({})");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void blankCandidateIsReportedOnTheCandidate() {
        JavaFileObject zlib = source("com.x.Zlib",
                "package com.x;",
                "import dev.fastffi.annotations.NativeLibrary;",
                "@NativeLibrary({",
                "        \"libz.so.1\",",
                "        \" \"})",
                "public interface Zlib {}");

        Compilation compilation = compile(zlib);

        assertThat(compilation).hadErrorContaining("@NativeLibrary candidate \" \" is blank, so it names no library;"
                        + " remove it, or write a path, a soname such as 'libz.so.1' or a bare name such as 'z'.")
                .inFile(zlib).onLineContaining("\" \"})");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void libraryOnAClassIsReportedOnTheAnnotation() {
        JavaFileObject zlib = source("com.x.Zlib",
                "package com.x;",
                "import dev.fastffi.annotations.NativeLibrary;",
                "@NativeLibrary(\"z\")",
                "public final class Zlib {}");

        Compilation compilation = compile(zlib);

        assertThat(compilation).hadErrorContaining("@NativeLibrary is only allowed on interfaces, but 'com.x.Zlib' is"
                        + " a class; put it on the interface whose @NativeFunction methods the library implements.")
                .inFile(zlib).onLineContaining("@NativeLibrary(\"z\")");
        assertThat(compilation).hadErrorCount(1);
    }
}
