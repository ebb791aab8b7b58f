package dev.fastffi.it.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.function.Executable;

/** Opens the fixture library and holds what the robustness tests share: assertions and call outcomes. */
final class Robust {
    private Robust() {}

    /** The fixture's path, set by the it-tests POM. */
    static String fixturePath() {
        String path = System.getProperty("fastffi.fixture");
        assertNotNull(path, "system property fastffi.fixture is not set; run the tests through Maven");
        return path;
    }

    static Library open() {
        return Library.open(fixturePath());
    }

    /** Whether this run uses generated fast paths (the POM reruns the suite with {@code -Dfastffi.fast=false}). */
    static boolean fastPathEnabled() {
        return !"false".equalsIgnoreCase(System.getProperty(FastFfi.FAST_PROPERTY));
    }

    /** Asserts that {@code call} throws an {@code FfiException} with {@code code}, and returns it. */
    static FfiException assertFfiException(FfiException.Code code, Executable call) {
        FfiException thrown = assertThrows(FfiException.class, call);
        assertEquals(code, thrown.code(), thrown::getMessage);
        return thrown;
    }

    /**
     * What one call did: returned a value (normalized by the caller to something comparable with
     * {@code equals}, e.g. raw bits) or threw an {@code FfiException} with a code and message.
     * Any other throwable is not an outcome; it escapes and fails the test.
     */
    record Outcome(Object value, FfiException.Code code, String message) {
        static Outcome of(Callable<?> call) {
            try {
                return new Outcome(call.call(), null, null);
            } catch (FfiException e) {
                return new Outcome(null, e.code(), e.getMessage());
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        boolean threw() {
            return code != null;
        }
    }

    /** A call through a {@code MethodHandle}, whose {@code invokeExact} throws Throwable. */
    @FunctionalInterface
    interface HandleCall {
        Object call() throws Throwable;
    }

    /** Adapts a handle call to {@link Outcome#of}, rethrowing what is not an exception as is. */
    static Callable<Object> exact(HandleCall call) {
        return () -> {
            try {
                return call.call();
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        };
    }
}
