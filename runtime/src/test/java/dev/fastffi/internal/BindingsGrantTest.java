package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import org.junit.jupiter.api.Test;

/**
 * Registering hands over the generated class's lookup, which must reach all of its module: one
 * with less is refused before anything is registered.
 */
class BindingsGrantTest {
    /** Stands in for an interface the processor bound; nothing generated it. */
    interface Unbound {}

    @Test
    void aBindingWhoseLookupLacksFullPrivilegeIsRefused() {
        MethodHandles.Lookup reduced = MethodHandles.lookup().dropLookupMode(MethodHandles.Lookup.PRIVATE);
        Bindings.Factory<Unbound> factory = new Bindings.Factory<>() {
            @Override
            public Unbound create(Binder binder) {
                throw new AssertionError("never created");
            }
        };

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> Bindings.register(reduced, Unbound.class, true, false, new String[] {"unbound"}, factory));

        assertEquals(reduced + " has no full privilege access to its module", thrown.getMessage());
        assertNull(factory.libraries());
        assertTrue(Bindings.find(Unbound.class).isEmpty());
    }

    @Test
    void aViewWhoseLookupLacksFullPrivilegeIsRefused() {
        MethodHandles.Lookup reduced = MethodHandles.lookup().dropLookupMode(MethodHandles.Lookup.PRIVATE);
        Bindings.ViewFactory<Runnable> factory = new Bindings.ViewFactory<>() {
            @Override
            public Runnable create(NativeSymbol function) {
                throw new AssertionError("never created");
            }
        };

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> Bindings.registerView(reduced, Runnable.class, "void()", factory));

        assertEquals(reduced + " has no full privilege access to its module", thrown.getMessage());
        assertNull(factory.signature());
        assertTrue(Bindings.findView(Runnable.class).isEmpty());
    }
}
