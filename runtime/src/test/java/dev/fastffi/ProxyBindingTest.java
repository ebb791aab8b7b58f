package dev.fastffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fastffi.annotations.NativeFunction;
import org.junit.jupiter.api.Test;

/** An interface the JDK cannot make a proxy of has no compatibility binding, and says why. */
class ProxyBindingTest {
    /** A sealed interface admits only the classes it permits, which a proxy class is not. */
    public sealed interface Sealed permits Stub {
        @NativeFunction("i32(i32)")
        int abs(int x);
    }

    /** The one class {@link Sealed} permits. */
    public static final class Stub implements Sealed {
        @Override
        public int abs(int x) {
            return Math.abs(x);
        }
    }

    @Test
    void aSealedInterfaceIsInvalidArgumentWithTheJdksReason() {
        FfiException thrown = assertThrows(FfiException.class, () -> Library.system().bind(Sealed.class));
        assertEquals(FfiException.Code.INVALID_ARGUMENT, thrown.code());
        assertEquals("INVALID_ARGUMENT: cannot bind " + Sealed.class.getName() + " on the compatibility path:"
                + " java.lang.reflect.Proxy could not implement its 1 method (" + Sealed.class.getName()
                + " is a sealed interface)", thrown.getMessage());
    }

    /** Declares {@code f} as {@code abs}. */
    public interface Abs {
        @NativeFunction(value = "i32(i32)", symbol = "abs")
        int f(int x);
    }

    /** Declares {@code f} as {@code toupper}. */
    public interface Upper {
        @NativeFunction(value = "i32(i32)", symbol = "toupper")
        int f(int x);
    }

    /** Inherits both: one implementation of {@code f} cannot call two functions. */
    public interface Both extends Abs, Upper {}

    @Test
    void aMethodInheritedWithTwoDifferentFunctionsIsAnInvalidSignature() {
        String expected = "INVALID_SIGNATURE: Both: Native interface 'Both' inherits method 'f' from 'Abs' and from"
                + " 'Upper', whose @NativeFunction annotations differ, so no one C function is meant; redeclare the"
                + " method in 'Both' with the @NativeFunction to call.";
        FfiException bound = assertThrows(FfiException.class, () -> Library.system().bind(Both.class));
        assertEquals(FfiException.Code.INVALID_SIGNATURE, bound.code());
        assertEquals(expected, bound.getMessage());
        assertEquals(expected, assertThrows(FfiException.class, () -> FastFfi.describe(Both.class)).getMessage());
    }

    /** Inherits its one function and names no library: the processor never sees it. */
    public interface OnlyInherited extends Abs {}

    @Test
    void describeSaysWhyTheProcessorGeneratesNothingForAnInterfaceThatOnlyInherits() {
        assertEquals("no generated binding: the fastffi annotation processor generates one for an interface that"
                + " declares a @NativeFunction method itself or is annotated @NativeLibrary, and this one does"
                + " neither", FastFfi.describe(OnlyInherited.class).get(0).reason());
        assertEquals("no generated binding: the fastffi annotation processor did not run",
                FastFfi.describe(Abs.class).get(0).reason());
        assertEquals(5, Library.system().bind(OnlyInherited.class).f(-5));
    }

    private static final String HIDDEN = "no generated binding: the fastffi annotation processor generates none for"
            + " an interface declared inside a method, an initializer or an anonymous class, or private, as the"
            + " generated class could not name it";

    @Test
    void describeSaysWhyTheProcessorGeneratesNothingForALocalInterface() {
        interface Local {
            @NativeFunction("i32(i32)")
            int abs(int x);
        }

        assertEquals(HIDDEN, FastFfi.describe(Local.class).get(0).reason());
        assertEquals(5, Library.system().bind(Local.class).abs(-5));
    }

    /** Declared in an anonymous class, as a field initializer may hold one. */
    private static final Class<?> IN_ANONYMOUS = new Object() {
        interface Labs {
            @NativeFunction("i64(i64)")
            long labs(long x);
        }
    }.getClass().getDeclaredClasses()[0];

    /** Private, and so out of reach of a class generated beside it. */
    private interface Hidden {
        @NativeFunction("i32(i32)")
        int abs(int x);
    }

    @Test
    void describeSaysWhyTheProcessorGeneratesNothingForAnInterfaceInAnAnonymousClassOrAPrivateOne() {
        assertEquals(HIDDEN, FastFfi.describe(IN_ANONYMOUS).get(0).reason());
        assertEquals(HIDDEN, FastFfi.describe(Hidden.class).get(0).reason());
        assertEquals(7, Library.system().bind(Hidden.class).abs(-7));
    }
}
