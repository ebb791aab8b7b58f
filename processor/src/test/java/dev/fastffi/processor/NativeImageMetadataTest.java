package dev.fastffi.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.palantir.javapoet.TypeName;
import dev.fastffi.internal.CallbackType;
import dev.fastffi.internal.Signatures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The GraalVM native-image metadata the processor writes: valid against GraalVM's published
 * schema 1.2.0, one downcall per generated handle, and the exact descriptors the runtime links.
 */
class NativeImageMetadataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = schema();
    private static final Path GOLDEN = Path.of(System.getProperty("basedir", "."), "src/test/resources/golden");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    /** {@code Downcalls.lazy("sig", "(A)R", critical, errno)}: a view's handle field. */
    private static final Pattern HANDLE = Pattern.compile(
            "Downcalls\\.lazy\\(\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\", \"([^\"]*)\", (true|false), (true|false)\\)");
    /**
     * {@code ADDRESSES$.lazy("sig(A)R\n" + "sig(A)R critical", ...)} or {@code Downcalls.lazy(...)}
     * with packed lines: every handle of a binding, one per line.
     */
    private static final Pattern PACKED = Pattern.compile(
            "(?:Downcalls|ADDRESSES\\$)\\.lazy\\(((?:\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"\\s*[+,]?\\s*)++)\\);");
    /*
     * String literals are matched as runs between escapes ("unrolled"), possessively: an
     * alternation repeated per character recurses per character in java.util.regex, and the
     * packed literal of a large interface overflowed the test thread's stack.
     */
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"(\\s*,)?");

    @Test
    void everyMetadataFileOfEveryGoldenCaseIsValidAgainstGraalVmsSchema() {
        for (String name : goldenCases()) {
            Map<String, String> files = metadata(compileGolden(name));
            assertFalse(files.isEmpty(), name + " wrote no reachability-metadata.json");
            files.forEach((path, text) -> assertEquals(List.of(), errors(text), name + ": " + path));
        }
    }

    @Test
    void aDocumentThatBreaksTheSchemaIsRejected() {
        assertEquals(List.of(), errors("{\"foreign\": {\"downcalls\": [{\"returnType\": \"jint\"}]}}"));
        assertFalse(errors("{\"foreign\": {\"downcalls\": [{\"returnType\": 4}]}}").isEmpty());
        assertFalse(errors("{\"foreign\": {\"downcalls\": [{\"returnType\": \"jint\","
                + " \"options\": {\"critical\": true}}]}}").isEmpty());
        assertFalse(errors("{\"foreign\": {\"upcalls\": [{\"returnType\": \"jint\","
                + " \"options\": {\"captureCallState\": true}}]}}").isEmpty());
        assertFalse(errors("{\"reflection\": [{\"name\": \"com.x.Old\"}]}").isEmpty());
        assertFalse(errors("{\"downcalls\": []}").isEmpty());
    }

    @Test
    void everyGeneratedHandleHasExactlyOneDowncallEntry() {
        int handles = 0;
        for (String name : goldenCases()) {
            handles += checkHandles(name, compileGolden(name));
        }
        assertTrue(handles > 20, "only " + handles + " handles found; has the handle field's shape changed?");
    }

    @Test
    void theItTestsInterfacesGetValidMetadataWithOneDowncallPerHandle() {
        Path root = Path.of(System.getProperty("basedir", "."), "../it-tests/src/test/java");
        // the interfaces, records and callbacks, without the tests and the programs that drive them
        Compilation compilation = Compilations.compile(sources(root, text -> !text.contains("org.junit")
                && text.contains("dev.fastffi.annotations.Native")));
        assertThat(compilation).succeeded();
        Map<String, String> files = metadata(compilation);
        assertTrue(files.size() > 20, files.keySet().toString());
        files.forEach((path, text) -> assertEquals(List.of(), errors(text), path));
        assertTrue(checkHandles("it-tests", compilation) > 100);
    }

    /**
     * Checks that the metadata of each generated class has exactly one downcall equal to each
     * handle its holders link; returns how many handles there were.
     */
    private static int checkHandles(String name, Compilation compilation) {
        int handles = 0;
        Map<String, String> files = metadata(compilation);
        for (JavaFileObject source : compilation.generatedSourceFiles()) {
            String file = source.getName().substring(source.getName().lastIndexOf('/') + 1);
            String text = content(source);
            Matcher packageName = PACKAGE.matcher(text);
            String iface = (packageName.find() ? packageName.group(1) + "." : "")
                    + file.substring(0, file.indexOf("$FastFfi"));
            List<String> downcalls = downcalls(parse(only(files, iface)));
            List<String> expectedHandles = new ArrayList<>();
            Matcher handle = HANDLE.matcher(text);
            while (handle.find()) {
                expectedHandles.add(expected(unescape(handle.group(1)), handle.group(2),
                        Boolean.parseBoolean(handle.group(3)), Boolean.parseBoolean(handle.group(4))));
            }
            Matcher packed = PACKED.matcher(text);
            while (packed.find()) {
                for (String line : packedLines(packed.group(1))) {
                    int flags = line.indexOf(' ', line.lastIndexOf('('));
                    String function = flags < 0 ? line : line.substring(0, flags);
                    int carriers = function.lastIndexOf('(');
                    expectedHandles.add(expected(function.substring(0, carriers), function.substring(carriers),
                            flags >= 0 && line.indexOf(" critical", flags) >= 0,
                            flags >= 0 && line.indexOf(" errno", flags) >= 0));
                }
            }
            for (String expected : expectedHandles) {
                handles++;
                long matching = downcalls.stream().filter(expected::equals).count();
                assertEquals(1, matching, name + " " + file + ": " + expected + " in " + downcalls);
            }
        }
        return handles;
    }

    @Test
    void downcallsAreTheDescriptorsOfTheHandleTheCompatibilityPathAndTheFreeFunction() {
        // a record by value, a critical array, errno with an address carried as long, a variadic
        // function, u8 (widened but on macOS/AArch64), u16 and bool, an owned string freed after reading
        Compilation compilation = Compilations.compile(
                Compilations.source("com.x.Point", "package com.x;",
                        "@dev.fastffi.annotations.NativeStruct(\"{u8, f64}\")",
                        "public record Point(byte tag, double x) {}"),
                Compilations.source("com.x.Calls", "package com.x;",
                        "import dev.fastffi.annotations.NativeFunction;",
                        "import java.lang.foreign.MemorySegment;",
                        "public interface Calls {",
                        "    @NativeFunction(\"f64(Point, i32)\") double byValue(Point p, int n);",
                        "    @NativeFunction(value = \"i32(buffer, usize)\", critical = true) int sum(int[] values, long n);",
                        "    @NativeFunction(value = \"i64(pointer)\", errno = true) long read(long address);",
                        "    @NativeFunction(\"i32(string, ...)\") int printf(String format, Object... args);",
                        "    @NativeFunction(\"void(u8, u16, bool)\") void small(byte a, char b, boolean c);",
                        "    @NativeFunction(value = \"string()\", free = \"free\") String owned();",
                        "    default long twice(long address) { return 2 * read(address); }",
                        "}"));
        assertThat(compilation).succeededWithoutWarnings();
        JsonNode metadata = parse(only(metadata(compilation), "com.x.Calls"));
        assertEquals(List.of(
                "jdouble(struct(jbyte, padding(7), jdouble), jint)",
                "jint(void*) firstVariadicArg=1",
                "jint(void*, jlong)",
                "jint(void*, jlong) critical",
                "jlong(jlong) captureCallState",
                "jlong(void*) captureCallState",
                "void(jbyte, jchar, jboolean)",
                "void(jint, jchar, jboolean)",
                "void(void*)",
                "void*()"), sorted(downcalls(metadata)));
        assertEquals(List.of(
                "com.x.Calls [twice(long)]",
                "com.x.Calls$FastFfi",
                "com.x.Point [<init>(byte, double), tag(), x()]",
                "proxy [com.x.Calls]"), reflection(metadata));
        assertEquals(List.of(), errors(only(metadata(compilation), "com.x.Calls")));
    }

    @Test
    void aCallbackListsItsUpcallItsViewsDowncallAndTheMethodTheStubCalls() throws Exception {
        Compilation compilation = Compilations.compile(
                Compilations.source("com.x.Pair", "package com.x;",
                        "@dev.fastffi.annotations.NativeStruct(\"{i32, i64}\")",
                        "public record Pair(int a, long b) {}"),
                Compilations.source("com.x.Visit", "package com.x;",
                        "import java.lang.foreign.MemorySegment;",
                        "@dev.fastffi.annotations.NativeCallback(\"u8(Pair, pointer, u16)\")",
                        "public interface Visit {",
                        "    byte visit(Pair pair, MemorySegment data, char c);",
                        "}"));
        assertThat(compilation).succeededWithoutWarnings();
        String text = only(metadata(compilation), "com.x.Visit");
        assertEquals(List.of(), errors(text));
        JsonNode metadata = parse(text);
        assertEquals(List.of("jbyte(struct(jint, padding(4), jlong), void*, jchar)"), calls(metadata, "upcalls"));
        // the view and the compatibility view both call the pointer with every type at its carrier
        assertEquals(List.of("jbyte(struct(jint, padding(4), jlong), void*, jchar)"), downcalls(metadata));
        assertEquals(List.of(
                "com.x.Pair [<init>(int, long), a(), b()]",
                "com.x.Visit [visit(com.x.Pair, java.lang.foreign.MemorySegment, char)]",
                "com.x.Visit$FastFfiView",
                "proxy [com.x.Visit]"), reflection(metadata));
        // the runtime's own descriptor of the stub, in GraalVM's syntax
        CallbackType type = CallbackType.of(CompiledClasses.load(compilation, "com.x.Visit"));
        assertEquals(calls(metadata, "upcalls").get(0), describe(type.descriptor().returnLayout()
                .map(ForeignCalls::layout).orElse("void"), type.descriptor().argumentLayouts().stream()
                .map(ForeignCalls::layout).toList(), ""));
    }

    @Test
    void aCallbackInheritingAGenericMethodListsTheRecordItBindsAndTheMethodWhereItIsDeclared() {
        Compilation compilation = Compilations.compile(
                Compilations.source("com.x.Pair", "package com.x;",
                        "@dev.fastffi.annotations.NativeStruct(\"{i32, i64}\")",
                        "public record Pair(int a, long b) {}"),
                Compilations.source("com.x.PairSink", "package com.x;",
                        "@dev.fastffi.annotations.NativeCallback(\"void({i32, i64})\")",
                        "public interface PairSink extends java.util.function.Consumer<Pair> {}"));
        assertThat(compilation).succeededWithoutWarnings();
        String text = only(metadata(compilation), "com.x.PairSink");
        assertEquals(List.of(), errors(text));
        assertEquals(List.of(
                "com.x.Pair [<init>(int, long), a(), b()]",
                "com.x.PairSink",
                "com.x.PairSink$FastFfiView",
                "java.util.function.Consumer [accept(java.lang.Object), andThen(java.util.function.Consumer)]",
                "proxy [com.x.PairSink]"), reflection(parse(text)));
    }

    @Test
    void recordsAreRegisteredWithTheRecordsTheirComponentsNameAndThoseASignatureNames() {
        Compilation compilation = Compilations.compile(
                Compilations.source("com.x.Point", "package com.x;",
                        "@dev.fastffi.annotations.NativeStruct(\"{f64, f64}\")",
                        "public record Point(double x, double y) {}"),
                Compilations.source("com.x.Box", "package com.x;",
                        "@dev.fastffi.annotations.NativeStruct(\"{u8, Point, [2]i32}\")",
                        "public record Box(byte tag, Point corner, int[] size) {}"),
                Compilations.source("com.x.Pin", "package com.x;",
                        "@dev.fastffi.annotations.NativeStruct(\"{i32}\")",
                        "public record Pin(int v) {}"),
                Compilations.source("com.x.Shapes", "package com.x;",
                        "import dev.fastffi.annotations.NativeFunction;",
                        "public interface Shapes {",
                        "    @NativeFunction(\"f64(buffer, i32)\") double area(Box[] boxes, int count);",
                        "    @NativeFunction(\"void(Pin*)\") void clear(java.lang.foreign.MemorySegment point);",
                        "}"));
        assertThat(compilation).succeededWithoutWarnings();
        JsonNode metadata = parse(only(metadata(compilation), "com.x.Shapes"));
        assertEquals(List.of(
                "com.x.Box [<init>(byte, com.x.Point, int[]), corner(), size(), tag()]",
                "com.x.Pin [<init>(int), v()]",
                "com.x.Point [<init>(double, double), x(), y()]",
                "com.x.Shapes",
                "com.x.Shapes$FastFfi",
                "proxy [com.x.Shapes]"), reflection(metadata));
    }

    @Test
    void anInterfaceThatIsBothABindingAndACallbackGetsOneFileWithBoth() {
        Compilation compilation = Compilations.compile(Compilations.source("com.x.Dual", "package com.x;",
                "@dev.fastffi.annotations.NativeCallback(\"i32(i32)\")",
                "public interface Dual {",
                "    @dev.fastffi.annotations.NativeFunction(\"i32(i32)\") int abs(int x);",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        Map<String, String> files = metadata(compilation);
        assertEquals(1, files.size(), files.keySet().toString());
        JsonNode metadata = parse(only(files, "com.x.Dual"));
        assertEquals(List.of("jint(jint)"), downcalls(metadata));
        assertEquals(List.of("jint(jint)"), calls(metadata, "upcalls"));
        assertEquals(List.of("com.x.Dual [abs(int)]", "com.x.Dual$FastFfi", "com.x.Dual$FastFfiView",
                "proxy [com.x.Dual]"), reflection(metadata));
    }

    @Test
    void theRuntimesOwnMetadataIsValidAndListsItsFixedDowncalls() throws IOException {
        String path = NativeImageMetadata.FOLDER + "fastffi-runtime/" + NativeImageMetadata.FILE;
        try (InputStream in = CallbackType.class.getClassLoader().getResourceAsStream(path)) {
            assertTrue(in != null, path + " is not in the runtime");
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(List.of(), errors(text));
            assertEquals(List.of("jlong(void*)", "void*(void*, void*)"), downcalls(parse(text)));
            assertEquals(List.of("dev.fastffi.internal.UpcallResults"), reflection(parse(text)));
        }
    }

    @Test
    void theSameInputWritesTheSameBytes() {
        assertEquals(metadata(compileGolden("callbacks")), metadata(compileGolden("callbacks")));
        assertEquals(metadata(compileGolden("structs")), metadata(compileGolden("structs")));
    }

    @Test
    void theFileOfANestedInterfaceIsUnderItsBinaryName() {
        assertTrue(metadata(compileGolden("nested")).keySet().stream().anyMatch(path -> path.contains("$")),
                metadata(compileGolden("nested")).keySet().toString());
    }

    @Test
    void jsonStringsEscapeQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", MetadataJson.string("a\"b\\c\n\u0001"));
    }

    /** The descriptor a holder's handle is linked with, from the generated call, as {@link #describe} writes it. */
    /** The lines of a packed argument list: literals joined by {@code +} are one chunk, chunks are separated by commas. */
    private static List<String> packedLines(String arguments) {
        StringBuilder joined = new StringBuilder();
        Matcher literal = LITERAL.matcher(arguments);
        while (literal.find()) {
            joined.append(unescape(literal.group(1)));
            if (literal.group(2) != null) {
                joined.append('\n');
            }
        }
        return List.of(joined.toString().split("\n", -1));
    }

    private static String unescape(String literal) {
        return literal.replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static String expected(String signature, String descriptor, boolean critical, boolean errno) {
        // the result first, then the parameters
        MethodType type = MethodType.fromMethodDescriptorString(descriptor, null);
        List<TypeName> carriers = new ArrayList<>();
        carriers.add(carrier(type.returnType().getName()));
        type.parameterList().forEach(parameter -> carriers.add(carrier(parameter.getName())));
        ForeignCalls.Call call = ForeignCalls.downcalls(Signatures.generated(signature), carriers.subList(1, carriers.size()),
                carriers.get(0), critical, errno, ForeignCalls.FIXED).get(0);
        return describe(call.returnType(), call.parameterTypes(), (call.captureCallState() ? " captureCallState" : "")
                + (call.critical() ? " critical" : ""));
    }

    private static TypeName carrier(String name) {
        return switch (name) {
            case "boolean" -> TypeName.BOOLEAN;
            case "byte" -> TypeName.BYTE;
            case "short" -> TypeName.SHORT;
            case "char" -> TypeName.CHAR;
            case "int" -> TypeName.INT;
            case "long" -> TypeName.LONG;
            case "float" -> TypeName.FLOAT;
            case "double" -> TypeName.DOUBLE;
            case "void" -> TypeName.VOID;
            default -> Carriers.SEGMENT;
        };
    }

    private static List<String> downcalls(JsonNode metadata) {
        return calls(metadata, "downcalls");
    }

    /** Each entry as {@code returnType(parameterTypes) options}, in file order. */
    private static List<String> calls(JsonNode metadata, String kind) {
        List<String> calls = new ArrayList<>();
        for (JsonNode call : metadata.path("foreign").path(kind)) {
            List<String> parameters = new ArrayList<>();
            call.path("parameterTypes").forEach(p -> parameters.add(p.asText()));
            JsonNode options = call.path("options");
            String suffix = (options.has("firstVariadicArg") ? " firstVariadicArg=" + options.get("firstVariadicArg") : "")
                    + (options.path("captureCallState").asBoolean() ? " captureCallState" : "")
                    + (options.path("critical").path("allowHeapAccess").asBoolean() ? " critical" : "");
            calls.add(describe(call.get("returnType").asText(), parameters, suffix));
        }
        return calls;
    }

    private static String describe(String returnType, List<String> parameters, String options) {
        return returnType + "(" + String.join(", ", parameters) + ")" + options;
    }

    /** Each reflection entry as its type and invocable methods, in file order. */
    private static List<String> reflection(JsonNode metadata) {
        List<String> entries = new ArrayList<>();
        for (JsonNode entry : metadata.path("reflection")) {
            JsonNode type = entry.get("type");
            List<String> methods = new ArrayList<>();
            for (JsonNode method : entry.path("methods")) {
                List<String> parameters = new ArrayList<>();
                method.path("parameterTypes").forEach(p -> parameters.add(p.asText()));
                methods.add(method.get("name").asText() + "(" + String.join(", ", parameters) + ")");
            }
            String name = type.isTextual() ? type.asText() : "proxy " + type.get("proxy").toString()
                    .replace("\"", "").replace(",", ", ");
            entries.add(methods.isEmpty() ? name : name + " " + methods);
        }
        return entries;
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    private static List<String> errors(String text) {
        return SCHEMA.validate(text, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file written for the interface or callback {@code binaryName}. */
    private static String only(Map<String, String> files, String binaryName) {
        String path = NativeImageMetadata.FOLDER + binaryName + "/" + NativeImageMetadata.FILE;
        String text = files.get(path);
        assertTrue(text != null, path + " not among " + files.keySet());
        return text;
    }

    /** Every reachability-metadata.json the compilation wrote, by resource path. */
    private static Map<String, String> metadata(Compilation compilation) {
        Map<String, String> files = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            String path = file.toUri().getPath();
            int start = path.indexOf(NativeImageMetadata.FOLDER);
            if (start >= 0 && path.endsWith(NativeImageMetadata.FILE)) {
                files.put(path.substring(start), content(file));
            }
        }
        return files;
    }

    private static List<String> goldenCases() {
        try (Stream<Path> cases = Files.list(GOLDEN)) {
            return cases.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Compilation compileGolden(String name) {
        List<String> options = name.equals("fast-disabled") ? List.of("-Afastffi.fast=false") : List.of();
        Compilation compilation = Compilations.compile(options, sources(GOLDEN.resolve(name).resolve("input"), text -> true));
        assertThat(compilation).succeededWithoutWarnings();
        return compilation;
    }

    /** The sources under {@code root} whose text {@code keep} accepts, named by package and file. */
    private static JavaFileObject[] sources(Path root, java.util.function.Predicate<String> keep) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted()
                    .filter(p -> keep.test(readString(p)))
                    .map(p -> JavaFileObjects.forSourceString(
                            root.relativize(p).toString().replace(".java", "").replace('/', '.'), readString(p)))
                    .toArray(JavaFileObject[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String content(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema schema() {
        try (InputStream in = NativeImageMetadataTest.class.getResourceAsStream(
                "/native-image/reachability-metadata-schema-v1.2.0.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
