package dev.fastffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.annotations.NativeFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An interface may redeclare {@code toString}, {@code equals} and {@code hashCode} (for their
 * Javadoc, say): they are Object's methods, not functions, on every path.
 */
class ObjectMethodsTest {
    interface Process {
        @NativeFunction("i32()")
        int getpid();

        @Override
        String toString();

        @Override
        boolean equals(Object other);

        @Override
        int hashCode();
    }

    @Test
    void redeclaredObjectMethodsAreNoFunctions() {
        Process process = FastFfi.load(Process.class);
        assertEquals(ProcessHandle.current().pid(), process.getpid());
        assertEquals(List.of("getpid"), FastFfi.describe(Process.class).stream().map(CallPlan::method).toList());
        assertEquals(Process.class.getName() + " bound to system (0 FAST, 1 COMPAT)", process.toString());
        assertTrue(process.equals(process));
        assertFalse(process.equals(Library.system().bind(Process.class)));
        assertEquals(System.identityHashCode(process), process.hashCode());
    }
}
