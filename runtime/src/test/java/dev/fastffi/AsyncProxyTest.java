package dev.fastffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.annotations.NativeFunction;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code CompletableFuture} methods on a proxy binding, the path of interfaces the processor did not see. */
class AsyncProxyTest {
    /** libc through the pool. */
    public interface AsyncLibC {
        @NativeFunction("i32(i32)")
        CompletableFuture<Integer> abs(int x);

        @NativeFunction(value = "i8(i8)", symbol = "abs")
        CompletableFuture<Short> absWidened(byte x);

        @NativeFunction("usize(string)")
        CompletableFuture<Long> strlen(String text);
    }

    /** R cannot hold an i32. */
    public interface WrongResult {
        @NativeFunction("i32(i32)")
        CompletableFuture<String> abs(int x);
    }

    /** errno would be captured on a pool thread. */
    public interface WithErrno {
        @NativeFunction(value = "i32(i32)", errno = true)
        CompletableFuture<Integer> close(int fd);
    }

    /** A raw future names no result type. */
    @SuppressWarnings("rawtypes")
    public interface Raw {
        @NativeFunction("i32(i32)")
        CompletableFuture abs(int x);
    }

    @Test
    void proxyCompletesFuturesWithResultsOfTheDeclaredBox() throws Exception {
        AsyncLibC libc = Library.system().bind(AsyncLibC.class);
        assertEquals(5, libc.abs(-5).get(30, TimeUnit.SECONDS));
        assertEquals((short) 5, libc.absWidened((byte) -5).get(30, TimeUnit.SECONDS));
        assertEquals(6L, libc.strlen("h\u00e9llo").get(30, TimeUnit.SECONDS));
    }

    @Test
    void describeCallsTheMethodsAsynchronous() {
        List<CallPlan> plans = FastFfi.describe(AsyncLibC.class);
        assertEquals(3, plans.size());
        for (CallPlan plan : plans) {
            assertTrue(plan.reason().startsWith("asynchronous on the runtime's fastffi-async threads; "), plan::reason);
        }
    }

    @Test
    void resultTypeThatCannotHoldTheCResultIsAnInvalidSignature() {
        assertInvalidSignature("INVALID_SIGNATURE: WrongResult.abs: The result of @NativeFunction(\"i32(i32)\") is C type"
                + " 'i32', which cannot complete a CompletableFuture<String>; use one of CompletableFuture<Integer>,"
                + " CompletableFuture<Long>.", WrongResult.class);
    }

    @Test
    void errnoWithAFutureIsAnInvalidSignature() {
        assertInvalidSignature("INVALID_SIGNATURE: WithErrno.close: @NativeFunction(errno = true) cannot be combined with"
                + " a CompletableFuture result: errno would be captured on a pool thread, where Errno.last() of the"
                + " caller cannot see it; call the function synchronously or remove errno = true.",
                WithErrno.class);
    }

    @Test
    void rawFutureIsAnInvalidSignature() {
        assertInvalidSignature("INVALID_SIGNATURE: Raw.abs: The result of @NativeFunction(\"i32(i32)\") is C type 'i32',"
                + " which cannot complete a CompletableFuture; use one of CompletableFuture<Integer>,"
                + " CompletableFuture<Long>.",
                Raw.class);
    }

    private static void assertInvalidSignature(String message, Class<?> iface) {
        FfiException thrown = assertThrows(FfiException.class, () -> Library.system().bind(iface));
        assertEquals(FfiException.Code.INVALID_SIGNATURE, thrown.code());
        assertEquals(message, thrown.getMessage());
    }
}
