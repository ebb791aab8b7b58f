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
}
