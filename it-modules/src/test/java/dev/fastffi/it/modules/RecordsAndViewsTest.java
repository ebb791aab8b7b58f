package dev.fastffi.it.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.Library;
import dev.fastffi.NativeMemory;
import dev.fastffi.Upcall;
import dev.fastffi.it.modules.internal.BoxedDivision;
import dev.fastffi.it.modules.internal.Division;
import dev.fastffi.it.modules.internal.IntCell;
import dev.fastffi.it.modules.internal.IntComparator;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/**
 * Records and callback interfaces of the module's closed package used outside a binding's
 * methods: through NativeMemory and as views of C function pointers.
 */
class RecordsAndViewsTest {
    @Test
    void nativeMemoryWritesAndReadsTheModulesRecords() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment division = arena.allocate(NativeMemory.layout(Division.class));
            NativeMemory.write(division, new BoxedDivision(7, -1));
            assertEquals(new Division(7, -1), NativeMemory.read(Division.class, division));
            assertEquals(new BoxedDivision(7, -1), NativeMemory.read(BoxedDivision.class, division));
        }
    }

    @Test
    void aFunctionPointerIsCalledAsTheModulesCallbackInterface() {
        try (Upcall<IntComparator> descending = Upcall.of(IntComparator.class,
                (a, b) -> Integer.compare(b.value(), a.value()))) {
            IntComparator view = Library.system().function(IntComparator.class, descending.address());
            assertEquals(1, view.compare(new IntCell(1), new IntCell(2)));
            assertEquals(-1, view.compare(new IntCell(2), new IntCell(1)));
        }
    }
}
