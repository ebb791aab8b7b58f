package dev.fastffi.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fastffi.processor.Compilations.compile;
import static dev.fastffi.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import dev.fastffi.FastFfi;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Methods the generator adds to a binding or a view ({@code get$Div}, {@code abs$call}) never take
 * a name the interface's own methods have, whatever the user named them: the generated class
 * compiles, and calls reach the function each method declares.
 */
class NameCollisionsTest {

    @Test
    void userMethodsNamedAsStructCodecsAndAsyncBodiesKeepTheirNames() throws Exception {
        JavaFileObject calc = source("com.x.Calc",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "import dev.fastffi.annotations.NativeStruct;",
                "import java.lang.foreign.MemorySegment;",
                "import java.util.concurrent.CompletableFuture;",
                "public interface Calc {",
                "    @NativeStruct(\"{i32, i32}\")",
                "    record Div(int quot, int rem) {}",
                "    @NativeFunction(\"{i32, i32}(i32, i32)\")",
                "    Div div(int numerator, int denominator);",
                "    @NativeFunction(value = \"{i32, i32}(i32, i32)\", symbol = \"div\")",
                "    Div get$Div(int numerator, int denominator);",
                "    /** As the struct codec that reads a Div is declared, if it were named after the record. */",
                "    default Div get$Div(MemorySegment segment, long offset) {",
                "        return new Div(-1, -1);",
                "    }",
                "    @NativeFunction(\"i32(i32)\")",
                "    CompletableFuture<Integer> abs(int x);",
                "    @NativeFunction(value = \"i32(i32)\", symbol = \"abs\")",
                "    int abs$call(int x);",
                "}");

        Compilation compilation = compile(calc);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.x.Calc$FastFfi").contentsAsUtf8String()
                .contains("private static Calc.Div get$Div_(MemorySegment segment$, long offset$)");
        assertThat(compilation).generatedSourceFile("com.x.Calc$FastFfi").contentsAsUtf8String()
                .contains("private int abs$call_(int x)");
        Class<?> type = CompiledClasses.load(compilation, "com.x.Calc");
        Object binding = FastFfi.load(type);
        assertThat(call(type, binding, "div", new Class<?>[] {int.class, int.class}, -17, 5).toString())
                .isEqualTo("Div[quot=-3, rem=-2]");
        assertThat(call(type, binding, "get$Div", new Class<?>[] {int.class, int.class}, 17, 5).toString())
                .isEqualTo("Div[quot=3, rem=2]");
        assertThat(call(type, binding, "get$Div", new Class<?>[] {MemorySegment.class, long.class},
                MemorySegment.NULL, 0L).toString()).isEqualTo("Div[quot=-1, rem=-1]");
        assertThat(((CompletableFuture<?>) call(type, binding, "abs", new Class<?>[] {int.class}, -4)).get())
                .isEqualTo(4);
        assertThat(call(type, binding, "abs$call", new Class<?>[] {int.class}, -6)).isEqualTo(6);
    }

    @Test
    void aCallbackDefaultMethodNamedAsAStructCodecKeepsItsName() {
        JavaFileObject makeDiv = source("com.x.MakeDiv",
                "package com.x;",
                "import dev.fastffi.annotations.NativeCallback;",
                "import dev.fastffi.annotations.NativeStruct;",
                "import java.lang.foreign.MemorySegment;",
                "@NativeCallback(\"Div()\")",
                "public interface MakeDiv {",
                "    @NativeStruct(\"{i32, i32}\")",
                "    record Div(int quot, int rem) {}",
                "    Div make();",
                "    /** As the struct codec that reads a Div is declared, if it were named after the record. */",
                "    default Div get$Div(MemorySegment segment, long offset) {",
                "        return null;",
                "    }",
                "}");

        Compilation compilation = compile(makeDiv);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("com.x.MakeDiv$FastFfiView").contentsAsUtf8String()
                .contains("private static MakeDiv.Div get$Div_(MemorySegment segment$, long offset$)");
    }

    private static Object call(Class<?> type, Object binding, String name, Class<?>[] parameters, Object... args)
            throws Exception {
        Method method = type.getMethod(name, parameters);
        return method.invoke(binding, args);
    }
}
