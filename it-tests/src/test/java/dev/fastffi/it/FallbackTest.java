package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.internal.Bindings;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fallback: an interface compiled without the processor (here by javac at test time,
 * with {@code -proc:none}) still binds and calls on the compatibility path, and the runtime warns
 * once per interface how to add the processor.
 */
class FallbackTest {
    private static final String PACKAGE = "dev.fastffi.it.unprocessed";
    private static final String FIXTURE_SOURCE = """
            package dev.fastffi.it.unprocessed;

            import dev.fastffi.annotations.NativeFunction;

            public interface Unprocessed {
                @NativeFunction("i32(i32, i32)")
                int add_i32(int a, int b);

                @NativeFunction(value = "u64(u64)", symbol = "echo_u64")
                long echoU64(long v);

                @NativeFunction(value = "void(buffer, usize)", symbol = "increment_i32")
                void increment(int[] values, long n);

                @NativeFunction(value = "string(string)", symbol = "echo_string")
                String echo(String s);
            }
            """;
    private static final String LIBC_SOURCE = """
            package dev.fastffi.it.unprocessed;

            import dev.fastffi.annotations.NativeFunction;

            public interface UnprocessedLibc {
                @NativeFunction("usize(string)")
                long strlen(String s);
            }
            """;

    /** More methods than a proxy class can look up in its static initializer. */
    private static final int TOO_MANY = 3_000;

    @TempDir
    static Path classes;

    private static Library library;

    @BeforeAll
    static void compileWithoutTheProcessor() throws IOException {
        library = Fixture.open();
        Path sources = Files.createDirectories(classes.resolve("src"));
        Path fixture = Files.writeString(sources.resolve("Unprocessed.java"), FIXTURE_SOURCE);
        Path libc = Files.writeString(sources.resolve("UnprocessedLibc.java"), LIBC_SOURCE);
        StringBuilder large = new StringBuilder("package " + PACKAGE + ";\n\n"
                + "import dev.fastffi.annotations.NativeFunction;\n\npublic interface TooLargeForAProxy {\n");
        for (int i = 0; i < TOO_MANY; i++) {
            large.append("    @NativeFunction(value = \"usize(string)\", symbol = \"strlen\") long length").append(i)
                    .append("(String s);\n");
        }
        Path tooLarge = Files.writeString(sources.resolve("TooLargeForAProxy.java"), large.append("}\n"));
        String annotations = TestJavac.classPath(NativeFunction.class);
        TestJavac.compile(List.of("-proc:none", "-d", classes.toString(), "-classpath", annotations),
                List.of(fixture, libc, tooLarge));
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void unprocessedInterfaceHasNoGeneratedClass() throws IOException {
        try (URLClassLoader loader = freshLoader()) {
            assertEquals(loader, load(loader, "Unprocessed").getClassLoader(), "the test's loader defines it");
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName(PACKAGE + ".Unprocessed" + Bindings.SUFFIX, false, loader));
        }
    }

    @Test
    void unprocessedInterfaceBindsAndCallsOnTheCompatibilityPath() throws Exception {
        try (URLClassLoader loader = freshLoader()) {
            Class<?> iface = load(loader, "Unprocessed");
            Object bound = quietly(() -> library.bind(iface));
            assertEquals(5, call(bound, "add_i32", 2, 3));
            assertEquals(-1L, call(bound, "echoU64", -1L));
            int[] values = {1, 2};
            call(bound, "increment", values, 2L);
            assertArrayEquals(new int[] {2, 3}, values);
            assertEquals("h\u00e9llo", call(bound, "echo", "h\u00e9llo"));
        }
    }

    @Test
    void unprocessedInterfaceLoadsGloballyOnTheCompatibilityPath() throws Exception {
        try (URLClassLoader loader = freshLoader()) {
            Class<?> iface = load(loader, "UnprocessedLibc");
            Object libc = quietly(() -> FastFfi.load(iface));
            assertEquals(6L, call(libc, "strlen", "h\u00e9llo"));
        }
    }

    @Test
    void anInterfaceTooLargeForAProxyIsRefusedWithTheReasonAndTheWayOut() throws IOException {
        try (URLClassLoader loader = freshLoader()) {
            Class<?> iface = load(loader, "TooLargeForAProxy");
            FfiException e = assertThrows(FfiException.class, () -> quietly(() -> Library.system().bind(iface)));
            assertEquals(FfiException.Code.INVALID_ARGUMENT, e.code());
            String message = e.getMessage();
            assertTrue(message.startsWith("INVALID_ARGUMENT: cannot bind " + PACKAGE + ".TooLargeForAProxy on the compatibility path:"
                    + " java.lang.reflect.Proxy could not implement its 3,000 methods ("), message);
            assertTrue(message.endsWith("); a proxy class holds about 1,800 methods of two arguments, so bind the"
                    + " interface through its generated binding (the fastffi annotation processor, without"
                    + " -Dfastffi.fast=false), or split it into smaller interfaces"), message);
            assertTrue(e.getCause() instanceof IllegalArgumentException, () -> String.valueOf(e.getCause()));
            // the same for the global binding, and nothing bound
            FfiException again = assertThrows(FfiException.class, () -> quietly(() -> FastFfi.load(iface)));
            assertEquals(message, again.getMessage());
        }
    }

    @Test
    void describeReportsEveryMethodCompatBecauseNoBindingWasGenerated() throws IOException {
        try (URLClassLoader loader = freshLoader()) {
            List<CallPlan> plans = FastFfi.describe(load(loader, "Unprocessed"));
            assertEquals(4, plans.size());
            for (CallPlan plan : plans) {
                assertEquals(CallPath.COMPAT, plan.path(), plan::method);
                if (Fixture.fastPathEnabled()) {
                    assertEquals("no generated binding: the fastffi annotation processor did not run", plan.reason());
                } else {
                    assertEquals(Fixture.FAST_DISABLED_REASON, plan.reason());
                }
            }
        }
    }

    @Test
    void twoBindsOfOneUnprocessedInterfaceWarnOnceHowToAddTheProcessor() throws IOException {
        try (URLClassLoader loader = freshLoader()) {
            Class<?> iface = load(loader, "Unprocessed");
            List<LogRecord> warnings = recordWarnings(() -> {
                library.bind(iface);
                library.bind(iface);
            });
            List<String> aboutIface = warnings.stream().map(LogRecord::getMessage)
                    .filter(message -> message.contains(iface.getName())).toList();
            if (Fixture.fastPathEnabled()) {
                assertEquals(1, aboutIface.size(), () -> "warnings: " + aboutIface);
            } else {
                assertTrue(aboutIface.size() <= 1, () -> "at most one warning: " + aboutIface);
            }
            for (String message : aboutIface) {
                assertTrue(message.contains("annotationProcessorPaths"), message);
                assertTrue(message.contains("fastffi-processor"), message);
            }
        }
    }

    @Test
    void whatCannotBeBoundAtAllIsRefusedWithoutAWarningAboutTheProcessor() {
        List<LogRecord> warnings = recordWarnings(() -> {
            FfiException notAnInterface = assertThrows(FfiException.class, () -> FastFfi.load(String.class));
            assertEquals(FfiException.Code.INVALID_ARGUMENT, notAnInterface.code());
            assertEquals("INVALID_ARGUMENT: java.lang.String is not an interface", notAnInterface.getMessage());
            FfiException noFunctions = assertThrows(FfiException.class, () -> library.bind(Runnable.class));
            assertEquals(FfiException.Code.INVALID_SIGNATURE, noFunctions.code());
            assertTrue(noFunctions.getMessage().contains("Runnable"), noFunctions::getMessage);
        });
        assertEquals(List.of(), warnings.stream().map(LogRecord::getMessage).toList());
    }

    /** A new loader defines new classes, so each test starts with interfaces the runtime has not warned about. */
    private static URLClassLoader freshLoader() throws IOException {
        URL[] path = {classes.toUri().toURL()};
        return new URLClassLoader(path, FallbackTest.class.getClassLoader());
    }

    private static Class<?> load(ClassLoader loader, String simpleName) {
        try {
            return Class.forName(PACKAGE + "." + simpleName, true, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static Object call(Object target, String name, Object... args) throws Exception {
        for (Method method : target.getClass().getInterfaces()[0].getMethods()) {
            if (method.getName().equals(name)) {
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        throw new AssertionError("no method " + name);
    }

    /** Runs {@code action} with the runtime's warnings kept off the console; returns what it returned. */
    private static Object quietly(Supplier<Object> action) {
        Object[] result = new Object[1];
        recordWarnings(() -> result[0] = action.get());
        return result[0];
    }

    /** The records of level WARNING or above the {@code dev.fastffi} logger published while {@code action} ran. */
    private static List<LogRecord> recordWarnings(Runnable action) {
        Logger logger = Logger.getLogger("dev.fastffi");
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        boolean parentHandlers = logger.getUseParentHandlers();
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
        try {
            action.run();
        } finally {
            logger.setUseParentHandlers(parentHandlers);
            logger.removeHandler(handler);
        }
        return records;
    }
}
