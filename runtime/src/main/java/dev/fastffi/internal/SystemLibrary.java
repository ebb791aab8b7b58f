package dev.fastffi.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;

/**
 * The process and the C library as one never-closed library: the linker's default lookup (libc),
 * then every global symbol of the process through {@code dlsym(RTLD_DEFAULT, ...)}, then the
 * libraries this class loader loaded with {@code System.load}.
 */
public final class SystemLibrary {
    /** The name messages use for it. */
    public static final String NAME = "system";

    private static final LibraryState STATE = new LibraryState(NAME, lookup(), true);

    private SystemLibrary() {}

    public static LibraryState state() {
        return STATE;
    }

    private static SymbolLookup lookup() {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        SymbolLookup process = libc.find("dlsym")
                .<SymbolLookup>map(dlsym -> processLookup(linker, dlsym))
                .orElse(name -> Optional.empty());
        return libc.or(process).or(SymbolLookup.loaderLookup());
    }

    private static SymbolLookup processLookup(Linker linker, MemorySegment dlsym) {
        MethodHandle handle = linker.downcallHandle(dlsym,
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        // RTLD_DEFAULT: ((void *) 0) on glibc and musl, ((void *) -2) on macOS
        MemorySegment rtldDefault = MemorySegment.ofAddress(
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac") ? -2 : 0);
        return name -> {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment address = (MemorySegment) handle.invokeExact(rtldDefault, arena.allocateFrom(name));
                return address.address() == 0 ? Optional.empty() : Optional.of(address);
            } catch (Throwable t) {
                throw Rethrow.unchecked(t);
            }
        };
    }
}
