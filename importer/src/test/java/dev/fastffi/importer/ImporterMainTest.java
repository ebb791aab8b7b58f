package dev.fastffi.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line and its errors. */
class ImporterMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ImporterMain.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importsAHeaderAndWritesOneFilePerType(@TempDir Path dir) throws Exception {
        Path header = dir.resolve("tiny_lib.h");
        Files.writeString(header, "#define TINY_LIMIT 8\ntypedef struct { int a; } tiny_pair;\n"
                + "int tiny_sum(tiny_pair p);\nint tiny_bad(long double x);\n");
        assertEquals(0, run("-o", dir.resolve("out").toString(), "-p", "com.example", "-s", "tiny_", header.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("fastffi-importer: 1 functions bound, 1 left out"));
        String binding = Files.readString(dir.resolve("out/com/example/TinyLib.java"));
        assertTrue(binding.contains("@NativeLibrary({\"tiny_lib\"})"), binding);
        assertTrue(binding.contains("int TINY_LIMIT = 8;"), binding);
        assertTrue(binding.contains("int sum(TinyPair p);"), binding);
        assertTrue(binding.contains("// not bound: tiny_bad takes 'x' as a long double"), binding);
        assertTrue(Files.exists(dir.resolve("out/com/example/TinyPair.java")));
    }

    @Test
    void aHeaderWhoseFunctionsAreInTheHeadersItIncludesSaysWhereTheyAre(@TempDir Path dir) throws Exception {
        Path calls = Files.writeString(dir.resolve("calls.h"), "int one(int);\nint two(int);\n");
        Path more = Files.writeString(dir.resolve("more.h"), "int three(int);\nstatic int hidden(void) { return 0; }\n");
        Path umbrella = Files.writeString(dir.resolve("umbrella.h"),
                "#include \"calls.h\"\n#include \"more.h\"\nextern int counter;\n");
        assertEquals(0, run("-o", dir.resolve("out").toString(), "-p", "p", umbrella.toString()));
        assertEquals(List.of("fastffi-importer: umbrella.h declares no function itself; the headers it includes declare 3"
                + " functions, most in " + calls + " (2), " + more + " (1); give the header that declares them too"),
                out.toString(StandardCharsets.UTF_8).lines().skip(1).toList());
        // given too, that header binds them, and nothing is said
        out.reset();
        assertEquals(0, run("-o", dir.resolve("out").toString(), "-p", "p", umbrella.toString(), calls.toString(),
                more.toString()));
        assertEquals(1, out.toString(StandardCharsets.UTF_8).lines().count());
    }

    @Test
    void globalVariablesAreLeftOutWithHowToReachThem(@TempDir Path dir) throws Exception {
        Path header = dir.resolve("g.h");
        Files.writeString(header, "struct s { int a; };\nextern int counter;\nextern const char *name, *names[2];\n"
                + "extern struct s state;\nstatic int hidden;\nextern __thread int local;\nint use(void);\n");
        Map<String, String> files = Importer.run(ImporterOptions.parse(List.of("-o", "x", "-n", "G", header.toString())))
                .files();
        String binding = files.get("G.java");
        assertTrue(binding.contains("// not bound: counter is a variable; read it with Library.global(\"counter\","
                + " \"i32\")\n"), binding);
        assertTrue(binding.contains("// not bound: name is a variable; read it with Library.global(\"name\","
                + " \"pointer\")\n"), binding);
        assertTrue(binding.contains("// not bound: names is a variable of a type Library.global cannot read\n"), binding);
        assertTrue(binding.contains("// not bound: state is a variable of a type Library.global cannot read\n"), binding);
        assertTrue(binding.contains("// not bound: local is a thread-local variable, which Library.global cannot read\n"),
                binding);
        assertTrue(!binding.contains("hidden") && !files.containsKey("S.java"), binding);
    }

    @Test
    void typeNamesThatGeneratedCodeUsesUnqualifiedGetASuffix(@TempDir Path dir) throws Exception {
        Path header = dir.resolve("string.h");
        Files.writeString(header, "struct Object { int a; };\ntypedef struct { int b; } MemorySegment;\n"
                + "typedef void (*native_struct)(int);\nint f(struct Object o, MemorySegment m, native_struct cb);\n");
        Map<String, String> files = Importer.run(ImporterOptions.parse(List.of("-o", "x", header.toString()))).files();
        assertEquals(List.of("MemorySegment2.java", "NativeStruct2.java", "Object2.java", "String2.java"),
                List.copyOf(files.keySet()));
        assertTrue(files.get("String2.java").contains("int f(Object2 o, MemorySegment2 m, Upcall<NativeStruct2> cb);"),
                files.get("String2.java"));
    }

    @Test
    void headerFileNamesThatAreNoJavaIdentifiersGiveValidInterfaceNames(@TempDir Path dir) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("-o", "x", "-p", "p"));
        for (String name : List.of("my-lib.h", "foo.bar.h", "c++compat.h", "3d.h", "+.h")) {
            Files.writeString(dir.resolve(name), "int f_" + args.size() + "(void);\n");
            args.add(dir.resolve(name).toString());
        }
        assertEquals(List.of("p/CCompat.java", "p/FooBar.java", "p/MyLib.java", "p/T.java", "p/T3d.java"),
                List.copyOf(Importer.run(ImporterOptions.parse(args)).files().keySet()));
    }

    @Test
    void filtersChooseFunctionsByTheirCName(@TempDir Path dir) throws Exception {
        Path header = dir.resolve("f.h");
        Files.writeString(header, "int keep_one(void);\nint keep_two(void);\nint drop(void);\n");
        ImporterOptions options = ImporterOptions.parse(List.of("-o", "x", "-i", "keep_.*", "-x", ".*_two", "-n", "F",
                header.toString()));
        String binding = Importer.run(options).files().get("F.java");
        assertTrue(binding.contains("keep_one()"), binding);
        assertTrue(!binding.contains("keep_two") && !binding.contains("drop"), binding);
    }

    @Test
    void groupsSplitAHeaderIntoOneInterfacePerPrefix(@TempDir Path dir) throws Exception {
        Path header = dir.resolve("api.h");
        Files.writeString(header, "#define API_VERSION 3\n#define API_STR_MAX 64\n#define API_STR_BUF_SIZE 16\n"
                + "#define API_STR_EMPTY ((const char *) \"\")\n#define api_str_default \"none\"\n"
                + "int api_init(void);\nint api_str_new(void);\nint api_str_len(int s);\n"
                + "int api_str_buf_free(int b);\n");
        var files = Importer.run(ImporterOptions.parse(List.of("-o", "x", "-s", "api_", "-g", "api_str_=Str", "-g",
                "api_str_buf_=Buffer", header.toString()))).files();
        assertEquals(List.of("Api.java", "Buffer.java", "Str.java"), List.copyOf(files.keySet()));
        assertTrue(files.get("Api.java").contains("int init();"), files.get("Api.java"));
        assertTrue(files.get("Str.java").contains("@NativeFunction(value = \"i32(i32)\", symbol = \"api_str_len\")\n    int len(int s);"),
                files.get("Str.java"));
        assertTrue(files.get("Buffer.java").contains("int free(int b);"), files.get("Buffer.java"));
        assertTrue(!files.get("Api.java").contains("api_str"), files.get("Api.java"));
        // constants go with their prefix in any case, keep their names and come before the functions
        assertTrue(files.get("Api.java").contains("int API_VERSION = 3;") && !files.get("Api.java").contains("API_STR"),
                files.get("Api.java"));
        assertTrue(files.get("Str.java").contains("int API_STR_MAX = 64;\n"
                + "    // not bound: API_STR_EMPTY is '((const char *) \"\")', not an integer or string constant\n"
                + "    /** {@code #define api_str_default \"none\"} */\n    String api_str_default = \"none\";\n\n"
                + "    /** {@code int api_str_new(void);} */"), files.get("Str.java"));
        assertTrue(files.get("Buffer.java").contains("int API_STR_BUF_SIZE = 16;"), files.get("Buffer.java"));
        assertTrue(!files.get("Str.java").contains("API_STR_BUF_SIZE"), files.get("Str.java"));
    }

    @Test
    void aGroupWithConstantsOnlyIsAnInterfaceToo(@TempDir Path dir) throws Exception {
        Path header = dir.resolve("k.h");
        Files.writeString(header, "#define K_LIMIT_LOW 1\n#define K_LIMIT_HIGH 9\nint k_run(void);\n");
        var files = Importer.run(ImporterOptions.parse(List.of("-o", "x", "-g", "k_limit_=Limits", header.toString())))
                .files();
        assertEquals(List.of("K.java", "Limits.java"), List.copyOf(files.keySet()));
        assertTrue(files.get("Limits.java").contains("int K_LIMIT_LOW = 1;") && files.get("Limits.java")
                .contains("int K_LIMIT_HIGH = 9;") && !files.get("Limits.java").contains("@NativeFunction"),
                files.get("Limits.java"));
        assertTrue(files.get("K.java").contains("int k_run();") && !files.get("K.java").contains("K_LIMIT"),
                files.get("K.java"));
    }

    @Test
    void optionalFunctionsSaySo(@TempDir Path dir) throws Exception {
        Path header = dir.resolve("o.h");
        Files.writeString(header, "int maybe(void);\n");
        String binding = Importer.run(ImporterOptions.parse(List.of("-o", "x", "--optional", "may.*", header.toString())))
                .files().get("O.java");
        assertTrue(binding.contains("@NativeFunction(value = \"i32()\", optional = true)"), binding);
    }

    @Test
    void helpPrintsUsage() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: fastffi-importer"));
    }

    @Test
    void aMissingHeaderIsAnError() {
        assertEquals(1, run("-o", "out", "no/such/header.h"));
        assertEquals("fastffi-importer: header no/such/header.h does not exist", errors().strip());
    }

    @Test
    void aHeaderTheCompilerRejectsIsAnErrorWithItsMessage(@TempDir Path dir) throws Exception {
        Path header = dir.resolve("bad.h");
        Files.writeString(header, "#include \"missing_file.h\"\n");
        assertEquals(1, run("-o", dir.toString(), header.toString()));
        assertTrue(errors().contains("failed with exit status 1") && errors().contains("missing_file.h"), errors());
    }

    @Test
    void aMissingCompilerIsAnErrorNamingTheOption(@TempDir Path dir) throws Exception {
        Path header = dir.resolve("h.h");
        Files.writeString(header, "int f(void);\n");
        assertEquals(1, run("-o", dir.toString(), "--cc", "no-such-compiler-xyz", header.toString()));
        assertTrue(errors().startsWith("fastffi-importer: cannot run the C compiler 'no-such-compiler-xyz'"), errors());
        assertTrue(errors().strip().endsWith("install gcc or pass --cc"), errors());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertEquals(2, run("--frobnicate"));
        assertTrue(errors().startsWith("fastffi-importer: unknown option '--frobnicate'\nusage:"), errors());
    }

    @Test
    void optionErrorsNameTheProblem() {
        assertEquals("no header given", message("-o", "x").lines().findFirst().orElseThrow());
        assertEquals("no output directory given (-o DIR)", message("a.h").lines().findFirst().orElseThrow());
        assertEquals("option '-p' needs a value", message("-o", "x", "a.h", "-p"));
        assertEquals("'a.1b' is not a package name: '1b' is not a Java identifier", message("-p", "a.1b"));
        assertEquals("'class' is not a Java identifier", message("-n", "class"));
        assertEquals("'(' is not a regular expression: Unclosed group", message("-i", "("));
        assertEquals("--group takes PREFIX=InterfaceName, not 'Str'", message("-g", "Str"));
        assertEquals("--name names one interface, but 2 headers were given; each header gets its own interface named"
                + " after the file", message("-o", "x", "-n", "X", "a.h", "b.h"));
    }

    private static String message(String... args) {
        return assertThrows(ImporterException.class, () -> ImporterOptions.parse(List.of(args))).getMessage();
    }

    @Test
    void compilerFlagsArePassedOn(@TempDir Path dir) throws Exception {
        Path header = dir.resolve("d.h");
        Files.writeString(header, "#include <stdint.h>\n#ifdef WANT\nint wanted(int x);\n#endif\n#define LEVEL VALUE\n"
                + "#define MASK ((uint8_t) -1)\n");
        String binding = Importer.run(ImporterOptions.parse(List.of("-o", "x", "-DWANT", "-D", "VALUE=3",
                header.toString()))).files().get("D.java");
        assertTrue(binding.contains("int wanted(int x);"), binding);
        assertTrue(binding.contains("int LEVEL = 3;"), binding);
        assertTrue(binding.contains("int MASK = 255;"), binding);
    }
}
