package dev.fastffi.it.structs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.Library;
import dev.fastffi.it.structs.Shapes.Large;
import dev.fastffi.it.structs.Shapes.Medium;
import dev.fastffi.it.structs.Shapes.Nested;
import dev.fastffi.it.structs.Shapes.Padded;
import dev.fastffi.it.structs.Shapes.Small;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Struct calls repeated until the JIT has compiled them: C2 inlines the put$ and get$ methods and
 * FFM's struct passing, which the other tests mostly run interpreted.
 */
class CompiledStructTest {
    /** Well past C2's default compile threshold of 10,000 invocations. */
    private static final int CALLS = 30_000;

    private static Library library;
    private static StructFunctions structs;

    @BeforeAll
    static void open() {
        library = StructFixture.open();
        structs = library.bind(StructFunctions.class);
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @Test
    void compiledStructCallsKeepEveryField() {
        for (int i = 0; i < CALLS; i++) {
            assertEquals(new Small(i + 1, -i), structs.add(new Small(i, -i), new Small(1, 0)));
            assertEquals(new Medium(2 * i, 2.5f, -i * 2.0), structs.scale(new Medium(i, 1.25f, -i), 2));
            assertEquals(new Large(i * 2.0, i + 1L, -i), structs.next(new Large(i, i, i)));
            assertEquals(new Padded((byte) (i + 1), i / 2.0), structs.next(new Padded((byte) i, i)));
            assertEquals(new Nested((byte) (i + 1), new Small(i + 1, i - 1), 10.0 * i),
                    structs.move(new Nested((byte) i, new Small(i, i), i), 1, -1));
        }
    }
}
