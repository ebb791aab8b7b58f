package dev.fastffi.benchmarks.scale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jextract-shaped source the scale probe compiles binds the same functions as its interface. */
class ProcessorScaleProbeTest {
    /** Each of the probe's six signatures as jextract types it: parameters, then the result. */
    private static final List<List<Class<?>>> SHAPES = List.of(
            List.of(int.class, int.class, int.class),
            List.of(double.class, long.class, double.class),
            List.of(MemorySegment.class, long.class, long.class),
            List.of(MemorySegment.class, long.class),
            List.of(MemorySegment.class, int.class, MemorySegment.class),
            List.of(MemorySegment.class, long.class, int.class, void.class));

    @Test
    void jextractsShapeCompilesToAHolderAndFourMethodsPerFunctionOfTheInterface(@TempDir Path dir) throws Exception {
        int n = 12;
        Path source = ProcessorScaleProbe.writeJextractShape(n, dir.resolve("src"));
        Path iface = ProcessorScaleProbe.writeSources(n, dir.resolve("iface"), dir.resolve("scale.c"),
                dir.resolve("libscale12.so"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the test needs a JDK");
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), source.toString()));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            // not initialized: its static initializer opens the library, which this test does not build
            Class<?> header = Class.forName("scalejx.Api12_h", false, loader);
            String interfaceText = Files.readString(iface);
            for (int i = 0; i < n; i++) {
                String name = "f" + i;
                assertTrue(interfaceText.contains(" " + name + "("), "the interface declares " + name);
                List<Class<?>> shape = SHAPES.get(i % 6);
                Method call = header.getMethod(name, shape.subList(0, shape.size() - 1).toArray(Class<?>[]::new));
                assertEquals(shape.get(shape.size() - 1), call.getReturnType(), name);
                assertTrue(Modifier.isStatic(call.getModifiers()), name);
                assertEquals(FunctionDescriptor.class, header.getMethod(name + "$descriptor").getReturnType());
                assertEquals(MethodHandle.class, header.getMethod(name + "$handle").getReturnType());
                assertEquals(MemorySegment.class, header.getMethod(name + "$address").getReturnType());
                Class<?> holder = Class.forName("scalejx.Api12_h$" + name, false, loader);
                assertArrayEquals(new String[] {"ADDR", "DESC", "HANDLE"}, Arrays.stream(holder.getDeclaredFields())
                        .map(java.lang.reflect.Field::getName).sorted().toArray(String[]::new), name);
            }
            assertEquals(n, header.getDeclaredClasses().length);
        }
    }
}
