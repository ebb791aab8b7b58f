package dev.fastffi.samples.guide;

import dev.fastffi.DynamicFunction;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.annotations.NativeFunction;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Library lifetime, dynamic functions and errors, as the guide shows them. */
public final class Lifetimes {
    private Lifetimes() {}

    // tag::closeable[]
    public interface Checksums {
        @NativeFunction("u64(u64, buffer, u32)")
        long adler32(long adler, MemorySegment data, int length);
    }

    public static long adler32Once(String text) {
        try (Library zlib = Library.open("libz.so.1", "z"); Arena arena = Arena.ofConfined()) {
            Checksums checksums = zlib.bind(Checksums.class);    // resolves every symbol now
            return checksums.adler32(1, arena.allocateFrom(text), text.length());
        }   // after close(), every call through zlib throws LIBRARY_CLOSED before native code runs
    }
    // end::closeable[]

    public static long dynamic() throws Throwable {
        // tag::dynamic[]
        DynamicFunction labs = Library.system().function("labs", "i64(i64)");
        Object boxed = labs.invoke(-7L);                          // Long 7
        long exact = (long) labs.handle().invokeExact(-8L);       // 8, at fast-path speed
        // end::dynamic[]
        return (Long) boxed + exact;
    }

    public static FfiException.Code errorCode() {
        // tag::errors[]
        DynamicFunction abs = Library.system().function("abs", "i32(i32)");
        try {
            abs.invoke(1L << 40);
        } catch (FfiException e) {
            // INVALID_ARGUMENT: system abs, argument 0 (i32): 1099511627776 is outside -2147483648..2147483647
            return e.code();
        }
        // end::errors[]
        throw new AssertionError("abs accepted a long");
    }
}
