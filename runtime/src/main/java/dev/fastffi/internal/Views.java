package dev.fastffi.internal;

import dev.fastffi.FfiException;
import java.lang.foreign.MemorySegment;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Views of C function pointers as {@code @NativeCallback} interfaces: calling the interface's
 * method calls the C function, closed with the library the pointer belongs to. The view the
 * processor generated when there is one (unless {@code -Dfastffi.fast=false}), else a
 * compatibility proxy with the same results.
 */
public final class Views {
    /**
     * The function each live view calls, so that a view passed back to C passes that function's
     * address rather than a stub calling the view. Views compare by identity; the map does not
     * keep them alive.
     */
    private static final Map<Object, NativeSymbol> FUNCTIONS = Collections.synchronizedMap(new WeakHashMap<>());

    private Views() {}

    /**
     * The view of the function at {@code address} in {@code library} as {@code callback}.
     *
     * @param where what the user called, for messages
     * @throws FfiException {@code INVALID_ARGUMENT} for a class that is not a {@code @NativeCallback}
     *     interface, a NULL or heap address or one whose arena is closed; {@code INVALID_SIGNATURE}
     *     for a misdeclared callback; {@code LIBRARY_CLOSED}
     */
    public static <T> T of(Class<T> callback, LibraryState library, MemorySegment address, String where) {
        // a generated view stands for a callback the processor checked, whose signature it wrote
        Bindings.ViewFactory<T> generated = callback != null && Bindings.fastEnabled()
                ? Bindings.findView(callback).orElse(null) : null;
        if (generated == null && (callback == null || !CallbackType.isCallback(callback))) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT, library.name() + " " + where + ": "
                    + (callback == null ? "null" : callback.getName()) + " is not an interface annotated"
                    + " @NativeCallback; pass the class of the @NativeCallback interface to call the function as");
        }
        requireFunction(address, library, where);
        NativeSymbol function;
        T view;
        if (generated != null) {
            function = library.functionAt(address, generated.signature());
            view = generated.create(function);
        } else {
            CallbackType type = CallbackType.of(callback);
            function = library.functionAt(address, type.signature());
            view = CompatView.create(callback, function, type.resultType());
        }
        FUNCTIONS.put(view, function);
        return view;
    }

    /** The function {@code value} calls when it is a view this class made, else null. */
    static NativeSymbol function(Object value) {
        return FUNCTIONS.get(value);
    }

    /**
     * A {@code function} field read into a record component of type {@code callback}: null for
     * NULL, otherwise the view of the function pointer, closed with {@code library}.
     */
    static Object field(Class<?> callback, LibraryState library, MemorySegment address) {
        if (address.address() == 0) {
            return null;
        }
        return of(callback, library, address, "struct field " + callback.getSimpleName());
    }

    /**
     * A {@code function} result as {@code callback}: null for NULL, otherwise the view of the
     * function pointer, closed with the library of the function {@code site} that returned it.
     */
    public static <T> T result(Class<T> callback, NativeSymbol site, MemorySegment address) {
        if (address == null || address.address() == 0) {
            return null;
        }
        return of(callback, site.library(), address, site.name() + " result");
    }

    /** What a view's {@code toString()} says: the callback type and the function it calls. */
    public static String describe(Class<?> callback, NativeSymbol function) {
        return callback.getSimpleName() + " view of " + function;
    }

    /**
     * Refuses what cannot be a function address: NULL, a heap segment, or a segment whose arena is
     * closed, such as a closed {@code Upcall}'s stub; the symbol made from it lives in the
     * library's arena, so FFM would no longer see that the memory is freed, and a call would jump
     * into it.
     *
     * @param where what the user called, for messages
     */
    public static void requireFunction(MemorySegment address, LibraryState library, String where) {
        if (address == null || (address.isNative() && address.address() == 0)) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT,
                    library.name() + " " + where + ": address is NULL, no function to call there");
        }
        if (!address.isNative()) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT, library.name() + " " + where
                    + ": address is a heap segment, which is no function; pass the function pointer C returned");
        }
        if (!address.scope().isAlive()) {
            throw new FfiException(FfiException.Code.INVALID_ARGUMENT, library.name() + " " + where + ": address"
                    + " belongs to an arena or Upcall that is closed; its memory is freed, no function to call there");
        }
    }
}
