package dev.fastffi.benchmarks;

import com.sun.jna.Native;
import dev.fastffi.Errno;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * {@code fail_with_errno}: a call that fails like a system call, and reading errno afterwards.
 * Every mechanism returns the errno it saw; fastffi's through {@link Errno#last()}.
 */
@State(Scope.Thread)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ErrnoBenchmark {
    int code = 34;

    @Benchmark
    public int ffm() throws Throwable {
        return HandWritten.failWithErrno(code);
    }

    @Benchmark
    public int fastffiGlobal() {
        int result = Fastffi.GLOBAL.failWithErrno(code);
        return result == -1 ? Errno.last() : 0;
    }

    @Benchmark
    public int fastffiCloseable() {
        int result = Fastffi.CLOSEABLE.failWithErrno(code);
        return result == -1 ? Errno.last() : 0;
    }

    @Benchmark
    public int fastffiCompat() {
        Integer result = Fastffi.COMPAT.failWithErrno(code);
        return result == -1 ? Errno.last() : 0;
    }

    @Benchmark
    public int dynamicHandle() throws Throwable {
        int result = (int) Fastffi.FAIL_WITH_ERRNO_HANDLE.invokeExact(code);
        return result == -1 ? Errno.last() : 0;
    }

    @Benchmark
    public int dynamicInvoke() {
        Object result = Fastffi.FAIL_WITH_ERRNO.invoke(code);
        return result.equals(-1) ? Errno.last() : 0;
    }

    @Benchmark
    public int jnaDirect() {
        int result = JnaDirect.fail_with_errno(code);
        return result == -1 ? Native.getLastError() : 0;
    }

    @Benchmark
    public int jnaInterface() {
        int result = JnaLib.INSTANCE.fail_with_errno(code);
        return result == -1 ? Native.getLastError() : 0;
    }

    @Benchmark
    public int jnr() {
        int result = JnrLib.INSTANCE.fail_with_errno(code);
        return result == -1 ? JnrLib.RUNTIME.getLastError() : 0;
    }

    @Benchmark
    public int jni() {
        return Jni.failWithErrno(code);
    }
}
