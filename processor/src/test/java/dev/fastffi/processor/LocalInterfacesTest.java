package dev.fastffi.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.fastffi.processor.Compilations.compile;
import static dev.fastffi.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.internal.Binder;
import dev.fastffi.model.Signature;
import java.io.File;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Native interfaces declared in a method, an initializer or an anonymous class, which javac lists
 * in no round and no generated class can name, are errors on the interface; fastffi's annotations
 * on a class declared there are errors as on a member class.
 */
class LocalInterfacesTest {
    private static final String SUFFIX = "', where no other class can name it, so no binding can be generated for"
            + " it; declare it as a top-level interface or as a member of a class.";

    private static String error(String name, String enclosing) {
        return "Native interface '" + name + "' is declared inside a method, an initializer or an anonymous class"
                + " of '" + enclosing + SUFFIX;
    }

    @Test
    void interfaceDeclaredInAMethodIsReportedOnTheInterface() {
        JavaFileObject outer = source("com.x.Outer",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public class Outer {",
                "    static int call() {",
                "        interface Calc {",
                "            @NativeFunction(\"i32(i32)\")",
                "            int abs(int x);",
                "        }",
                "        return 0;",
                "    }",
                "}");

        Compilation compilation = compile(outer);

        assertThat(compilation).hadErrorContaining(error("Calc", "com.x.Outer"))
                .inFile(outer).onLineContaining("interface Calc");
        assertThat(compilation).hadErrorCount(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev.fastffi.annotations", "dev.fastffi"})
    void interfaceDeclaredInAMethodOfAFileThatImportsAModuleExportingTheAnnotationsIsReported(String module) {
        JavaFileObject outer = source("com.x.Outer",
                "package com.x;",
                "import module " + module + ";",
                "public class Outer {",
                "    static int call() {",
                "        interface Calc {",
                "            @NativeFunction(\"i32(i32)\")",
                "            int abs(int x);",
                "        }",
                "        return 0;",
                "    }",
                "}");

        // module imports are Java 25's; the runtime's module requires the annotations' transitively
        String modules = Stream.of(NativeFunction.class, Binder.class, Signature.class)
                .map(type -> Compilations.location(type).toString())
                .collect(Collectors.joining(File.pathSeparator));
        Compilation compilation = Compiler.javac()
                .withProcessors(new FastFfiProcessor(), new LocalInterfaceProcessor())
                .withOptions("--release", "25", "--module-path", modules, "--add-modules", module)
                .compile(outer);

        assertThat(compilation).hadErrorContaining(error("Calc", "com.x.Outer"))
                .inFile(outer).onLineContaining("interface Calc");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void nativeFunctionInALocalClassIsReportedOnTheMethodAsOnAMemberClass() {
        JavaFileObject outer = source("com.x.Outer",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public class Outer {",
                "    static int call() {",
                "        abstract class Calc {",
                "            @NativeFunction(\"i32(i32)\")",
                "            abstract int abs(int x);",
                "        }",
                "        return 0;",
                "    }",
                "}");

        Compilation compilation = compile(outer);

        assertThat(compilation).hadErrorContaining("@NativeFunction is only allowed on methods of an interface, but"
                        + " 'Calc in com.x.Outer' is a class; move the method into an interface.")
                .inFile(outer).onLineContaining("abstract int abs");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void nativeFunctionInAnAnonymousClassIsReportedOnTheMethod() {
        JavaFileObject outer = source("com.x.Outer",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public class Outer {",
                "    static final Object HOLDER = new Object() {",
                "        @NativeFunction(\"i32(i32)\")",
                "        int abs(int x) { return x; }",
                "    };",
                "}");

        Compilation compilation = compile(outer);

        assertThat(compilation).hadErrorContaining("@NativeFunction is only allowed on methods of an interface, but"
                        + " 'the anonymous class in com.x.Outer' is a class; move the method into an interface.")
                .inFile(outer).onLineContaining("int abs");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void nativeLibraryOnALocalRecordIsReportedOnTheRecord() {
        JavaFileObject outer = source("com.x.Outer",
                "package com.x;",
                "import dev.fastffi.annotations.NativeLibrary;",
                "public class Outer {",
                "    static Object make() {",
                "        @NativeLibrary(\"z\")",
                "        record Zlib(int level) {}",
                "        return new Zlib(1);",
                "    }",
                "}");

        Compilation compilation = compile(outer);

        assertThat(compilation).hadErrorContaining("@NativeLibrary is only allowed on interfaces, but 'Zlib in"
                        + " com.x.Outer' is a record; put it on the interface whose @NativeFunction methods the library"
                        + " implements.")
                .inFile(outer).onLineContaining("record Zlib");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void interfaceDeclaredInAnAnonymousClassIsReportedOnTheInterface() {
        JavaFileObject outer = source("com.x.Outer",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public class Outer {",
                "    static final Object HOLDER = new Object() {",
                "        interface Calc {",
                "            @NativeFunction(\"i32(i32)\")",
                "            int abs(int x);",
                "        }",
                "    };",
                "}");

        Compilation compilation = compile(outer);

        assertThat(compilation).hadErrorContaining(error("Calc", "com.x.Outer"))
                .inFile(outer).onLineContaining("interface Calc");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void libraryInterfaceInALambdaOfANestedClassIsReportedOnTheInterface() {
        JavaFileObject outer = source("com.x.Outer",
                "package com.x;",
                "import dev.fastffi.annotations.*;",
                "public class Outer {",
                "    static class Inner {",
                "        final Runnable task = () -> {",
                "            @NativeLibrary(\"z\")",
                "            interface Zlib {}",
                "        };",
                "    }",
                "}");

        Compilation compilation = compile(outer);

        assertThat(compilation).hadErrorContaining(error("Zlib", "com.x.Outer.Inner"))
                .inFile(outer).onLineContaining("interface Zlib");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void interfaceNestedInALocalClassInAnInitializerIsReportedWithItsFullyQualifiedAnnotation() {
        JavaFileObject outer = source("com.x.Outer",
                "package com.x;",
                "public class Outer {",
                "    static {",
                "        class Holder {",
                "            interface Calc {",
                "                @dev.fastffi.annotations.NativeFunction(\"i32(i32)\")",
                "                int abs(int x);",
                "            }",
                "        }",
                "    }",
                "}");

        Compilation compilation = compile(outer);

        assertThat(compilation).hadErrorContaining(error("Calc", "com.x.Outer"))
                .inFile(outer).onLineContaining("interface Calc");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void localCallbacksStructsAndPlainInterfacesCompile() {
        JavaFileObject outer = source("com.x.Outer",
                "package com.x;",
                "import dev.fastffi.annotations.NativeCallback;",
                "import dev.fastffi.annotations.NativeStruct;",
                "public class Outer {",
                "    static void run() {",
                "        @NativeCallback(\"void(i32)\")",
                "        interface OnValue {",
                "            void on(int value);",
                "        }",
                "        @NativeStruct(\"{f64, f64}\")",
                "        record Point(double x, double y) {}",
                "        interface Plain {",
                "            int abs(int x);",
                "        }",
                "    }",
                "}");

        Compilation compilation = compile(outer);

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void anotherAnnotationNamedNativeFunctionIsNotReported() {
        JavaFileObject other = source("com.y.NativeFunction",
                "package com.y;",
                "public @interface NativeFunction {",
                "    String value();",
                "}");
        JavaFileObject outer = source("com.x.Outer",
                "package com.x;",
                "import com.y.NativeFunction;",
                "public class Outer {",
                "    static void run() {",
                "        interface Calc {",
                "            @NativeFunction(\"i32(i32)\")",
                "            int abs(int x);",
                "        }",
                "    }",
                "}");

        Compilation compilation = compile(other, outer);

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void whereJavacsSyntaxTreesCannotBeHadLocalInterfacesAreLeftToTheRuntime() {
        JavaFileObject outer = source("com.x.Outer",
                "package com.x;",
                "import dev.fastffi.annotations.NativeFunction;",
                "public class Outer {",
                "    static void run() {",
                "        interface Calc {",
                "            @NativeFunction(\"i32(i32)\")",
                "            int abs(int x);",
                "        }",
                "    }",
                "}");

        Compilation compilation = compile(withWrappedEnvironment(new LocalInterfaceProcessor()), List.of(), outer);

        assertThat(compilation).succeededWithoutWarnings();
    }

    /**
     * {@code processor} given an environment of its own that hands every call on to javac's, as
     * Gradle's incremental processing gives one: javac's syntax trees cannot be had from it.
     */
    private static Processor withWrappedEnvironment(Processor processor) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object[] passed = args;
            if (method.getName().equals("init")) {
                ProcessingEnvironment environment = (ProcessingEnvironment) args[0];
                passed = new Object[] {Proxy.newProxyInstance(ProcessingEnvironment.class.getClassLoader(),
                        new Class<?>[] {ProcessingEnvironment.class}, (p, m, a) -> call(m, environment, a))};
            }
            return call(method, processor, passed);
        };
        return (Processor) Proxy.newProxyInstance(Processor.class.getClassLoader(), new Class<?>[] {Processor.class},
                handler);
    }

    private static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
