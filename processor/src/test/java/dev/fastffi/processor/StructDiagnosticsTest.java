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

/** One test per struct diagnostic: its text and the line it underlines. */
class StructDiagnosticsTest {

    private static JavaFileObject record(String annotation, String declaration) {
        return source("com.x.Point",
                "package com.x;",
                "import dev.fastffi.annotations.NativeStruct;",
                annotation,
                declaration);
    }

    private static JavaFileObject geometry(String... methods) {
        String[] lines = new String[methods.length + 4];
        lines[0] = "package com.x;";
        lines[1] = "import dev.fastffi.annotations.NativeFunction;";
        lines[2] = "public interface Geometry {";
        System.arraycopy(methods, 0, lines, 3, methods.length);
        lines[lines.length - 1] = "}";
        return source("com.x.Geometry", lines);
    }

    @Test
    void componentOfTheWrongCarrierIsReportedOnTheComponentWithTheExpectedType() {
        JavaFileObject point = source("com.x.Point",
                "package com.x;",
                "import dev.fastffi.annotations.NativeStruct;",
                "@NativeStruct(\"{f64, f64}\")",
                "public record Point(double x,",
                "        int y) {}");

        Compilation compilation = compile(point);

        assertThat(compilation).hadErrorContaining("@NativeStruct(\"{f64, f64}\"): record Point component 'y' is int,"
                        + " but the field is f64; declare it as double or Double.")
                .inFile(point).onLineContaining("int y");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void componentsInTheWrongOrderAreEachReported() {
        JavaFileObject point = source("com.x.Point",
                "package com.x;",
                "import dev.fastffi.annotations.NativeStruct;",
                "@NativeStruct(\"{f64, i32}\")",
                "public record Point(int count,",
                "        double value) {}");

        Compilation compilation = compile(point);

        assertThat(compilation).hadErrorContaining("component 'count' is int, but the field is f64; declare it as double or Double")
                .inFile(point).onLineContaining("int count");
        assertThat(compilation).hadErrorContaining("component 'value' is double, but the field is i32; declare it as int")
                .inFile(point).onLineContaining("double value");
    }

    @Test
    void aMissingComponentIsReportedOnTheRecordNamingTheFieldTypes() {
        JavaFileObject point = record("@NativeStruct(\"{f64, f64, [3]u8}\")", "public record Point(double x) {}");

        Compilation compilation = compile(point);

        assertThat(compilation).hadErrorContaining("@NativeStruct(\"{f64, f64, [3]u8}\"): record Point has 1 components"
                        + " but {f64, f64, [3]u8} has 3 fields; add a component for double, byte[].")
                .inFile(point).onLineContaining("record Point");
    }

    @Test
    void anExtraComponentIsReportedOnIt() {
        JavaFileObject point = source("com.x.Point",
                "package com.x;",
                "import dev.fastffi.annotations.NativeStruct;",
                "@NativeStruct(\"{f64}\")",
                "public record Point(double x,",
                "        double extra) {}");

        Compilation compilation = compile(point);

        assertThat(compilation).hadErrorContaining("record Point component 'extra' has no field in {f64}, which has"
                        + " 1 field; remove the component or add a field.")
                .inFile(point).onLineContaining("double extra");
    }

    @Test
    void anInvalidStructIsReportedOnTheAnnotationWithItsColumn() {
        JavaFileObject point = record("@NativeStruct(\"{f64, strin}\")", "public record Point(double x) {}");

        Compilation compilation = compile(point);

        assertThat(compilation).hadErrorContaining("@NativeStruct(\"{f64, strin}\"): unknown type 'strin' at column 7;"
                        + " did you mean 'string'?")
                .inFile(point).onLineContaining("@NativeStruct");
    }

    @Test
    void aScalarInsteadOfAStructIsReported() {
        JavaFileObject point = record("@NativeStruct(\"f64\")", "public record Point(double x) {}");

        Compilation compilation = compile(point);

        assertThat(compilation).hadErrorContaining("@NativeStruct(\"f64\") is not a struct; write its fields in braces,"
                        + " e.g. '{f64, f64}'.")
                .inFile(point).onLineContaining("@NativeStruct");
    }

    @Test
    void nativeStructOnAClassIsReported() {
        JavaFileObject point = record("@NativeStruct(\"{f64}\")", "public final class Point {}");

        Compilation compilation = compile(point);

        assertThat(compilation).hadErrorContaining("@NativeStruct is only allowed on records, but 'com.x.Point' is not"
                        + " one; declare it as a record whose components match the fields.")
                .inFile(point).onLineContaining("@NativeStruct");
    }

    @Test
    void anUnknownStructNameIsReportedOnTheAnnotationListingTheKnownNames() {
        JavaFileObject point = record("@NativeStruct(\"{f64, f64}\")", "public record Point(double x, double y) {}");
        JavaFileObject geometry = geometry(
                "    @NativeFunction(\"f64(Point, Pont)\")",
                "    double distance(Point a, Point b);");

        Compilation compilation = compile(point, geometry);

        assertThat(compilation).hadErrorContaining("@NativeFunction(\"f64(Point, Pont)\"): unknown struct 'Pont' at"
                        + " column 12; known structs are Point")
                .inFile(geometry).onLineContaining("Pont");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aStructPassedAsANonRecordIsReportedOnTheParameter() {
        JavaFileObject geometry = geometry(
                "    @NativeFunction(\"f64({f64, f64})\")",
                "    double length(",
                "            double[] point);");

        Compilation compilation = compile(geometry);

        assertThat(compilation).hadErrorContaining("Argument 0 of @NativeFunction(\"f64({f64, f64})\") is the struct"
                        + " {f64, f64}, which cannot be passed as double[]; declare a record whose components match its fields.")
                .inFile(geometry).onLineContaining("double[] point");
    }

    @Test
    void aResultRecordThatDoesNotMatchAnInlineStructIsReportedOnTheMethod() {
        JavaFileObject pair = source("com.x.Pair",
                "package com.x;",
                "public record Pair(long first,",
                "        float second) {}");
        JavaFileObject geometry = geometry(
                "    @NativeFunction(\"{i64, f64}(i32)\")",
                "    Pair make(int seed);");

        Compilation compilation = compile(pair, geometry);

        assertThat(compilation).hadErrorContaining("The result of @NativeFunction(\"{i64, f64}(i32)\") is the struct"
                        + " {i64, f64}: record Pair component 'second' is float, but the field is f64; declare it as double or Double.")
                .inFile(geometry).onLineContaining("Pair make");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aRecordTwoMethodsPassWronglyIsReportedOnEachMethodsParameter() {
        JavaFileObject point = source("com.x.Point",
                "package com.x;",
                "public record Point(double x, double y) {}");
        JavaFileObject geometry = geometry(
                "    @NativeFunction(\"i32({i32, i32})\")",
                "    int area(Point box);",
                "    @NativeFunction(\"i32({i32, i32})\")",
                "    int perimeter(Point outline);");

        Compilation compilation = compile(point, geometry);

        String text = "Argument 0 of @NativeFunction(\"i32({i32, i32})\") is the struct {i32, i32}: record Point"
                + " component 'x' is double, but the field is i32; declare it as int, Integer or Long.";
        assertThat(compilation).hadErrorContaining(text).inFile(geometry).onLineContaining("Point box");
        assertThat(compilation).hadErrorContaining(text).inFile(geometry).onLineContaining("Point outline");
        assertThat(compilation).hadErrorCount(4);
    }

    @Test
    void aRecordFromTheClassPathThatDoesNotMatchIsReportedOnTheParameter(@TempDir Path classes) {
        Compilation library = compile(source("com.x.Pt",
                "package com.x;",
                "public record Pt(double x, double y) {}"));
        assertThat(library).succeededWithoutWarnings();
        JavaFileObject geometry = geometry(
                "    @NativeFunction(\"i32({i32, i32})\")",
                "    int sum(",
                "            Pt p);");

        Compilation compilation = compileAgainst(library, classes, geometry);

        assertThat(compilation).hadErrorContaining("Argument 0 of @NativeFunction(\"i32({i32, i32})\") is the struct"
                        + " {i32, i32}: record Pt component 'x' is double, but the field is i32; declare it as int,"
                        + " Integer or Long.")
                .inFile(geometry).onLineContaining("Pt p");
        assertThat(compilation).hadErrorContaining("record Pt component 'y' is double")
                .inFile(geometry).onLineContaining("Pt p");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void aNestedRecordThatDoesNotMatchIsReportedOnTheParameterNamingTheOuterComponent() {
        JavaFileObject pair = source("com.x.Pair",
                "package com.x;",
                "public record Pair(long first,",
                "        Inner second) {",
                "    public record Inner(float a) {}",
                "}");
        JavaFileObject geometry = geometry(
                "    @NativeFunction(\"void({i64, {i16}})\")",
                "    void take(Pair pair);");

        Compilation compilation = compile(pair, geometry);

        assertThat(compilation).hadErrorContaining("record Pair component 'second' does not match the struct {i16}:"
                        + " record Inner component 'a' is float, but the field is i16; declare it as short, int, Short, Integer or Long.")
                .inFile(geometry).onLineContaining("Pair pair");
    }

    @Test
    void aBufferOfRecordsWhoseStructIsInvalidIsReportedOnTheParameter() {
        JavaFileObject point = record("@NativeStruct(\"{f64, f6}\")", "public record Point(double x, double y) {}");
        JavaFileObject geometry = geometry(
                "    @NativeFunction(\"f64(buffer, i32)\")",
                "    double perimeter(",
                "            Point[] corners, int count);");

        Compilation compilation = compile(point, geometry);

        assertThat(compilation).hadErrorContaining("Argument 0 of @NativeFunction(\"f64(buffer, i32)\") is a buffer of"
                        + " Point records, whose @NativeStruct is not a valid struct; fix the @NativeStruct value.")
                .inFile(geometry).onLineContaining("Point[] corners");
    }

    @Test
    void aRecordTheBindingCannotCreateIsReportedOnTheParameter() {
        JavaFileObject geometry = source("com.y.Geometry",
                "package com.y;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public interface Geometry {",
                "    @NativeFunction(\"f64({f64})\")",
                "    double length(",
                "            Box<String> box);",
                "    record Box<T>(double x) {}",
                "}");

        Compilation compilation = compile(geometry);

        assertThat(compilation).hadErrorContaining("Argument 0 of @NativeFunction(\"f64({f64})\") is record"
                        + " 'com.y.Geometry.Box', which the generated binding cannot create: make it public (or declare"
                        + " it in the interface's package, not private) and not generic.")
                .inFile(geometry).onLineContaining("Box<String> box");
    }
}
