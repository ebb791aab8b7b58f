package dev.fastffi.samples.guide;

import dev.fastffi.FastFfi;
import dev.fastffi.Library;
import dev.fastffi.NativeGlobal;
import dev.fastffi.annotations.NativeFunction;
import java.util.concurrent.CompletableFuture;

/** Optional symbols, globals and asynchronous calls, as the guide shows them. */
public final class Extras {
    private Extras() {}

    // tag::optional[]
    public interface Strings {
        @NativeFunction("usize(string)")
        long strlen(String s);

        // BSD and macOS have it, glibc does not: bind succeeds either way
        @NativeFunction(value = "pointer(string, string, usize)", optional = true)
        java.lang.foreign.MemorySegment strnstr(String haystack, String needle, long length);
    }

    public static boolean hasStrnstr() {
        Strings strings = FastFfi.load(Strings.class);
        return FastFfi.isAvailable(strings, "strnstr");   // false on glibc; calling it throws SYMBOL_NOT_FOUND
    }
    // end::optional[]

    public static int optind() {
        // tag::global[]
        NativeGlobal optind = Library.system().global("optind", "i32");   // extern int optind;
        int next = (Integer) optind.get();                                 // 1 until getopt runs
        optind.set(next);                                                  // checked as an i32 argument
        // end::global[]
        return next;
    }

    // tag::async[]
    public interface Sleepy {
        @NativeFunction("u32(u32)")
        CompletableFuture<Long> sleep(long seconds);       // u32 as long: FAST, boxed into the future
    }

    public static CompletableFuture<String> napThenReport() {
        Sleepy libc = FastFfi.load(Sleepy.class);
        return libc.sleep(0)                               // returns at once; a fastffi-async thread sleeps
                .thenApply(left -> "slept, " + left + " s left");
    }
    // end::async[]
}
