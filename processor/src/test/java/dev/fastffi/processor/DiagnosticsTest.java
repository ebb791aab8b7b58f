package dev.fastffi.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fastffi.processor.Compilations.compile;
import static dev.fastffi.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One test per message the processor reports: its text and the line it underlines. */
class DiagnosticsTest {

    private static Compilation compileCalc(String... body) {
        String[] lines = new String[body.length + 6];
        lines[0] = "package com.x;";
        lines[1] = "import dev.fastffi.annotations.NativeFunction;";
        lines[2] = "import java.lang.foreign.MemorySegment;";
        lines[3] = "import java.math.BigInteger;";
        lines[4] = "public interface Calc {";
        System.arraycopy(body, 0, lines, 5, body.length);
        lines[lines.length - 1] = "}";
        return compile(source("com.x.Calc", lines));
    }

    @Test
    void unknownTypeIsReportedOnTheAnnotation() {
        Compilation compilation = compileCalc(
                "    @NativeFunction(\"u64(pointer,bufer)\")",
                "    long f(MemorySegment p, byte[] b);");
        assertThat(compilation).hadErrorContaining(
                        "@NativeFunction(\"u64(pointer,bufer)\"): unknown type 'bufer' at column 13; did you mean 'buffer'?")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("bufer");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void argumentCountMismatchNamesBothCounts() {
        Compilation compilation = compileCalc(
                "    @NativeFunction(\"i32(i32, i32)\")",
                "    int add(int a);");
        assertThat(compilation).hadErrorContaining(
                        "@NativeFunction(\"i32(i32, i32)\") declares 2 arguments, but method 'add' has 1 parameter;"
                                + " they must match one to one.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("@NativeFunction(\"i32(i32, i32)\")");
    }

    @Test
    void disallowedArgumentTypeIsReportedOnTheParameter() {
        Compilation compilation = compileCalc(
                "    @NativeFunction(\"i32(i32, i32)\")",
                "    int add(int a,",
                "            String b);");
        assertThat(compilation).hadErrorContaining(
                        "Argument 1 of @NativeFunction(\"i32(i32, i32)\") is C type 'i32', which cannot be passed as"
                                + " String; use one of int, Byte, Short, Integer, Long.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("String b");
    }

    @Test
    void disallowedResultTypeIsReportedOnTheMethod() {
        Compilation compilation = compileCalc(
                "    @NativeFunction(\"u64(u64)\")",
                "    double twice(long x);");
        assertThat(compilation).hadErrorContaining(
                        "The result of @NativeFunction(\"u64(u64)\") is C type 'u64', which cannot be returned as"
                                + " double; use one of long, Long, BigInteger.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("double twice");
    }

    @Test
    void functionArgumentOfAnotherTypeListsTheCallbackTypes() {
        Compilation compilation = compileCalc(
                "    @NativeFunction(\"void(function)\")",
                "    void register(",
                "            String callback);");
        assertThat(compilation).hadErrorContaining(
                        "Argument 0 of @NativeFunction(\"void(function)\") is C type 'function', which cannot be passed"
                                + " as String; use one of MemorySegment, Upcall, a @NativeCallback interface.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("String callback");
    }

    @Test
    void functionResultOtherThanMemorySegmentOrACallbackIsReportedOnTheMethod() {
        Compilation compilation = compileCalc(
                "    @NativeFunction(\"function()\")",
                "    long handler();");
        assertThat(compilation).hadErrorContaining(
                        "The result of @NativeFunction(\"function()\") is C type 'function', which cannot be returned"
                                + " as long; use one of MemorySegment, a @NativeCallback interface.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("long handler()");
    }

    @Test
    void variadicMethodWithoutObjectArrayIsReportedOnTheAnnotation() {
        Compilation compilation = compileCalc(
                "    @NativeFunction(\"i32(pointer, ...)\")",
                "    int printf(MemorySegment format);");
        assertThat(compilation).hadErrorContaining(
                        "@NativeFunction(\"i32(pointer, ...)\") is variadic, so method 'printf' must end with an"
                                + " Object... parameter that takes the variadic arguments.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("@NativeFunction(\"i32(pointer, ...)\")");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void criticalWithAFunctionArgumentIsReportedOnCritical() {
        Compilation compilation = compileCalc(
                "    @NativeFunction(value = \"void(pointer, function)\",",
                "            critical = true)",
                "    void sort(MemorySegment base, MemorySegment compare);");
        assertThat(compilation).hadErrorContaining(
                        "@NativeFunction(critical = true) cannot be combined with the 'function' argument 1: a critical"
                                + " function must not call back into Java; remove critical = true.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("critical = true");
    }

    @Test
    void requireFastOnABoxedArgumentIsReportedWithTheReason() {
        Compilation compilation = compileCalc(
                "    @NativeFunction(value = \"i32(i32, i32)\",",
                "            requireFast = true)",
                "    int add(int a, Integer b);");
        assertThat(compilation).hadErrorContaining(
                        "@NativeFunction(requireFast = true), but 'add' is not fast-path eligible: argument 1 is"
                                + " Integer: boxed values are on the compatibility path; use int to stay fast.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("requireFast = true");
    }

    @Test
    void moreArgumentsThanTheLinkerTakesAreReportedWithCountAndLimit() {
        String i32s = String.join(", ", java.util.Collections.nCopies(253, "i32"));
        String ints = String.join(", ", java.util.stream.IntStream.range(0, 253).mapToObj(i -> "int a" + i).toList());
        Compilation compilation = compileCalc(
                "    @NativeFunction(\"i64(" + i32s + ")\")",
                "    long sum(" + ints + ");");
        assertThat(compilation).hadErrorContaining("@NativeFunction(\"i64(" + i32s + ")\") has 253 arguments, more"
                        + " than the platform's linker takes: they need 253 argument slots and it has 252 (at most 252"
                        + " arguments of 4 bytes or less, or 126 of 8 bytes; a struct by value takes 2 per 8 bytes, and"
                        + " errno, a struct result and variadic arguments 2 more"
                        + " (errno 3 when the result is an 8-byte number)); pass some arguments in memory, e.g."
                        + " as a buffer or a struct pointer.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("@NativeFunction(\"i64(i32");
    }

    @Test
    void aCriticalFunctionCountsThreeSlotsPerAddress() {
        String pointers = String.join(", ", java.util.Collections.nCopies(85, "pointer"));
        String segments = String.join(", ", java.util.stream.IntStream.range(0, 85)
                .mapToObj(i -> "MemorySegment a" + i).toList());
        Compilation compilation = compileCalc(
                "    @NativeFunction(value = \"i64(" + pointers + ")\", critical = true)",
                "    long sum(" + segments + ");");
        assertThat(compilation).hadErrorContaining("@NativeFunction(\"i64(" + pointers + ")\") has 85 arguments, more"
                        + " than the platform's linker takes: they need 255 argument slots and it has 252 (at most 252"
                        + " arguments of 4 bytes or less, or 126 of 8 bytes; a struct by value takes 2 per 8 bytes, and"
                        + " errno, a struct result and variadic arguments 2 more"
                        + " (errno 3 when the result is an 8-byte number); with critical = true an address,"
                        + " errno and a struct result of more than 16 bytes take 3); pass some arguments in memory,"
                        + " e.g. as a buffer or a struct pointer.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("@NativeFunction(value = \"i64(pointer");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aCriticalFunctionOfAsManyAddressesAsTheLinkerTakesCompiles() {
        String pointers = String.join(", ", java.util.Collections.nCopies(84, "pointer"));
        String segments = String.join(", ", java.util.stream.IntStream.range(0, 84)
                .mapToObj(i -> "MemorySegment a" + i).toList());
        Compilation compilation = compileCalc(
                "    @NativeFunction(value = \"i64(" + pointers + ")\", critical = true, requireFast = true)",
                "    long sum(" + segments + ");");
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void aStructOfGigabytesByValueIsReportedWithItsTrueSlotCount() {
        String signature = "void({[999999999]i64, [74000000]i64})";
        Compilation compilation = compileCalc(
                "    record Big(long[] a, long[] b) {}",
                "    @NativeFunction(\"" + signature + "\")",
                "    void take(Big big);");
        assertThat(compilation).hadErrorContaining("@NativeFunction(\"" + signature + "\") has 1 argument, more than"
                        + " the platform's linker takes: they need 2147999998 argument slots and it has 252")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("@NativeFunction(\"void({[999999999]i64");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void theLinkersLimitItselfCompiles() {
        String i32s = String.join(", ", java.util.Collections.nCopies(252, "i32"));
        String ints = String.join(", ", java.util.stream.IntStream.range(0, 252).mapToObj(i -> "int a" + i).toList());
        Compilation compilation = compileCalc(
                "    @NativeFunction(value = \"i64(" + i32s + ")\", requireFast = true)",
                "    long sum(" + ints + ");");
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void freedStringResultAsASegmentAdvisesString() {
        Compilation compilation = compileCalc(
                "    @NativeFunction(value = \"string(i32)\", free = \"free\")",
                "    MemorySegment describe(int code);");
        assertThat(compilation).hadErrorContaining("@NativeFunction(free = \"free\") frees the result right after the"
                        + " call, so method 'describe' cannot return it as MemorySegment, which would point at freed"
                        + " memory; return String instead.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("free = \"free\"");
    }

    @Test
    void freedStructPointerResultAsASegmentAdvisesTheRecord() {
        Compilation compilation = compileCalc(
                "    @NativeFunction(value = \"{i32, i32}*(i32)\", free = \"free\")",
                "    MemorySegment make(int code);");
        assertThat(compilation).hadErrorContaining("@NativeFunction(free = \"free\") frees the result right after the"
                        + " call, so method 'make' cannot return it as MemorySegment, which would point at freed"
                        + " memory; return a record matching the struct instead.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("free = \"free\"");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void invalidSymbolIsReportedOnTheSymbol() {
        Compilation compilation = compileCalc(
                "    @NativeFunction(value = \"i32(i32)\",",
                "            symbol = \"1abs\")",
                "    int abs(int x);");
        assertThat(compilation).hadErrorContaining(
                        "@NativeFunction(symbol = \"1abs\") is not a valid C identifier; use letters, digits and '_',"
                                + " not starting with a digit.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("symbol = \"1abs\"");
    }

    @Test
    void methodNameThatIsNotACIdentifierIsReportedOnTheMethod() {
        Compilation compilation = compileCalc(
                "    @NativeFunction(\"i32(i32)\")",
                "    int abs$fast(int x);");
        assertThat(compilation).hadErrorContaining(
                        "Method name 'abs$fast' is not a valid C identifier, so it cannot name the C function;"
                                + " set @NativeFunction(symbol = \"...\").")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("int abs$fast");
    }

    @Test
    void optionalFunctionCompilesWithoutDiagnostics() {
        Compilation compilation = compileCalc(
                "    @NativeFunction(value = \"i32()\",",
                "            optional = true)",
                "    int maybe();");
        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void asyncResultThatCannotHoldTheCResultListsTheFuturesToUse() {
        Compilation compilation = compileCalc(
                "    @NativeFunction(\"i8(i8)\")",
                "    java.util.concurrent.CompletableFuture<Double> narrow(byte x);");
        assertThat(compilation).hadErrorContaining(
                        "The result of @NativeFunction(\"i8(i8)\") is C type 'i8', which cannot complete a"
                                + " CompletableFuture<Double>; use one of CompletableFuture<Byte>,"
                                + " CompletableFuture<Integer>, CompletableFuture<Short>, CompletableFuture<Long>.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("CompletableFuture<Double> narrow");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void rawAsyncResultIsReportedOnTheMethod() {
        Compilation compilation = compileCalc(
                "    @SuppressWarnings(\"rawtypes\")",
                "    @NativeFunction(\"void()\")",
                "    java.util.concurrent.CompletableFuture tick();");
        assertThat(compilation).hadErrorContaining(
                        "The result of @NativeFunction(\"void()\") is C type 'void', which cannot complete a"
                                + " CompletableFuture; use one of CompletableFuture<Void>.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("CompletableFuture tick");
    }

    @Test
    void asyncWithErrnoIsReportedOnErrno() {
        Compilation compilation = compileCalc(
                "    @NativeFunction(value = \"i32(i32)\",",
                "            errno = true)",
                "    java.util.concurrent.CompletableFuture<Integer> close(int fd);");
        assertThat(compilation).hadErrorContaining(
                        "@NativeFunction(errno = true) cannot be combined with a CompletableFuture result:"
                                + " errno would be captured on a pool thread, where Errno.last() of the caller"
                                + " cannot see it; call the function synchronously or remove errno = true.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("errno = true");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void abstractMethodWithoutNativeFunctionIsReportedOnTheMethod() {
        Compilation compilation = compileCalc(
                "    @NativeFunction(\"i32(i32)\")",
                "    int abs(int x);",
                "    int forgotten(int x);",
                "    default int fine() { return 1; }",
                "    static int alsoFine() { return 2; }",
                "    String toString();");
        assertThat(compilation).hadErrorContaining(
                        "Every abstract method of a native interface needs @NativeFunction, but 'forgotten' has none;"
                                + " annotate it or give it a default body.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("int forgotten");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void nativeFunctionOnADefaultMethodIsReported() {
        Compilation compilation = compileCalc(
                "    @NativeFunction(\"i32(i32)\")",
                "    default int abs(int x) { return Math.abs(x); }");
        assertThat(compilation).hadErrorContaining(
                        "@NativeFunction is only allowed on abstract methods, but 'abs' is a default method;"
                                + " remove its body or the annotation.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("@NativeFunction(\"i32(i32)\")");
    }

    @Test
    void nativeFunctionInAClassIsReportedOnTheAnnotation() {
        RecordingProcessor processor = RecordingProcessor.recording();
        Compilation compilation = compile(processor, List.of(), source("com.x.Calc",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public abstract class Calc {",
                "    @NativeFunction(\"i32(i32)\")",
                "    public abstract int abs(int x);",
                "}"));
        assertThat(compilation).hadErrorContaining(
                        "@NativeFunction is only allowed on methods of an interface, but 'com.x.Calc' is a class;"
                                + " move the method into an interface.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("@NativeFunction(\"i32(i32)\")");
        assertThat(processor.written()).isEmpty();
    }

    @Test
    void privateNestedInterfaceIsReported() {
        Compilation compilation = compile(source("com.x.Outer",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public class Outer {",
                "    private interface Hidden {",
                "        @NativeFunction(\"i32(i32)\")",
                "        int abs(int x);",
                "    }",
                "}"));
        assertThat(compilation).hadErrorContaining(
                        "Native interface 'com.x.Outer.Hidden' must be visible in its package (not private, local or"
                                + " anonymous) so that the generated binding can implement it.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("private interface Hidden");
    }

    @Test
    void genericInterfaceIsReported() {
        Compilation compilation = compile(source("com.x.Calc",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public interface Calc<T> {",
                "    @NativeFunction(\"i32(i32)\")",
                "    int abs(int x);",
                "}"));
        assertThat(compilation).hadErrorContaining(
                        "Native interface 'com.x.Calc' must not declare type parameters; bind each instantiation as"
                                + " its own non-generic interface.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("interface Calc<T>");
    }

    @Test
    void sealedInterfaceIsReportedAndNothingGenerated() {
        RecordingProcessor processor = RecordingProcessor.recording();
        Compilation compilation = compile(processor, List.of(), source("com.x.Calc",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public sealed interface Calc permits Calc.Stub {",
                "    @NativeFunction(\"i32(i32)\")",
                "    int abs(int x);",
                "    final class Stub implements Calc {",
                "        public int abs(int x) {",
                "            return x;",
                "        }",
                "    }",
                "}"));
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(
                        "Native interface 'com.x.Calc' must not be sealed: the generated binding implements it, and a"
                                + " sealed interface admits only the classes it permits; remove 'sealed' and its"
                                + " 'permits'.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("public sealed interface Calc");
        assertThat(processor.written()).isEmpty();
    }

    /** Super-interfaces for the interfaces below, which inherit {@code f} and {@code getpid} from several. */
    private static JavaFileObject parents() {
        return source("com.x.Parents",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public final class Parents {",
                "    public interface Abs {",
                "        @NativeFunction(value = \"i32(i32)\", symbol = \"abs\")",
                "        int f(int x);",
                "        @NativeFunction(\"i32()\")",
                "        int getpid();",
                "    }",
                "    public interface Upper {",
                "        @NativeFunction(value = \"i32(i32)\", symbol = \"toupper\")",
                "        int f(int x);",
                "    }",
                "    public interface Same {",
                "        @NativeFunction(\"i32()\")",
                "        int getpid();",
                "    }",
                "}");
    }

    @Test
    void aMethodInheritedFromTwoInterfacesWithDifferentFunctionsIsReportedAndNothingGenerated() {
        RecordingProcessor processor = RecordingProcessor.recording();
        JavaFileObject both = source("com.x.Both",
                "package com.x;",
                "import dev.fastffi.annotations.NativeLibrary;",
                "@NativeLibrary(\"c\")",
                "public interface Both extends Parents.Abs, Parents.Upper, Parents.Same {}");
        Compilation compilation = compile(processor, List.of(), parents(), both);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(
                        "Native interface 'Both' inherits method 'f' from 'Abs' and from 'Upper', whose @NativeFunction"
                                + " annotations differ, so no one C function is meant; redeclare the method in 'Both'"
                                + " with the @NativeFunction to call.")
                .inFile(both)
                .onLineContaining("public interface Both");
        assertThat(processor.written().stream().filter(name -> name.contains("Both")).toList()).isEmpty();
    }

    @Test
    void aMethodInheritedTwiceWithOneFunctionIsBoundOnce() {
        Compilation compilation = compile(parents(), source("com.x.Both",
                "package com.x;",
                "import dev.fastffi.annotations.NativeLibrary;",
                "@NativeLibrary(\"c\")",
                "public interface Both extends Parents.Abs, Parents.Same {}"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.x.Both$FastFfi");
    }

    @Test
    void problemOfAnInheritedMethodIsReportedOnTheInterfaceAndNamesTheMethod() {
        Compilation compilation = compile(
                source("com.x.Base",
                        "package com.x;",
                        "public interface Base {",
                        "    int inherited(int x);",
                        "}"),
                source("com.x.Calc",
                        "package com.x;",
                        "import dev.fastffi.annotations.NativeFunction;",
                        "public interface Calc extends Base {",
                        "    @NativeFunction(\"i32(i32)\")",
                        "    int abs(int x);",
                        "}"));
        assertThat(compilation).hadErrorContaining(
                        "Method 'inherited' inherited from 'com.x.Base' cannot be bound: Every abstract method of a"
                                + " native interface needs @NativeFunction, but 'inherited' has none;")
                .inFile(compilation.sourceFiles().get(1))
                .onLineContaining("interface Calc extends Base");
    }

    @Test
    void internalFailureIsReportedAsAFastffiBugOnTheInterface() {
        Compilation compilation = compile(RecordingProcessor.failingWith(new IllegalStateException("boom")), List.of(),
                source("com.x.Calc",
                        "package com.x;",
                        "import dev.fastffi.annotations.NativeFunction;",
                        "public interface Calc {",
                        "    @NativeFunction(\"i32(i32)\")",
                        "    int abs(int x);",
                        "}"));
        assertThat(compilation).hadErrorContaining("fastffi bug: the processor failed on 'com.x.Calc' with"
                        + " java.lang.IllegalStateException: boom; no binding was generated.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("public interface Calc");
    }

    @Test
    void failedWriteIsReportedOnTheInterface() {
        Compilation compilation = compile(RecordingProcessor.failingWith(new IOException("disk full")), List.of(),
                source("com.x.Calc",
                        "package com.x;",
                        "import dev.fastffi.annotations.NativeFunction;",
                        "public interface Calc {",
                        "    @NativeFunction(\"i32(i32)\")",
                        "    int abs(int x);",
                        "}"));
        assertThat(compilation).hadErrorContaining(
                        "Could not write the binding com.x.Calc: java.io.IOException: disk full.")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("public interface Calc");
    }

    @Test
    void invalidFastOptionIsReported() {
        Compilation compilation = compile(List.of("-Afastffi.fast=flase"), source("com.x.Calc",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public interface Calc {",
                "    @NativeFunction(\"i32(i32)\")",
                "    int abs(int x);",
                "}"));
        assertThat(compilation).hadErrorContaining("Option -Afastffi.fast must be 'true' or 'false', but it is 'flase'.");
    }
}
