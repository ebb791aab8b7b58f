package dev.fastffi.it.structs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.FastFfi;
import dev.fastffi.Library;
import dev.fastffi.annotations.NativeLibrary;
import dev.fastffi.it.structs.Shapes.Medium;
import dev.fastffi.it.structs.Shapes.Small;
import org.junit.jupiter.api.Test;

/** Structs by value through the binding {@code FastFfi.load} returns, against the closeable binding. */
class GlobalStructTest {
    @NativeLibrary("fastffi_fixture")
    interface GlobalStructFunctions extends StructFunctions {}

    @Test
    void structArgumentsAndResultsMatchTheClosableBinding() {
        GlobalStructFunctions global = FastFfi.load(GlobalStructFunctions.class);
        try (Library library = StructFixture.open()) {
            StructFunctions bound = library.bind(StructFunctions.class);
            Small a = new Small(3, -4);
            Small b = new Small(10, 20);
            assertEquals(new Small(13, 16), global.add(a, b));
            assertEquals(bound.add(a, b), global.add(a, b));
            assertEquals(bound.dot(a, b), global.dot(a, b));
            assertEquals(bound.dotCritical(a, b), global.dotCritical(a, b));
            assertEquals(bound.make(7, 8), global.make(7, 8));
            Medium medium = new Medium(2, 1.5f, -0.25);
            assertEquals(bound.scale(medium, 3), global.scale(medium, 3));
            assertEquals(bound.total(medium), global.total(medium));
        }
    }
}
