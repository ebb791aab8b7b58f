package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.DynamicFunction;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import java.lang.invoke.MethodHandle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Closing, one thread: after {@code close()} every path throws LIBRARY_CLOSED. */
class CloseTest {
    private Library library;

    @BeforeEach
    void open() {
        library = Fixture.open();
    }

    @AfterEach
    void close() {
        library.close();
    }

    @Test
    void callAfterCloseThrowsLibraryClosed() {
        Basics basics = library.bind(Basics.class);
        assertEquals(3, basics.add_i32(1, 2));
        library.close();
        Fixture.assertLibraryClosed("add_i32", () -> basics.add_i32(1, 2));
        Fixture.assertLibraryClosed("noop", basics::noop);
    }

    @Test
    void everyBindingAndFunctionOfTheLibraryThrowsAfterCloseEvenWhenTheyShareSymbols() {
        Basics first = library.bind(Basics.class);
        Basics second = library.bind(Basics.class);
        DynamicFunction add = library.function("add_i32", "i32(i32, i32)");
        DynamicFunction sameAdd = library.function("add_i32", "i32(i32, i32)");
        assertEquals(3, first.add_i32(1, 2));
        assertEquals(3, second.add_i32(1, 2));
        assertEquals(3, sameAdd.invoke(1, 2));
        library.close();
        Fixture.assertLibraryClosed("add_i32", () -> first.add_i32(1, 2));
        Fixture.assertLibraryClosed("add_i32", () -> second.add_i32(1, 2));
        Fixture.assertLibraryClosed("add_i32", () -> add.invoke(1, 2));
        Fixture.assertLibraryClosed("add_i32", () -> sameAdd.invoke(1, 2));
    }

    @Test
    void compatMethodAfterCloseThrowsLibraryClosed() {
        BoxedScalars boxed = library.bind(BoxedScalars.class);
        assertEquals(3, boxed.addI32(1, 2));
        library.close();
        Fixture.assertLibraryClosed("add_i32", () -> boxed.addI32(1, 2));
    }

    @Test
    void invokeAfterCloseThrowsLibraryClosed() {
        DynamicFunction add = library.function("add_i32", "i32(i32, i32)");
        assertEquals(3, add.invoke(1, 2));
        library.close();
        Fixture.assertLibraryClosed("add_i32", () -> add.invoke(1, 2));
    }

    @Test
    void handleCallAfterCloseThrowsLibraryClosed() throws Throwable {
        MethodHandle add = library.function("add_i32", "i32(i32, i32)").handle();
        assertEquals(3, (int) add.invokeExact(1, 2));
        library.close();
        Fixture.assertLibraryClosed("add_i32", () -> {
            int sum = (int) add.invokeExact(1, 2);
            throw new AssertionError("called a closed library: " + sum);
        });
    }

    @Test
    void handleTakenAfterCloseCannotCallEither() {
        DynamicFunction add = library.function("add_i32", "i32(i32, i32)");
        library.close();
        Fixture.assertLibraryClosed("add_i32", () -> {
            int sum = (int) add.handle().invokeExact(1, 2);
            throw new AssertionError("called a closed library: " + sum);
        });
    }

    @Test
    void noNativeCodeRunsAfterClose() throws Throwable {
        Library observerLibrary = Fixture.open();
        try {
            Basics observer = observerLibrary.bind(Basics.class);
            Basics basics = library.bind(Basics.class);
            DynamicFunction bump = library.function("bump_counter", "i32()");
            MethodHandle bumpHandle = bump.handle();
            int before = basics.bumpCounter();
            library.close();
            Fixture.assertLibraryClosed("bump_counter", basics::bumpCounter);
            Fixture.assertLibraryClosed("bump_counter", bump::invoke);
            Fixture.assertLibraryClosed("bump_counter", () -> {
                int count = (int) bumpHandle.invokeExact();
                throw new AssertionError("called a closed library: " + count);
            });
            assertEquals(before, observer.readCounter());
        } finally {
            observerLibrary.close();
        }
    }

    @Test
    void closeTwiceIsHarmless() {
        library.close();
        assertDoesNotThrow(library::close);
        assertFalse(library.isOpen());
    }

    @Test
    void isOpenTurnsFalseOnClose() {
        assertTrue(library.isOpen());
        library.close();
        assertFalse(library.isOpen());
    }

    @Test
    void closingOneLibraryLeavesAnotherOfTheSameFileOpen() {
        Library other = Fixture.open();
        try {
            Basics otherBasics = other.bind(Basics.class);
            library.close();
            assertTrue(other.isOpen());
            assertEquals(5, otherBasics.add_i32(2, 3));
            assertEquals(5, other.function("add_i32", "i32(i32, i32)").invoke(2, 3));
        } finally {
            other.close();
        }
    }

    @Test
    void bindAndFunctionAfterCloseThrowLibraryClosed() {
        library.close();
        Fixture.assertFfiException(FfiException.Code.LIBRARY_CLOSED, () -> library.bind(Basics.class));
        Fixture.assertFfiException(FfiException.Code.LIBRARY_CLOSED,
                () -> library.function("add_i32", "i32(i32, i32)"));
    }
}
