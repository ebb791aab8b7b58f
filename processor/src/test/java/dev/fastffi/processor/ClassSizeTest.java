package dev.fastffi.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fastffi.processor.Compilations.compile;
import static dev.fastffi.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor's estimates of a binding class's constructor, static initializer and constant
 * pool, which it checks against the JVM's limits, are never below what javac writes, and not far
 * above it; an interface over a limit is reported on the interface and generates nothing.
 */
class ClassSizeTest {
    /** Every kind of member the constructor, the static initializer or the constant pool counts. */
    private static final List<IntFunction<String>> KINDS = List.of(
            i -> "@NativeFunction(\"i32(i32, i32)\") int add" + i + "(int a, int b);",
            i -> "@NativeFunction(\"f64(f64, i64)\") double mul" + i + "(double x, long y);",
            i -> "@NativeFunction(\"i64(buffer, usize)\") long sum" + i + "(byte[] values, long n);",
            i -> "@NativeFunction(\"pointer(pointer, i32)\") MemorySegment at" + i + "(MemorySegment p, int k);",
            i -> "@NativeFunction(\"usize(string)\") long length" + i + "(String s);",
            i -> "@NativeFunction(value = \"i32(i32)\", errno = true) int close" + i + "(int fd);",
            i -> "@NativeFunction(value = \"i32(i32)\", optional = true) int maybe" + i + "(int x);",
            i -> "@NativeFunction(\"i32(i32, i32)\") CompletableFuture<Integer> later" + i + "(int a, int b);",
            i -> "@NativeFunction(\"f64(Point*)\") double norm" + i + "(Point p);",
            i -> "@NativeFunction(\"f64({f64, f64})\") double dot" + i + "(Point p);",
            i -> "@NativeFunction(value = \"Point*(f64, f64)\", free = \"point_free\") Point make" + i
                    + "(double x, double y);",
            i -> "@NativeFunction(value = \"string(i32)\", free = \"free\") String describe" + i + "(int code);",
            i -> "@NativeFunction(\"u64(u64)\") java.math.BigInteger next" + i + "(java.math.BigInteger x);",
            i -> "@NativeFunction(value = \"i32(string)\", errno = true, optional = true) int unlink" + i
                    + "(String path);",
            i -> "@NativeFunction(\"i32(pointer, usize, string, ...)\") int print" + i
                    + "(MemorySegment b, long n, String f, Object... args);",
            i -> "@NativeFunction(\"void(pointer, usize, usize, function)\") void sort" + i
                    + "(MemorySegment base, long count, long size, Upcall<Compare> compare);",
            i -> "@NativeFunction(\"i" + (8 << (i % 4)) + "(i" + (8 << ((i + 1) % 4)) + ", f" + (32 << (i % 2))
                    + ", i" + (8 << ((i + 2) % 4)) + ")\") " + javaType(8 << (i % 4)) + " mixed" + i + "("
                    + javaType(8 << ((i + 1) % 4)) + " a, " + (i % 2 == 0 ? "float" : "double") + " b, "
                    + javaType(8 << ((i + 2) % 4)) + " c);");

    @Test
    void estimatesAreNeverBelowWhatJavacWritesNorFarAbove() {
        // a few of each kind, then many: indexes past 127 and constants past the first 255 take wider instructions
        for (int copies : new int[] {1, 3, 40}) {
            Estimating estimating = new Estimating();
            Compilation compilation = compile(List.of(estimating, new FastFfiProcessor()), List.of(),
                    interfaceOf(copies), point(), compare());
            assertThat(compilation).succeeded();
            ClassSize.Estimate estimate = estimating.estimates.get("com.x.Big");
            Sizes actual = Sizes.of(CompiledClasses.classFile(compilation, "com.x.Big$FastFfi"));
            String what = copies + " of each kind: estimated " + estimate + ", written " + actual;
            assertTrue(estimate.constructorBytes() >= actual.constructorBytes(), what);
            assertTrue(estimate.initializerBytes() >= actual.initializerBytes(), what);
            assertTrue(estimate.constants() >= actual.constants(), what);
            // close enough that an interface the JVM would take is not refused
            assertTrue(estimate.constructorBytes() <= actual.constructorBytes() * 1.1 + 64, what);
            assertTrue(estimate.initializerBytes() <= actual.initializerBytes() * 1.1 + 64, what);
            assertTrue(estimate.constants() <= actual.constants() * 1.2 + 400, what);
        }
    }

    @Test
    void anInterfaceOverALimitIsReportedOnItAndGeneratesNothing() {
        // compatibility methods whose results are freed: the largest constructor statement, so the fewest methods
        List<String> lines = new ArrayList<>(List.of(
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public interface Huge {"));
        for (int i = 0; i < 3_500; i++) {
            lines.add("@NativeFunction(value = \"string(i32)\", free = \"free\") String describe" + i + "(int code);");
        }
        lines.add("}");
        RecordingProcessor processor = RecordingProcessor.recording();
        Compilation compilation = compile(processor, List.of(), source("com.x.Huge", lines.toArray(String[]::new)));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("Native interface 'com.x.Huge' binds 3,500 functions, more than"
                        + " one generated class can hold: its constructor would need about ")
                .inFile(compilation.sourceFiles().get(0))
                .onLineContaining("public interface Huge");
        assertThat(compilation).hadErrorContaining(" bytes of code, and the JVM allows 65,535; split the functions"
                + " across several interfaces, which may name the same @NativeLibrary.");
        assertEquals(List.of(), processor.written());
    }

    @Test
    void theLimitsAreTheJvms() {
        assertEquals("its constructor would need about 65,536 bytes of code",
                ClassSize.excess(new ClassSize.Estimate(65_536, 0, 0)).orElseThrow());
        assertEquals("its static initializer would need about 70,000 bytes of code",
                ClassSize.excess(new ClassSize.Estimate(65_535, 70_000, 0)).orElseThrow());
        assertEquals("its constant pool would need about 65,535 entries",
                ClassSize.excess(new ClassSize.Estimate(65_535, 65_535, 65_535)).orElseThrow());
        assertTrue(ClassSize.excess(new ClassSize.Estimate(65_535, 65_535, 65_534)).isEmpty());
    }

    private static String javaType(int bits) {
        return switch (bits) {
            case 8 -> "byte";
            case 16 -> "short";
            case 32 -> "int";
            default -> "long";
        };
    }

    private static JavaFileObject interfaceOf(int copies) {
        List<String> lines = new ArrayList<>(List.of(
                "package com.x;",
                "import dev.fastffi.Upcall;",
                "import dev.fastffi.annotations.NativeFunction;",
                "import dev.fastffi.annotations.NativeLibrary;",
                "import java.lang.foreign.MemorySegment;",
                "import java.util.concurrent.CompletableFuture;",
                "@NativeLibrary({\"big\", \"big2\"})",
                "public interface Big {"));
        for (int i = 0; i < copies; i++) {
            for (IntFunction<String> kind : KINDS) {
                lines.add("    " + kind.apply(i));
            }
        }
        lines.add("}");
        return source("com.x.Big", lines.toArray(String[]::new));
    }

    private static JavaFileObject point() {
        return source("com.x.Point",
                "package com.x;",
                "import dev.fastffi.annotations.NativeStruct;",
                "@NativeStruct(\"{f64, f64}\")",
                "public record Point(double x, double y) {}");
    }

    private static JavaFileObject compare() {
        return source("com.x.Compare",
                "package com.x;",
                "import dev.fastffi.annotations.NativeCallback;",
                "import java.lang.foreign.MemorySegment;",
                "@NativeCallback(\"i32(pointer, pointer)\")",
                "public interface Compare {",
                "    int compare(MemorySegment a, MemorySegment b);",
                "}");
    }

    /** Estimates each interface's binding class as the processor does before it generates. */
    @SupportedAnnotationTypes("dev.fastffi.annotations.NativeLibrary")
    private static final class Estimating extends AbstractProcessor {
        final Map<String, ClassSize.Estimate> estimates = new HashMap<>();

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            BindingReader reader = new BindingReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
            for (TypeElement annotation : annotations) {
                for (Element element : round.getElementsAnnotatedWith(annotation)) {
                    TypeElement type = (TypeElement) element;
                    ValidationReport report = new BindingValidator(true, processingEnv.getTypeUtils())
                            .validate(reader.read(type));
                    estimates.put(type.getQualifiedName().toString(), ClassSize.of(report.plan()));
                }
            }
            return false;
        }
    }

    /** What a class file holds of what the JVM limits: its constant-pool entries, two methods' code. */
    private record Sizes(int constructorBytes, int initializerBytes, int constants) {
        static Sizes of(byte[] classFile) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
                in.readInt(); // magic
                in.readInt(); // versions
                int count = in.readUnsignedShort();
                Map<Integer, String> utf8 = new HashMap<>();
                for (int index = 1; index < count; index++) {
                    int tag = in.readUnsignedByte();
                    switch (tag) {
                        case 1 -> utf8.put(index, in.readUTF());
                        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                        case 5, 6 -> {
                            in.skipNBytes(8);
                            index++; // takes two entries
                        }
                        case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                        case 15 -> in.skipNBytes(3);
                        default -> throw new AssertionError("constant tag " + tag);
                    }
                }
                in.skipNBytes(6); // access, this, super
                in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
                int fields = in.readUnsignedShort();
                for (int i = 0; i < fields; i++) {
                    in.skipNBytes(6);
                    skipAttributes(in);
                }
                Map<String, Integer> code = new HashMap<>();
                int methods = in.readUnsignedShort();
                for (int i = 0; i < methods; i++) {
                    in.skipNBytes(2);
                    String name = utf8.get(in.readUnsignedShort());
                    in.skipNBytes(2);
                    int attributes = in.readUnsignedShort();
                    for (int a = 0; a < attributes; a++) {
                        String attribute = utf8.get(in.readUnsignedShort());
                        int length = in.readInt();
                        if (attribute.equals("Code")) {
                            in.skipNBytes(4); // max stack and locals
                            code.put(name, in.readInt());
                            in.skipNBytes(length - 8);
                        } else {
                            in.skipNBytes(length);
                        }
                    }
                }
                return new Sizes(code.get("<init>"), code.get("<clinit>"), count - 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void skipAttributes(DataInputStream in) throws IOException {
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.skipNBytes(2);
                in.skipNBytes(in.readInt());
            }
        }
    }
}
