package dev.fastffi.samples;

import dev.fastffi.annotations.NativeCallback;
import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeStruct;
import java.lang.foreign.MemorySegment;

/**
 * libc functions that hand out memory: a struct C fills behind a pointer, a string C allocates and
 * the caller frees, and a function pointer called through a callback interface.
 */
public interface LibCMemory {
    /** {@code struct tm} on glibc. */
    @NativeStruct("{i32, i32, i32, i32, i32, i32, i32, i32, i32, i64, pointer}")
    record Tm(int sec, int min, int hour, int mday, int mon, int year, int wday, int yday, int isdst, long gmtoff,
            MemorySegment zone) {}

    /** {@code long (*)(long)}, the type of {@code labs}. */
    @NativeCallback("i64(i64)")
    interface LongFunction {
        long apply(long value);
    }

    /**
     * {@code struct tm *gmtime_r(const time_t *, struct tm *)}: C fills {@code result[0]}, copied
     * back as a new record, and returns the struct it filled.
     */
    @NativeFunction("Tm*(buffer, Tm*)")
    Tm gmtime_r(long[] time, Tm[] result);

    /** {@code char *strdup(const char *)}: the copy is read into a String, then passed to {@code free}. */
    @NativeFunction(value = "string(string)", free = "free")
    String strdup(String text);
}
