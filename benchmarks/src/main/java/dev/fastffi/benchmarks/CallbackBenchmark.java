package dev.fastffi.benchmarks;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.IntBinaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code qsort} of 64 ints in native memory through a Java comparator: a few hundred upcalls per
 * operation. Each operation first copies the same unsorted ints into the mechanism's native memory.
 * fastffi's FAST mechanisms pass a registered {@code Upcall}; its COMPAT one passes the comparator
 * object, for which fastffi makes a transient upcall.
 */
@State(Scope.Thread)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CallbackBenchmark {
    private static final int COUNT = Inputs.UNSORTED.length;
    private static final long BYTES = COUNT * Integer.BYTES;

    MemorySegment segment;
    Memory jnaMemory;
    jnr.ffi.Pointer jnrMemory;
    ByteBuffer jniBuffer;
    IntBuffer jniInts;

    final JnaLib.Compare jnaCompare = (a, b) -> Integer.compare(a.getInt(0), b.getInt(0));
    final JnrLib.Compare jnrCompare = (a, b) -> Integer.compare(a.getInt(0), b.getInt(0));
    final IntBinaryOperator jniCompare = Integer::compare;

    @Setup
    public void setUp() {
        segment = Arena.ofAuto().allocate(BYTES, Integer.BYTES);
        jnaMemory = new Memory(BYTES);
        jnrMemory = jnr.ffi.Memory.allocateDirect(JnrLib.RUNTIME, BYTES);
        jniBuffer = ByteBuffer.allocateDirect((int) BYTES).order(ByteOrder.nativeOrder());
        jniInts = jniBuffer.asIntBuffer();
    }

    @Benchmark
    public int ffm() throws Throwable {
        MemorySegment.copy(Inputs.UNSORTED, 0, segment, ValueLayout.JAVA_INT, 0, COUNT);
        HandWritten.sortInts(segment, COUNT);
        return segment.get(ValueLayout.JAVA_INT, 0);
    }

    @Benchmark
    public int fastffiGlobal() {
        MemorySegment.copy(Inputs.UNSORTED, 0, segment, ValueLayout.JAVA_INT, 0, COUNT);
        Fastffi.GLOBAL.sortInts(segment, COUNT, Fastffi.ASCENDING_UPCALL);
        return segment.get(ValueLayout.JAVA_INT, 0);
    }

    @Benchmark
    public int fastffiCloseable() {
        MemorySegment.copy(Inputs.UNSORTED, 0, segment, ValueLayout.JAVA_INT, 0, COUNT);
        Fastffi.CLOSEABLE.sortInts(segment, COUNT, Fastffi.ASCENDING_UPCALL);
        return segment.get(ValueLayout.JAVA_INT, 0);
    }

    @Benchmark
    public int fastffiCompat() {
        MemorySegment.copy(Inputs.UNSORTED, 0, segment, ValueLayout.JAVA_INT, 0, COUNT);
        Fastffi.COMPAT.sortInts(segment, COUNT, Fastffi.ASCENDING);
        return segment.get(ValueLayout.JAVA_INT, 0);
    }

    @Benchmark
    public int dynamicHandle() throws Throwable {
        MemorySegment.copy(Inputs.UNSORTED, 0, segment, ValueLayout.JAVA_INT, 0, COUNT);
        Fastffi.SORT_INTS_HANDLE.invokeExact(segment, (long) COUNT, Fastffi.ASCENDING_UPCALL.address());
        return segment.get(ValueLayout.JAVA_INT, 0);
    }

    @Benchmark
    public int dynamicInvoke() {
        MemorySegment.copy(Inputs.UNSORTED, 0, segment, ValueLayout.JAVA_INT, 0, COUNT);
        Fastffi.SORT_INTS.invoke(segment, (long) COUNT, Fastffi.ASCENDING_UPCALL);
        return segment.get(ValueLayout.JAVA_INT, 0);
    }

    @Benchmark
    public int jnaDirect() {
        jnaMemory.write(0, Inputs.UNSORTED, 0, COUNT);
        JnaDirect.sort_ints(jnaMemory, COUNT, jnaCompare);
        return jnaMemory.getInt(0);
    }

    @Benchmark
    public int jnaInterface() {
        jnaMemory.write(0, Inputs.UNSORTED, 0, COUNT);
        JnaLib.INSTANCE.sort_ints(jnaMemory, COUNT, jnaCompare);
        return jnaMemory.getInt(0);
    }

    @Benchmark
    public int jnr() {
        jnrMemory.put(0, Inputs.UNSORTED, 0, COUNT);
        JnrLib.INSTANCE.sort_ints(jnrMemory, COUNT, jnrCompare);
        return jnrMemory.getInt(0);
    }

    @Benchmark
    public int jni() {
        jniInts.put(0, Inputs.UNSORTED);
        Jni.sortInts(jniBuffer, COUNT, jniCompare);
        return jniInts.get(0);
    }
}
