package dev.fastffi.samples.guide;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import dev.fastffi.DynamicFunction;
import dev.fastffi.FastFfi;
import dev.fastffi.Library;
import dev.fastffi.NativeMemory;
import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeStruct;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/** Memory C owns, read through {@code NativeMemory}, and functions called at an address, as the guide shows them. */
public final class OwnedMemory {
    private OwnedMemory() {}

    // tag::memory[]
    @NativeStruct("{i32, i32, i32, i32, i32, i32, i32, i32, i32, i64, pointer}")
    public record Tm(int sec, int min, int hour, int mday, int mon, int year, int wday, int yday, int isdst,
            long gmtoff, MemorySegment zone) {}               // struct tm on glibc

    public interface Clock {
        @NativeFunction("pointer(i32)")
        MemorySegment strerror(int errnum);                   // char *: C's memory, not freed

        @NativeFunction(value = "pointer(pointer, pointer)", symbol = "gmtime_r")
        MemorySegment gmtime(MemorySegment time, MemorySegment result);   // struct tm *
    }

    public static String describeDayOne() {
        Clock libc = FastFfi.load(Clock.class);
        String message = NativeMemory.string(libc.strerror(2));     // "No such file or directory"
        try (Arena arena = Arena.ofConfined()) {                   // memory C fills or keeps: yours
            MemorySegment time = arena.allocateFrom(ValueLayout.JAVA_LONG, 86_400);
            StructLayout layout = NativeMemory.layout(Tm.class);
            MemorySegment filled = libc.gmtime(time, arena.allocate(layout));
            Tm tm = NativeMemory.read(Tm.class, filled);           // Tm[sec=0, ..., mday=2, ..., year=70, ...]
            MemorySegment view = NativeMemory.view(filled, layout.byteSize());
            int yday = view.get(ValueLayout.JAVA_INT, layout.byteOffset(groupElement("yday")));   // 1
            return message + ": " + (1900 + tm.year()) + " day " + yday;
        }
    }

    public static long absoluteThroughAnAddress() {
        Library libc = Library.system();
        MemorySegment labs = libc.find("labs").orElseThrow();      // or a function pointer C returned
        DynamicFunction call = libc.function(labs, "i64(i64)");    // closed with libc, like its other functions
        return (Long) call.invoke(-42L);                            // 42
    }
    // end::memory[]
}
