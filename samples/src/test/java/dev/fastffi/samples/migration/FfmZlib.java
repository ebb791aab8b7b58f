package dev.fastffi.samples.migration;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The guide's "before" for FFM users: zlib's crc32 written by hand. Its restricted calls are the
 * point of the comparison; fastffi keeps them inside its runtime.
 */
@SuppressWarnings("restricted")
final class FfmZlib {
    private FfmZlib() {}

    // tag::ffm[]
    private static final MethodHandle CRC32 = Linker.nativeLinker().downcallHandle(
            SymbolLookup.libraryLookup("libz.so.1", Arena.global()).find("crc32").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));

    static long checksum(byte[] data) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment copy = arena.allocateFrom(ValueLayout.JAVA_BYTE, data);
            return (long) CRC32.invokeExact(0L, copy, data.length);
        }
    }
    // end::ffm[]
}
