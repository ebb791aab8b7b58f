package dev.fastffi.it.async;

import static org.junit.jupiter.api.Assertions.fail;

import dev.fastffi.annotations.NativeFunction;

/** The fixture's gate, called synchronously: asynchronous calls to {@code async_pass_gate} wait at it. */
public interface Gate {
    @NativeFunction(value = "void()", symbol = "async_gate_close")
    void shut();

    @NativeFunction(value = "void()", symbol = "async_gate_open")
    void open();

    @NativeFunction(value = "i32()", symbol = "async_gate_waiting")
    int waiting();

    @NativeFunction(value = "i32()", symbol = "async_sleeping")
    int sleeping();

    /** Waits until {@code count} calls wait at the gate; the deadline only keeps a broken build from hanging. */
    default void awaitWaiting(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (waiting() < count) {
            if (System.nanoTime() > deadline) {
                fail(count + " calls should wait at the gate, but " + waiting() + " do");
            }
            Thread.sleep(1);
        }
    }
}
