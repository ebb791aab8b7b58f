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
        return new ProcessLookup(SymbolLookup.loaderLookup());
    }

    /**
     * libc, then every global symbol of the process, then the libraries {@code loaded} holds. One
     * class rather than composed lambdas, each of which would spin a class on the way to a first
     * call, and {@code dlsym} is linked only when libc lacks a name, which most programs never ask.
     */
    private static final class ProcessLookup implements SymbolLookup {
        private final Linker linker = Linker.nativeLinker();
        private final SymbolLookup libc = linker.defaultLookup();
        private final SymbolLookup loaded;
        /** {@code dlsym}'s downcall handle, linked on the first name libc lacks. */
        private volatile MethodHandle dlsym;

        ProcessLookup(SymbolLookup loaded) {
            this.loaded = loaded;
        }

        @Override
        public Optional<MemorySegment> find(String name) {
            Optional<MemorySegment> found = libc.find(name);
            if (found.isEmpty()) {
                found = process(name);
            }
            return found.isPresent() ? found : loaded.find(name);
        }

        private Optional<MemorySegment> process(String name) {
            MethodHandle handle = dlsym();
            if (handle == null) {
                return Optional.empty();
            }
            // RTLD_DEFAULT: ((void *) 0) on glibc and musl, ((void *) -2) on macOS
            MemorySegment rtldDefault = MemorySegment.ofAddress(
                    System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac") ? -2 : 0);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment address = (MemorySegment) handle.invokeExact(rtldDefault, arena.allocateFrom(name));
                return address.address() == 0 ? Optional.empty() : Optional.of(address);
            } catch (Throwable t) {
                throw Rethrow.unchecked(t);
            }
        }

        /** The handle of {@code dlsym}, or null where libc has none. */
        private MethodHandle dlsym() {
            MethodHandle known = dlsym;
            if (known == null) {
                Optional<MemorySegment> function = libc.find("dlsym");
                if (function.isEmpty()) {
                    return null;
                }
                // two threads may both link it: the same handle, and FFM caches the linking
                known = linker.downcallHandle(function.get(),
                        FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
                dlsym = known;
            }
            return known;
        }
    }
}
