package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.Upcall;
import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.it.callbacks.IntOp;
import java.lang.ref.WeakReference;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A closeable library's bindings hold each function's address as a constant of a class defined per
 * library and interface: those calls run as compiled code with nothing checked before them, and
 * closing the library must still stop every one of them, on every method kind, on every binding of
 * the library, in a loop the JIT compiled while it ran, and on threads racing with the close.
 */
class ConstantAddressTest {
    /** A struct passed and returned by value. */
    record Small(int x, int y) {}

    /** One method of each kind a binding's template overrides or inherits. */
    interface Kinds {
        @NativeFunction("i32(i32, i32)")
        int add_i32(int a, int b);

        @NativeFunction(value = "i32(i32, i32)", symbol = "add_i32", critical = true)
        int addCritical(int a, int b);

        @NativeFunction(value = "u64(u64)", symbol = "echo_u64")
        long echoU64(long v);

        @NativeFunction(value = "i32(i32)", symbol = "fail_with_errno", errno = true)
        int failWithErrno(int code);

        @NativeFunction(value = "usize(string)", symbol = "byte_length")
        long byteLength(String s);

        @NativeFunction(value = "i64(buffer, usize)", symbol = "sum_i8")
        long sum(byte[] values, long n);

        @NativeFunction(value = "{i32, i32}({i32, i32}, {i32, i32})", symbol = "st_small_add")
        Small addSmall(Small a, Small b);

        @NativeFunction(value = "i32(function, i32)", symbol = "cb_apply")
        int apply(Upcall<IntOp> op, int x);

        @NativeFunction(value = "i32(i32, i32)", symbol = "add_i32", optional = true)
        int present(int a, int b);

        @NativeFunction(value = "i32(i32)", symbol = "no_such_function_anywhere", optional = true)
        int missing(int x);

        @NativeFunction(value = "i32(i32, i32)", symbol = "add_i32")
        CompletableFuture<Integer> addLater(int a, int b);

        @NativeFunction(value = "i32(i32, i32)", symbol = "add_i32")
        Integer addBoxed(Integer a, Integer b);
    }

    @Test
    void eachLibraryGetsOneBindingClassPerInterfaceSharedByItsBindings() {
        Library first = Fixture.open();
        Library second = Fixture.open();
        try {
            Basics a = first.bind(Basics.class);
            Basics b = first.bind(Basics.class);
            Basics c = second.bind(Basics.class);
            assertNotSame(a, b);
            assertSame(a.getClass(), b.getClass());
            if (Fixture.fastPathEnabled()) {
                assertTrue(a.getClass().isHidden(), a.getClass()::getName);
                assertTrue(a.getClass().getName().startsWith(Basics.class.getName() + "$FastFfi/"), a.getClass()::getName);
                assertNotSame(a.getClass(), c.getClass());
            }
            assertEquals(3, a.add_i32(1, 2));
            assertEquals(3, b.add_i32(1, 2));
            assertEquals(3, c.add_i32(1, 2));
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void closingOneOfTwoLibrariesStopsOnlyItsBindings() {
        Library closed = Fixture.open();
        Library open = Fixture.open();
        try {
            Basics closedFirst = closed.bind(Basics.class);
            Basics closedSecond = closed.bind(Basics.class);
            Basics stillOpen = open.bind(Basics.class);
            for (int i = 0; i < 20_000; i++) {
                assertEquals(i + 1, closedFirst.add_i32(i, 1));
                assertEquals(i + 2, closedSecond.add_i32(i, 2));
                assertEquals(i + 3, stillOpen.add_i32(i, 3));
            }
            closed.close();
            assertClosed(closed, "add_i32", () -> closedFirst.add_i32(1, 2));
            assertClosed(closed, "add_i32", () -> closedSecond.add_i32(1, 2));
            assertEquals(5, stillOpen.add_i32(2, 3));
        } finally {
            closed.close();
            open.close();
        }
    }

    @Test
    void aCompiledLoopThatClosesTheLibraryThrowsOnItsNextCall() {
        Library library = Fixture.open();
        try {
            Basics basics = library.bind(Basics.class);
            int closeAt = 150_000;
            int calls = 0;
            FfiException thrown = null;
            for (int i = 0; i < 200_000 && thrown == null; i++) {
                if (i == closeAt) {
                    library.close();
                }
                try {
                    assertEquals(i + 1, basics.add_i32(i, 1));
                    calls++;
                } catch (FfiException e) {
                    thrown = e;
                }
            }
            assertEquals(closeAt, calls);
            assertEquals(FfiException.Code.LIBRARY_CLOSED, thrown.code());
            assertEquals(closedMessage(library, "add_i32"), thrown.getMessage());
        } finally {
            library.close();
        }
    }

    @Test
    void everyMethodKindThrowsLibraryClosedAfterClose() throws Exception {
        Library library = Fixture.open();
        Kinds kinds = library.bind(Kinds.class);
        byte[] values = {1, 2, 3};
        try (Upcall<IntOp> twice = Upcall.of(IntOp.class, x -> 2 * x)) {
            for (int i = 0; i < 2_000; i++) {
                assertEquals(3, kinds.add_i32(1, 2));
                assertEquals(3, kinds.addCritical(1, 2));
                assertEquals(-1L, kinds.echoU64(-1L));
                assertEquals(-1, kinds.failWithErrno(7));
                assertEquals(5L, kinds.byteLength("h\u00e9ll"));
                assertEquals(6L, kinds.sum(values, 3));
                assertEquals(new Small(4, 6), kinds.addSmall(new Small(1, 2), new Small(3, 4)));
                assertEquals(42, kinds.apply(twice, 21));
                assertEquals(3, kinds.present(1, 2));
                assertEquals(3, kinds.addBoxed(1, 2));
            }
            assertEquals(3, kinds.addLater(1, 2).get());
            Fixture.assertFfiException(FfiException.Code.SYMBOL_NOT_FOUND, () -> kinds.missing(1));
            library.close();
            assertClosed(library, "add_i32", () -> kinds.add_i32(1, 2));
            assertClosed(library, "add_i32", () -> kinds.addCritical(1, 2));
            assertClosed(library, "echo_u64", () -> kinds.echoU64(-1L));
            assertClosed(library, "fail_with_errno", () -> kinds.failWithErrno(7));
            assertClosed(library, "byte_length", () -> kinds.byteLength("h\u00e9ll"));
            assertClosed(library, "sum_i8", () -> kinds.sum(values, 3));
            assertClosed(library, "st_small_add", () -> kinds.addSmall(new Small(1, 2), new Small(3, 4)));
            assertClosed(library, "cb_apply", () -> kinds.apply(twice, 21));
            assertClosed(library, "add_i32", () -> kinds.present(1, 2));
            assertClosed(library, "no_such_function_anywhere", () -> kinds.missing(1));
            assertClosed(library, "add_i32", () -> kinds.addBoxed(1, 2));
            ExecutionException later = assertThrows(ExecutionException.class,
                    () -> kinds.addLater(1, 2).get());
            FfiException cause = (FfiException) later.getCause();
            assertEquals(FfiException.Code.LIBRARY_CLOSED, cause.code());
            assertEquals(closedMessage(library, "add_i32"), cause.getMessage());
        } finally {
            library.close();
        }
    }

    @Test
    void aMissingOptionalSymbolThrowsSymbolNotFoundBeforeLookingAtItsArguments() {
        Library library = Fixture.open();
        try {
            Kinds kinds = library.bind(Kinds.class);
            FfiException thrown = Fixture.assertFfiException(FfiException.Code.SYMBOL_NOT_FOUND, () -> kinds.missing(1));
            assertEquals("SYMBOL_NOT_FOUND: symbol 'no_such_function_anywhere' not found in " + library.name()
                    + "; it is optional, so bind succeeded, and FastFfi.isAvailable tells before calling",
                    thrown.getMessage());
        } finally {
            library.close();
        }
    }

    @Test
    void callsRacingWithCloseOnSeveralThreadsReturnTheRightValueOrThrowLibraryClosed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 10; round++) {
                race(pool);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClosedLibrarysBindingClassIsCollectedOnceItsBindingsAreGone() throws InterruptedException {
        Library library = Fixture.open();
        WeakReference<Class<?>> bindingClass = bindCallAndClose(library);
        if (!Fixture.fastPathEnabled()) {
            // the compatibility path binds a proxy, whose class the JDK keeps for the interface
            assertTrue(Proxy.isProxyClass(bindingClass.get()));
            return;
        }
        for (int i = 0; i < 50 && bindingClass.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertFalse(library.isOpen());
        assertNull(bindingClass.get(), "the closed library's binding class is still reachable");
    }

    private static WeakReference<Class<?>> bindCallAndClose(Library library) {
        Basics basics = library.bind(Basics.class);
        for (int i = 0; i < 20_000; i++) {
            assertEquals(i + 1, basics.add_i32(i, 1));
        }
        library.close();
        assertClosed(library, "add_i32", () -> basics.add_i32(1, 2));
        return new WeakReference<>(basics.getClass());
    }

    private static void race(ExecutorService pool) throws Exception {
        Library library = Fixture.open();
        Basics first = library.bind(Basics.class);
        Basics second = library.bind(Basics.class);
        Kinds kinds = library.bind(Kinds.class);
        List<IntCall> calls = List.of(
                i -> assertEquals(i + 1, first.add_i32(i, 1)),
                i -> assertEquals(i + 2, second.add_i32(i, 2)),
                i -> assertEquals(-1L - i, kinds.echoU64(-1L - i)),
                i -> assertEquals(sumBelow(1_000 + (i & 0xff)), first.slowSum(1_000 + (i & 0xff))));
        CountDownLatch started = new CountDownLatch(calls.size());
        AtomicBoolean closeReturned = new AtomicBoolean();
        List<Future<Integer>> callers = new ArrayList<>();
        for (IntCall call : calls) {
            callers.add(pool.submit(() -> callUntilClosed(library, call, started, closeReturned)));
        }
        started.await();
        Thread.sleep(20);
        library.close();
        closeReturned.set(true);
        for (Future<Integer> caller : callers) {
            assertTrue(caller.get() > 0, "every caller made at least one call before the close");
        }
    }

    /** One call with an argument; it asserts its own result. */
    @FunctionalInterface
    private interface IntCall {
        void run(int i);
    }

    /** Calls until LIBRARY_CLOSED (with the exact message); a call that started after close returned must throw. */
    private static int callUntilClosed(Library library, IntCall call, CountDownLatch started, AtomicBoolean closeReturned) {
        for (int i = 0; ; i++) {
            boolean startedAfterClose = closeReturned.get();
            try {
                call.run(i);
            } catch (FfiException e) {
                assertEquals(FfiException.Code.LIBRARY_CLOSED, e.code(), e::getMessage);
                assertTrue(e.getMessage().startsWith("LIBRARY_CLOSED: " + library.name() + " "), e::getMessage);
                assertTrue(e.getMessage().endsWith(": the library was closed; no native code ran"), e::getMessage);
                Fixture.assertFfiException(FfiException.Code.LIBRARY_CLOSED, () -> call.run(1));
                return i;
            } finally {
                if (i == 0) {
                    started.countDown();
                }
            }
            assertFalse(startedAfterClose, "a call that started after close() returned ran native code");
        }
    }

    private static void assertClosed(Library library, String symbol, Executable call) {
        FfiException thrown = Fixture.assertFfiException(FfiException.Code.LIBRARY_CLOSED, call);
        assertEquals(closedMessage(library, symbol), thrown.getMessage());
    }

    private static String closedMessage(Library library, String symbol) {
        return "LIBRARY_CLOSED: " + library.name() + " " + symbol + ": the library was closed; no native code ran";
    }

    private static long sumBelow(int n) {
        return (long) n * (n - 1) / 2;
    }
}
