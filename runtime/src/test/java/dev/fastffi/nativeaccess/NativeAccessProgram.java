package dev.fastffi.nativeaccess;

import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.NativeMemory;
import dev.fastffi.Upcall;
import dev.fastffi.annotations.NativeCallback;
import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.Arena;
import java.util.concurrent.Callable;

/**
 * Run in a JVM of its own by the native-access tests: goes through every way into native code and
 * prints one line per step, {@code step: result} or {@code step: CODE: message}.
 */
public final class NativeAccessProgram {
    /** abs from the C library. */
    public interface Libc {
        @NativeFunction("i32(i32)")
        int abs(int value);
    }

    /** A callback that negates. */
    @NativeCallback("i32(i32)")
    public interface Negate {
        int apply(int value);
    }

    private NativeAccessProgram() {}

    public static void main(String[] args) {
        step("load", () -> FastFfi.load(Libc.class).abs(-1));
        step("load again", () -> FastFfi.load(Libc.class).abs(-2));
        step("open", () -> {
            try (Library c = Library.open("c")) {
                return c.function("abs", "i32(i32)").invoke(-3);
            }
        });
        step("system", () -> Library.system().bind(Libc.class).abs(-4));
        step("upcall", () -> {
            try (Upcall<Negate> negate = Upcall.of(Negate.class, value -> -value)) {
                return negate.address().address() != 0;
            }
        });
        step("memory", () -> {
            try (Arena arena = Arena.ofConfined()) {
                return NativeMemory.string(arena.allocateFrom("five"));
            }
        });
    }

    private static void step(String name, Callable<Object> step) {
        String result;
        try {
            result = String.valueOf(step.call());
        } catch (FfiException e) {
            result = e.getMessage();
        } catch (Throwable e) {
            result = e.toString();
        }
        System.out.println(name + ": " + result);
    }
}
