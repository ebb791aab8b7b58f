package dev.fastffi.internal;

import dev.fastffi.FfiException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The {@code void(pointer)} C function that frees a result C allocated for the caller
 * ({@code @NativeFunction(free = "...")}): looked up in the binding's library, else in the C
 * library, when the interface is bound. It is called once the result has been read into Java.
 */
public final class FreeFunction {
    private static final FunctionDescriptor VOID_OF_POINTER = FunctionDescriptor.ofVoid(ValueLayout.ADDRESS);

    private final String name;
    private final MethodHandle handle;

    private FreeFunction(String name, MethodHandle handle) {
        this.name = name;
        this.handle = handle;
    }

    /**
     * Resolves {@code symbol} in {@code library} or else in the C library.
     *
     * @throws FfiException {@code SYMBOL_NOT_FOUND} naming the symbol when neither has it
     */
    public static FreeFunction resolve(LibraryState library, String symbol) {
        Linker linker = Linker.nativeLinker();
        Optional<MemorySegment> address = library.find(symbol).or(() -> linker.defaultLookup().find(symbol));
        if (address.isEmpty()) {
            throw new FfiException(FfiException.Code.SYMBOL_NOT_FOUND, "free function '" + symbol
                    + "' not found in " + library.name() + " nor in the C library");
        }
        return new FreeFunction(symbol, linker.downcallHandle(address.get(), VOID_OF_POINTER));
    }

    /** Passes {@code address} to the free function; a NULL address is never passed. */
    public void release(MemorySegment address) {
        if (address == null || address.address() == 0) {
            return;
        }
        try {
            handle.invokeExact(address);
        } catch (Throwable t) {
            throw Rethrow.unchecked(t);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
