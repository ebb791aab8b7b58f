package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FastFfi;
import dev.fastffi.Library;
import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeLibrary;
import dev.fastffi.internal.Bindings;
import dev.fastffi.internal.CompatBinding;
import dev.fastffi.internal.LibraryLoader;
import dev.fastffi.internal.SystemLibrary;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A binding's {@code toString()} names the interface, the library and how many methods are FAST
 * and COMPAT, in one wording for generated classes and compatibility proxies, so a debugger shows
 * what a binding is rather than a class name and hash.
 */
class BindingToStringTest {
    /** Two FAST methods and one COMPAT method (boxed arguments) when the fast path is on. */
    @NativeLibrary("fastffi_fixture")
    interface Described {
        @NativeFunction("i32(i32, i32)")
        int add_i32(int a, int b);

        @NativeFunction("void()")
        void noop();

        @NativeFunction(value = "i32(i32, i32)", symbol = "add_i32")
        Integer addBoxed(Integer a, Integer b);
    }

    /** One FAST and one COMPAT method (a string argument) of the C library. */
    interface SystemDescribed {
        @NativeFunction("i32()")
        int getpid();

        @NativeFunction("usize(string)")
        long strlen(String s);
    }

    /** Declares Object's methods as native functions: they call C, on every path. */
    @NativeLibrary("fastffi_fixture")
    interface ObjectMethods {
        @NativeFunction(value = "string()", symbol = "static_ascii")
        @Override
        String toString();

        @NativeFunction(value = "i32()", symbol = "read_counter")
        @Override
        int hashCode();
    }

    private static Library library;
    private static String path;

    @BeforeAll
    static void open() {
        library = Fixture.open();
        path = System.getProperty("fastffi.fixture");
    }

    @AfterAll
    static void close() {
        library.close();
    }

    /** {@code "(2 FAST, 1 COMPAT)"}, or every method COMPAT when this run has the fast path off. */
    private static String counts(int fast, int compat) {
        return Fixture.fastPathEnabled() ? "(" + fast + " FAST, " + compat + " COMPAT)"
                : "(0 FAST, " + (fast + compat) + " COMPAT)";
    }

    @Test
    void loadedBindingNamesTheInterfaceTheLibraryAndHowManyMethodsAreFastAndCompat() {
        String text = FastFfi.load(Described.class).toString();

        String expected = Pattern.quote(Described.class.getName()) + " bound to \\S*fastffi_fixture\\S* "
                + Pattern.quote(counts(2, 1));
        assertTrue(text.matches(expected), () -> text + " should match " + expected);
    }

    @Test
    void bindingOnAClosableLibraryNamesTheLibraryItWasOpenedAs() {
        Described bound = library.bind(Described.class);

        assertEquals(Described.class.getName() + " bound to " + path + " " + counts(2, 1), bound.toString());
    }

    @Test
    void bindingOnTheSystemLibraryNamesIt() {
        SystemDescribed bound = Library.system().bind(SystemDescribed.class);

        assertEquals(SystemDescribed.class.getName() + " bound to system " + counts(1, 1), bound.toString());
    }

    @Test
    void compatibilityProxyAndGeneratedBindingSayTheSameOfOneInterfaceAndLibrary() throws ClassNotFoundException {
        Described bound = library.bind(Described.class);
        Described proxy = CompatBinding.create(Described.class, LibraryLoader.open(false, path));

        Class<?> generated = Class.forName(Described.class.getName() + Bindings.SUFFIX);
        // the generated class, or for a closeable library its hidden copy, named after it
        assertEquals(Fixture.fastPathEnabled(), bound.getClass().getName().startsWith(generated.getName()),
                "which kind of binding bind returns: " + bound.getClass().getName());
        assertEquals(bound.toString(), proxy.toString());
    }

    @Test
    void compatibilityProxyAndGeneratedBindingSayTheSameOfTheSystemLibrary() {
        SystemDescribed bound = Library.system().bind(SystemDescribed.class);
        SystemDescribed proxy = CompatBinding.create(SystemDescribed.class, SystemLibrary.state());

        assertEquals(bound.toString(), proxy.toString());
    }

    @Test
    void anInterfaceThatDeclaresObjectsMethodsAsFunctionsCallsC() {
        ObjectMethods bound = library.bind(ObjectMethods.class);
        Basics basics = library.bind(Basics.class);
        assertEquals("hello, world", bound.toString());
        assertEquals(basics.readCounter(), bound.hashCode());
    }
}
