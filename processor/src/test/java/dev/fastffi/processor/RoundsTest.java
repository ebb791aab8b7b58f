package dev.fastffi.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fastffi.processor.Compilations.compile;
import static dev.fastffi.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Declarations that use a type or an annotation constant another processor generates in a later
 * round wait for it; one that never appears is an error once processing is over.
 */
class RoundsTest {
    /** Writes the struct record {@code com.x.Point} in the first round; a processor serves one compilation. */
    private static Processor point() {
        return new GeneratingProcessor("com.x.Point",
                "package com.x;",
                "import dev.fastffi.annotations.NativeStruct;",
                "@NativeStruct(\"{f64, f64}\")",
                "public record Point(double x, double y) {}");
    }

    private static Compilation compileAfter(Processor other, JavaFileObject... sources) {
        return compile(List.of(other, new FastFfiProcessor()), List.of(), sources);
    }

    @Test
    void interfaceWhoseStructRecordIsGeneratedInALaterRoundIsBound() {
        JavaFileObject geometry = source("com.x.Geometry",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public interface Geometry {",
                "    @NativeFunction(\"f64(Point, Point)\")",
                "    double distance(Point a, Point b);",
                "}");

        Compilation compilation = compileAfter(point(), geometry);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.x.Geometry$FastFfi").contentsAsUtf8String()
                .contains("public double distance(Point a, Point b)");
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "com/x/Geometry$FastFfi.class");
    }

    @Test
    void interfaceWhoseCallbackTypeIsGeneratedInALaterRoundIsBound() {
        Processor compare = new GeneratingProcessor("com.x.Compare",
                "package com.x;",
                "import dev.fastffi.annotations.NativeCallback;",
                "import java.lang.foreign.MemorySegment;",
                "@NativeCallback(\"i32(pointer, pointer)\")",
                "public interface Compare {",
                "    int compare(MemorySegment a, MemorySegment b);",
                "}");
        JavaFileObject sorting = source("com.x.Sorting",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "import java.lang.foreign.MemorySegment;",
                "public interface Sorting {",
                "    @NativeFunction(\"void(pointer, usize, usize, function)\")",
                "    void qsort(MemorySegment base, long count, long size, Compare compare);",
                "}");

        Compilation compilation = compileAfter(compare, sorting);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.x.Sorting$FastFfi").contentsAsUtf8String()
                .contains("public void qsort(MemorySegment base, long count, long size, Compare compare)");
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "com/x/Sorting$FastFfi.class");
    }

    @Test
    void structWhoseComponentRecordIsGeneratedInALaterRoundIsCheckedThen() {
        JavaFileObject box = source("com.x.Box",
                "package com.x;",
                "import dev.fastffi.annotations.NativeStruct;",
                "@NativeStruct(\"{Point, i32}\")",
                "public record Box(Point corner,",
                "        double weight) {}");

        Compilation compilation = compileAfter(point(), box);

        assertThat(compilation).hadErrorContaining("@NativeStruct(\"{Point, i32}\"): record Box component 'weight'"
                        + " is double, but the field is i32; declare it as int, Integer or Long.")
                .inFile(box).onLineContaining("double weight");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void callbackWhoseParameterTypeIsGeneratedInALaterRoundIsCheckedThen() {
        JavaFileObject onPoint = source("com.x.OnPoint",
                "package com.x;",
                "import dev.fastffi.annotations.NativeCallback;",
                "@NativeCallback(\"void(i32)\")",
                "public interface OnPoint {",
                "    void on(Point point);",
                "}");

        Compilation compilation = compileAfter(point(), onPoint);

        assertThat(compilation).hadErrorContaining("Argument 0 of @NativeCallback(\"void(i32)\") is C type 'i32',"
                        + " which cannot arrive as Point")
                .inFile(onPoint).onLineContaining("Point point");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void interfaceUsingATypeThatIsNeverGeneratedIsReportedOnTheInterface() {
        JavaFileObject calc = source("com.x.Calc",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public interface Calc {",
                "    @NativeFunction(\"i32(i32)\")",
                "    int abs(Missing x);",
                "}");

        Compilation compilation = compile(calc);

        assertThat(compilation).hadErrorContaining("Native interface 'com.x.Calc' uses type 'Missing', which does not"
                        + " exist after the last round of annotation processing, so no binding was generated;"
                        + " declare the type or run the processor that generates it.")
                .inFile(calc).onLineContaining("public interface Calc");
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(calc).onLineContaining("Missing x");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void interfaceResultTypeArgumentThatIsNeverGeneratedIsReportedOnTheInterface() {
        JavaFileObject timers = source("com.x.Timers",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "import java.util.concurrent.CompletableFuture;",
                "public interface Timers {",
                "    @NativeFunction(\"i32(i32)\")",
                "    CompletableFuture<Missing> sleep(int seconds);",
                "}");

        Compilation compilation = compile(timers);

        assertThat(compilation).hadErrorContaining("Native interface 'com.x.Timers' uses type 'Missing'")
                .inFile(timers).onLineContaining("public interface Timers");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void callbackUsingATypeThatIsNeverGeneratedIsReportedOnTheCallback() {
        JavaFileObject onPoint = source("com.x.OnPoint",
                "package com.x;",
                "import dev.fastffi.annotations.NativeCallback;",
                "@NativeCallback(\"void(pointer)\")",
                "public interface OnPoint {",
                "    void on(Missing point);",
                "}");

        Compilation compilation = compile(onPoint);

        assertThat(compilation).hadErrorContaining("@NativeCallback interface 'com.x.OnPoint' uses type 'Missing',"
                        + " which does not exist after the last round of annotation processing, so it was not checked"
                        + " against its signature; declare the type or run the processor that generates it.")
                .inFile(onPoint).onLineContaining("public interface OnPoint");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void structUsingATypeThatIsNeverGeneratedIsReportedOnTheRecord() {
        JavaFileObject box = source("com.x.Box",
                "package com.x;",
                "import dev.fastffi.annotations.NativeStruct;",
                "@NativeStruct(\"{Point, i32}\")",
                "public record Box(Point corner, int weight) {}");

        Compilation compilation = compile(box);

        assertThat(compilation).hadErrorContaining("@NativeStruct record 'com.x.Box' uses type 'Point', which does not"
                        + " exist after the last round of annotation processing, so it was not checked against its"
                        + " struct; declare the type or run the processor that generates it.")
                .inFile(box).onLineContaining("public record Box");
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(box).onLineContaining("Point corner");
        assertThat(compilation).hadErrorCount(2);
    }

    /** Writes the constants class {@code com.x.Sigs} in the first round, as a processor reading a header might. */
    private static Processor sigs() {
        return new GeneratingProcessor("com.x.Sigs",
                "package com.x;",
                "public final class Sigs {",
                "    public static final String LIB = \"c\";",
                "    public static final String ABS = \"i32(i32)\";",
                "    public static final String ABS_SYMBOL = \"abs\";",
                "    public static final String COMPARE = \"i32(pointer, pointer)\";",
                "    public static final String POINT = \"{f64, f64}\";",
                "    private Sigs() {}",
                "}");
    }

    @Test
    void interfaceWhoseAnnotationConstantsAreGeneratedInALaterRoundIsBound() {
        JavaFileObject calc = source("com.x.Calc",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "import dev.fastffi.annotations.NativeLibrary;",
                "@NativeLibrary(Sigs.LIB)",
                "public interface Calc {",
                "    @NativeFunction(value = Sigs.ABS, symbol = Sigs.ABS_SYMBOL)",
                "    int magnitude(int x);",
                "}");

        Compilation compilation = compileAfter(sigs(), calc);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.x.Calc$FastFfi").contentsAsUtf8String()
                .contains("new String[] {\"c\"}");
        assertThat(compilation).generatedSourceFile("com.x.Calc$FastFfi").contentsAsUtf8String()
                .contains("binder.symbols(\"abs i32(i32)\")");
    }

    @Test
    void callbackAndStructWhoseConstantsAreGeneratedInALaterRoundAreCheckedThen() {
        JavaFileObject compare = source("com.x.Compare",
                "package com.x;",
                "import dev.fastffi.annotations.NativeCallback;",
                "import java.lang.foreign.MemorySegment;",
                "@NativeCallback(Sigs.COMPARE)",
                "public interface Compare {",
                "    int compare(MemorySegment a, MemorySegment b);",
                "}");
        JavaFileObject point = source("com.x.Point",
                "package com.x;",
                "import dev.fastffi.annotations.NativeStruct;",
                "@NativeStruct(Sigs.POINT)",
                "public record Point(double x, double y) {}");
        JavaFileObject geometry = source("com.x.Geometry",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public interface Geometry {",
                "    @NativeFunction(\"f64(Point, Point)\")",
                "    double distance(Point a, Point b);",
                "}");

        Compilation compilation = compileAfter(sigs(), compare, point, geometry);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.x.Compare$FastFfiView");
        assertThat(compilation).generatedSourceFile("com.x.Geometry$FastFfi").contentsAsUtf8String()
                .contains("public double distance(Point a, Point b)");
    }

    @Test
    void interfaceUsingAConstantThatIsNeverGeneratedIsReportedOnTheValue() {
        JavaFileObject calc = source("com.x.Calc",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public interface Calc {",
                "    @NativeFunction(\"i32(i32)\")",
                "    int abs(int x);",
                "    @NativeFunction(value = \"i64(i64)\",",
                "            symbol = Sigs.LABS)",
                "    long labs(long x);",
                "}");

        Compilation compilation = compile(calc);

        assertThat(compilation).hadErrorContaining("Native interface 'com.x.Calc' uses a constant in"
                        + " @NativeFunction(symbol) of method 'labs' which does not exist after the last round of"
                        + " annotation processing, so no binding was generated; declare the constant or run the"
                        + " processor that generates it.")
                .inFile(calc).onLineContaining("symbol = Sigs.LABS");
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(calc).onLineContaining("Sigs.LABS");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void libraryConstantThatIsNeverGeneratedIsReportedOnTheValue() {
        JavaFileObject zlib = source("com.x.Zlib",
                "package com.x;",
                "import dev.fastffi.annotations.NativeLibrary;",
                "@NativeLibrary({\"z\", Libs.ZLIB})",
                "public interface Zlib {}");

        Compilation compilation = compile(zlib);

        assertThat(compilation).hadErrorContaining("Native interface 'com.x.Zlib' uses a constant in"
                        + " @NativeLibrary(value) which does not exist after the last round of annotation processing,"
                        + " so no binding was generated;")
                .inFile(zlib).onLineContaining("Libs.ZLIB");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void callbackUsingAConstantThatIsNeverGeneratedIsReportedOnTheValue() {
        JavaFileObject compare = source("com.x.Compare",
                "package com.x;",
                "import dev.fastffi.annotations.NativeCallback;",
                "import java.lang.foreign.MemorySegment;",
                "@NativeCallback(Sigs.COMPARE)",
                "public interface Compare {",
                "    int compare(MemorySegment a, MemorySegment b);",
                "}");

        Compilation compilation = compile(compare);

        assertThat(compilation).hadErrorContaining("@NativeCallback interface 'com.x.Compare' uses a constant in"
                        + " @NativeCallback(value) which does not exist after the last round of annotation processing,"
                        + " so it was not checked against its signature; declare the constant or run the processor"
                        + " that generates it.")
                .inFile(compare).onLineContaining("@NativeCallback(Sigs.COMPARE)");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void structUsingAConstantThatIsNeverGeneratedIsReportedOnTheValueAndNotOnItsUsers() {
        JavaFileObject point = source("com.x.Point",
                "package com.x;",
                "import dev.fastffi.annotations.NativeStruct;",
                "@NativeStruct(Sigs.POINT)",
                "public record Point(double x, double y) {}");
        JavaFileObject geometry = source("com.x.Geometry",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public interface Geometry {",
                "    @NativeFunction(\"f64(Point, Point)\")",
                "    double distance(Point a, Point b);",
                "}");

        Compilation compilation = compile(point, geometry);

        assertThat(compilation).hadErrorContaining("@NativeStruct record 'com.x.Point' uses a constant in"
                        + " @NativeStruct(value) which does not exist after the last round of annotation processing,"
                        + " so it was not checked against its struct; declare the constant or run the processor that"
                        + " generates it.")
                .inFile(point).onLineContaining("@NativeStruct(Sigs.POINT)");
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(point).onLineContaining("Sigs.POINT");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void aMethodInheritedWithAConstantThatIsNeverGeneratedIsReportedOnTheInterfaceNamingIt() {
        JavaFileObject base = source("com.x.Base",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public interface Base {",
                "    @NativeFunction(Sigs.ABS)",
                "    int abs(int x);",
                "}");
        JavaFileObject calc = source("com.x.Calc",
                "package com.x;",
                "import dev.fastffi.annotations.NativeLibrary;",
                "@NativeLibrary(\"c\")",
                "public interface Calc extends Base {}");

        Compilation compilation = compile(base, calc);

        assertThat(compilation).hadErrorContaining("Native interface 'com.x.Base' uses a constant in"
                        + " @NativeFunction(value) of method 'abs' which does not exist")
                .inFile(base).onLineContaining("@NativeFunction(Sigs.ABS)");
        assertThat(compilation).hadErrorContaining("Native interface 'com.x.Calc' uses a constant in"
                        + " @NativeFunction(value) of method 'abs' in 'com.x.Base' which does not exist")
                .inFile(calc).onLineContaining("public interface Calc");
        assertThat(compilation).hadErrorCount(3);
    }
}
