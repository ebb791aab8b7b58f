package dev.fastffi.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fastffi.processor.Compilations.compile;
import static dev.fastffi.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Record components of widened and boxed carriers: what compiles, and each diagnostic with its text and line. */
class StructCarrierDiagnosticsTest {

    private static JavaFileObject flags(String... components) {
        String[] lines = new String[components.length + 3];
        lines[0] = "package com.x;";
        lines[1] = "import dev.fastffi.annotations.NativeStruct;";
        lines[2] = "@NativeStruct(\"{bool, u16, i16, u64}\")";
        System.arraycopy(components, 0, lines, 3, components.length);
        return source("com.x.Flags", lines);
    }

    private static JavaFileObject settings(String... methods) {
        String[] lines = new String[methods.length + 4];
        lines[0] = "package com.x;";
        lines[1] = "import dev.fastffi.annotations.NativeFunction;";
        lines[2] = "public interface Settings {";
        System.arraycopy(methods, 0, lines, 3, methods.length);
        lines[lines.length - 1] = "}";
        return source("com.x.Settings", lines);
    }

    @Test
    void widenedAndBoxedComponentsCompileWithoutWarnings() {
        JavaFileObject flags = flags("public record Flags(Boolean on, int code, Long delta, java.math.BigInteger size) {}");
        JavaFileObject settings = settings(
                "    @NativeFunction(\"Flags(Flags)\")",
                "    Flags flip(Flags flags);");

        assertThat(compile(flags, settings)).succeededWithoutWarnings();
    }

    @Test
    void aComponentOutsideTheTableIsReportedOnItWithEveryAllowedCarrier() {
        JavaFileObject flags = flags(
                "public record Flags(boolean on,",
                "        Byte code,",
                "        short delta, long size) {}");

        Compilation compilation = compile(flags);

        assertThat(compilation).hadErrorContaining("@NativeStruct(\"{bool, u16, i16, u64}\"): record Flags component"
                        + " 'code' is Byte, but the field is u16; declare it as char, int, Character, Integer or Long.")
                .inFile(flags).onLineContaining("Byte code");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void aFixedArrayOfAWiderTypeIsReportedWithTheFieldsCarrier() {
        JavaFileObject bytes = source("com.x.Bytes",
                "package com.x;",
                "import dev.fastffi.annotations.NativeStruct;",
                "@NativeStruct(\"{[4]u8}\")",
                "public record Bytes(int[] data) {}");

        Compilation compilation = compile(bytes);

        assertThat(compilation).hadErrorContaining("@NativeStruct(\"{[4]u8}\"): record Bytes component 'data' is"
                        + " int[], but the field is [4]u8; declare it as byte[] (a fixed array is an array of the"
                        + " field's carrier).")
                .inFile(bytes).onLineContaining("int[] data");
    }

    @Test
    void requireFastWithABoxedComponentIsReportedNamingTheComponent() {
        JavaFileObject flags = flags("public record Flags(boolean on, int code, Short delta, long size) {}");
        JavaFileObject settings = settings(
                "    @NativeFunction(value = \"void(Flags)\",",
                "            requireFast = true)",
                "    void set(Flags flags);");

        Compilation compilation = compile(flags, settings);

        assertThat(compilation).hadErrorContaining("@NativeFunction(requireFast = true), but 'set' is not fast-path"
                        + " eligible: argument 0 is Flags: record Flags component 'delta' is Short: boxed values are on"
                        + " the compatibility path; use short to stay fast.")
                .inFile(settings).onLineContaining("requireFast = true");
    }

    @Test
    void aFunctionFieldTakesASegmentOrACallbackInterface() {
        JavaFileObject handler = source("com.x.Handler",
                "package com.x;",
                "import dev.fastffi.annotations.NativeStruct;",
                "@NativeStruct(\"{function, i32}\")",
                "public record Handler(Runnable run,",
                "        int flags) {}");

        Compilation compilation = compile(handler);

        assertThat(compilation).hadErrorContaining("@NativeStruct(\"{function, i32}\"): record Handler component 'run'"
                        + " is Runnable, but the field is function; declare it as MemorySegment or a @NativeCallback"
                        + " interface.")
                .inFile(handler).onLineContaining("Runnable run");
    }

    private static JavaFileObject operation() {
        return source("com.x.Operation",
                "package com.x;",
                "import dev.fastffi.annotations.NativeCallback;",
                "@NativeCallback(\"i64(i64)\")",
                "public interface Operation { long apply(long x); }");
    }

    private static JavaFileObject handler() {
        return source("com.x.Handler",
                "package com.x;",
                "import dev.fastffi.annotations.NativeStruct;",
                "@NativeStruct(\"{i32, function}\")",
                "public record Handler(int tag, Operation op) {}");
    }

    @Test
    void aCallbackInterfaceComponentCompilesForAFunctionField() {
        JavaFileObject settings = settings(
                "    @NativeFunction(\"Handler*(Handler, Handler*, buffer, usize)\")",
                "    Handler swap(Handler by, Handler at, Handler[] all, long n);");

        assertThat(compile(operation(), handler(), settings)).succeededWithoutWarnings();
    }

    @Test
    void requireFastWithACallbackComponentIsReportedNamingTheComponent() {
        JavaFileObject settings = settings(
                "    @NativeFunction(value = \"void(Handler)\",",
                "            requireFast = true)",
                "    void set(Handler handler);");

        Compilation compilation = compile(operation(), handler(), settings);

        assertThat(compilation).hadErrorContaining("@NativeFunction(requireFast = true), but 'set' is not fast-path"
                        + " eligible: argument 0 is Handler: record Handler component 'op' is a @NativeCallback"
                        + " interface: such a field is read as a view of the function pointer and written as a callback"
                        + " object's stub, both on the compatibility path; declare it as MemorySegment to stay fast.")
                .inFile(settings).onLineContaining("requireFast = true");
    }
}
