package dev.fastffi.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.FastFfi;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published processor jar, with JavaPoet relocated into it, generates working bindings from
 * the processor path and from the processor module path, with another JavaPoet version put first
 * on either path.
 */
class ShadedProcessorTest {
    private static final String MATH_LIB = """
            package p;

            import dev.fastffi.annotations.NativeFunction;
            import dev.fastffi.annotations.NativeLibrary;

            @NativeLibrary("m")
            public interface MathLib {
                @NativeFunction("f64(f64)")
                double sqrt(double x);

                @NativeFunction("f64(f64, f64)")
                double pow(double base, double exponent);
            }
            """;

    @TempDir
    Path dir;

    @Test
    void processorOnTheProcessorPathAfterAnotherJavaPoetGeneratesAWorkingBinding() throws Exception {
        Javac.Result result = Javac.compile(dir, "MathLib.java", MATH_LIB, "-processorpath",
                Javac.pathOf(Jars.OTHER_JAVAPOET, Jars.PROCESSOR, Jars.MODEL, Jars.ANNOTATIONS));

        assertGeneratedBindingWorks(result);
    }

    @Test
    void processorOnTheProcessorModulePathBesideAnotherJavaPoetGeneratesAWorkingBinding() throws Exception {
        Javac.Result result = Javac.compile(dir, "MathLib.java", MATH_LIB, "--processor-module-path",
                Javac.pathOf(Jars.OTHER_JAVAPOET, Jars.PROCESSOR, Jars.MODEL, Jars.ANNOTATIONS));

        assertGeneratedBindingWorks(result);
    }

    @Test
    void otherJavaPoetOnThosePathsIsAnotherReleaseOfJavaPoet() throws IOException {
        // the tests above mean something only if the jar really is JavaPoet, at another version
        try (JarFile other = new JarFile(Jars.OTHER_JAVAPOET.toFile())) {
            String version = other.getManifest().getMainAttributes().getValue("Implementation-Version");

            assertNotNull(other.getJarEntry("com/palantir/javapoet/JavaFile.class"), Jars.OTHER_JAVAPOET.toString());
            assertEquals(System.getProperty("fastffi.other.javapoet.version"), version);
            assertNotEquals(System.getProperty("fastffi.javapoet.version"), version);
        }
    }

    private static void assertGeneratedBindingWorks(Javac.Result result) throws Exception {
        assertEquals(0, result.exitCode(), result.output());
        assertEquals("", result.output().strip(), "javac printed warnings or notes");
        assertTrue(Files.isRegularFile(result.generated().resolve("p/MathLib$FastFfi.java")),
                "no generated source under " + result.generated());
        assertTrue(Files.isRegularFile(result.classes().resolve("p/MathLib$FastFfi.class")),
                "the generated source was not compiled");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {result.classes().toUri().toURL()},
                ShadedProcessorTest.class.getClassLoader())) {
            Class<?> mathLib = loader.loadClass("p.MathLib");
            Object binding = FastFfi.load(mathLib);

            // FastFfi.load instantiates the generated class
            assertEquals("p.MathLib$FastFfi", binding.getClass().getName());
            for (CallPlan plan : FastFfi.describe(mathLib)) {
                assertEquals(CallPath.FAST, plan.path(), plan.toString());
            }
            assertEquals(1.4142135623730951, call(mathLib, binding, "sqrt", 2.0));
            assertEquals(1024.0, call(mathLib, binding, "pow", 2.0, 10.0));
        }
    }

    private static Object call(Class<?> iface, Object binding, String name, Object... args) throws Exception {
        Class<?>[] types = new Class<?>[args.length];
        Arrays.fill(types, double.class);
        Method method = iface.getMethod(name, types);
        return method.invoke(binding, args);
    }
}
