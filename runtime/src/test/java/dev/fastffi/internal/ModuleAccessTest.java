package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.Upcall;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What fastffi reaches in named modules of a layer of their own: in a module without generated
 * classes ({@code test.users}), packages exported or opened to {@code dev.fastffi} work and a package
 * kept closed fails with the directive to add; in a module holding a generated class
 * ({@code test.generated}), closed packages work through the lookup that class hands over.
 */
class ModuleAccessTest {
    private static final String CALLBACK = """
            package %s;
            @dev.fastffi.annotations.NativeCallback("i32(i32)")
            public interface Callback { int apply(int x); }
            """;
    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("test.users/module-info.java", """
                    module test.users {
                        requires dev.fastffi.annotations;
                        exports exported to dev.fastffi;
                        opens opened to dev.fastffi;
                    }
                    """),
            Map.entry("test.users/closed/Callback.java", CALLBACK.formatted("closed")),
            Map.entry("test.users/exported/Callback.java", CALLBACK.formatted("exported")),
            Map.entry("test.users/opened/Callback.java", CALLBACK.formatted("opened")),
            Map.entry("test.generated/hidden/Callback.java", CALLBACK.formatted("hidden")),
            Map.entry("test.users/closed/Point.java", """
                    package closed;
                    @dev.fastffi.annotations.NativeStruct("{i32, i32}")
                    public record Point(int x, int y) {}
                    """),
            Map.entry("test.generated/hidden/Point.java", """
                    package hidden;
                    @dev.fastffi.annotations.NativeStruct("{i32, i32}")
                    public record Point(int x, int y) {}
                    """),
            Map.entry("test.users/closed/Hidden.java", """
                    package closed;
                    @dev.fastffi.annotations.NativeStruct("{i32}")
                    record Hidden(int x) {}
                    """),
            Map.entry("test.users/closed/Functions.java", """
                    package closed;
                    public interface Functions {
                        @dev.fastffi.annotations.NativeFunction("i32(i32)")
                        int abs(int x);
                        default int twiceAbs(int x) { return 2 * abs(x); }
                    }
                    """),
            Map.entry("test.generated/module-info.java", """
                    module test.generated {
                        requires dev.fastffi;
                    }
                    """),
            // how every generated class registers, handing over its lookup, in a class named as the processor names them
            Map.entry("test.generated/gen/Marker$FastFfiView.java", """
                    package gen;
                    final class Marker$FastFfiView {
                        static {
                            dev.fastffi.internal.Bindings.registerView(java.lang.invoke.MethodHandles.lookup(),
                                    hidden.Callback.class, "i32(i32)", new Factory$());
                        }

                        private static final class Factory$
                                extends dev.fastffi.internal.Bindings.ViewFactory<hidden.Callback> {
                            @Override
                            public hidden.Callback create(dev.fastffi.internal.NativeSymbol function) {
                                throw new UnsupportedOperationException("only registered, for its lookup");
                            }
                        }
                    }
                    """));

    private static ClassLoader users;
    private static ClassLoader generated;

    @BeforeAll
    static void compileTwoModulesIntoALayer(@TempDir Path directory) throws Exception {
        Path sources = directory.resolve("src");
        Path classes = directory.resolve("classes");
        List<String> arguments = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac")
                .toString(), "-d", classes.toString(), "--module-path", System.getProperty("jdk.module.path"),
                "--module-source-path", sources.toString()));
        for (Map.Entry<String, String> source : SOURCES.entrySet()) {
            Path file = sources.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        Process javac = new ProcessBuilder(arguments).redirectErrorStream(true).start();
        String output = new String(javac.getInputStream().readAllBytes());
        assertTrue(javac.waitFor(2, TimeUnit.MINUTES), "javac did not finish");
        assertEquals(0, javac.exitValue(), output);
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(ModuleFinder.of(classes), ModuleFinder.of(), Set.of("test.users", "test.generated"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ClassLoader.getSystemClassLoader());
        users = layer.findLoader("test.users");
        generated = layer.findLoader("test.generated");
        assertTrue(Class.forName("closed.Callback", false, users).getModule().isNamed());
    }

    @Test
    void aCallbackInAPackageExportedToTheRuntimeIsCalled() throws Throwable {
        assertEquals(42, callThroughAStub(Class.forName("exported.Callback", false, users)));
    }

    @Test
    void aCallbackInAPackageOpenedToTheRuntimeIsCalled() throws Throwable {
        assertEquals(42, callThroughAStub(Class.forName("opened.Callback", false, users)));
    }

    @Test
    void aCallbackInAClosedPackageAsksForTheExportsDirective() throws Exception {
        Class<?> callback = Class.forName("closed.Callback", false, users);
        FfiException e = assertThrows(FfiException.class, () -> upcall(callback));
        assertEquals(FfiException.Code.INVALID_ARGUMENT, e.code());
        assertEquals(closed("closed.Callback", "exports"), e.getMessage());
    }

    @Test
    void aRecordInAClosedPackageAsksForTheExportsDirective() throws Exception {
        Class<?> point = Class.forName("closed.Point", false, users);
        FfiException e = assertThrows(FfiException.class, () -> RecordAccess.of(point));
        assertEquals(FfiException.Code.INVALID_ARGUMENT, e.code());
        assertEquals(closed("closed.Point", "exports"), e.getMessage());
    }

    @Test
    void aPackagePrivateRecordInAClosedPackageAsksForTheOpensDirective() throws Exception {
        Class<?> hidden = Class.forName("closed.Hidden", false, users);
        FfiException e = assertThrows(FfiException.class, () -> RecordAccess.of(hidden));
        assertEquals(FfiException.Code.INVALID_ARGUMENT, e.code());
        assertEquals(closed("closed.Hidden", "opens"), e.getMessage());
    }

    @Test
    void aDefaultMethodOfAProxyInAClosedPackageAsksForTheExportsDirective() throws Exception {
        Class<?> functions = Class.forName("closed.Functions", false, users);
        Object binding = Library.system().bind(functions);
        Method twiceAbs = functions.getMethod("twiceAbs", int.class);
        assertFalse(functions.getModule().isExported("closed", Bindings.class.getModule()));
        InvocationHandler handler = Proxy.getInvocationHandler(binding);
        FfiException e = assertThrows(FfiException.class, () -> handler.invoke(binding, twiceAbs, new Object[] {-3}));
        assertEquals(FfiException.Code.INVALID_ARGUMENT, e.code());
        assertEquals(closed("closed.Functions", "exports"), e.getMessage());
    }

    @Test
    void aModuleWithAGeneratedClassNeedsNoDirectiveForItsCallbacks() throws Throwable {
        Class<?> callback = Class.forName("hidden.Callback", false, generated);
        assertFalse(callback.getModule().isExported("hidden", Bindings.class.getModule()));
        assertEquals(42, callThroughAStub(callback));
    }

    @Test
    void aModuleWithAGeneratedClassNeedsNoDirectiveForItsRecords() throws Exception {
        Class<?> point = Class.forName("hidden.Point", false, generated);
        RecordAccess access = RecordAccess.of(point);
        Record record = (Record) access.create(new Object[] {3, 4});
        assertEquals("Point[x=3, y=4]", record.toString());
        assertEquals(List.of(3, 4), List.of(access.values(record)));
    }

    private static String closed(String type, String directive) {
        return "INVALID_ARGUMENT: " + type + " is not accessible to fastffi: module test.users does not open or"
                + " export package closed to module dev.fastffi, and the fastffi processor generated no class in"
                + " it; add '" + directive + " closed to dev.fastffi;' to its module-info.java, or compile it with"
                + " the fastffi processor";
    }

    /** Registers a Java implementation of {@code callback} that adds one, and calls it from C. */
    private static Object callThroughAStub(Class<?> callback) {
        try (Upcall<?> upcall = upcall(callback)) {
            return Library.system().function(upcall.address(), "i32(i32)").invoke(41);
        }
    }

    private static <T> Upcall<T> upcall(Class<T> callback) {
        Object addOne = Proxy.newProxyInstance(callback.getClassLoader(), new Class<?>[] {callback},
                (proxy, method, args) -> (Integer) args[0] + 1);
        return Upcall.of(callback, callback.cast(addOne));
    }
}
