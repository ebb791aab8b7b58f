package dev.fastffi.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A task per virtual thread, as a server does it: each of {@value #TASKS} virtual threads makes one
 * 64-byte buffer call and one string call, then ends; the time is per task, thread start included.
 * Hand-written FFM uses a confined arena per call; fastffi borrows scratch memory for each call.
 */
@State(Scope.Thread)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VirtualThreadBenchmark {
    static final int TASKS = 100;

    byte[] data;
    String text = "sixteen chars ok";
    private final Thread[] threads = new Thread[TASKS];
    private final long[] results = new long[TASKS];

    @Setup
    public void setUp() {
        data = Inputs.bytes(64);
    }

    /** A task's calls, whose results it returns summed; it may throw, as hand-written FFM's invokeExact does. */
    private interface Task {
        long run() throws Throwable;
    }

    /** Every task's result summed, so that nothing is dead code and the mechanisms can be compared. */
    private long runTasks(Task task) throws InterruptedException {
        for (int i = 0; i < TASKS; i++) {
            int slot = i;
            threads[i] = Thread.ofVirtual().start(() -> {
                try {
                    results[slot] = task.run();
                } catch (Throwable t) {
                    throw new IllegalStateException(t);
                }
            });
        }
        long total = 0;
        for (int i = 0; i < TASKS; i++) {
            threads[i].join();
            total += results[i];
        }
        return total;
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public long ffm() throws InterruptedException {
        return runTasks(() -> HandWritten.sumBytesWithArena(data) + HandWritten.lengthOfWithArena(text));
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public long fastffiGlobal() throws InterruptedException {
        return runTasks(() -> Fastffi.GLOBAL.sumBytes(data, data.length) + Fastffi.GLOBAL.lengthOf(text));
    }
}
