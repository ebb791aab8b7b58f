package dev.fastffi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A generated binding's class file as the template of its bindings to closeable libraries. Its
 * direct methods read each function's handle, with its address bound in, from a {@code static final}
 * {@link ConstantAddresses#lazy} site; {@code Library.bind} defines the class again as a hidden class
 * once per library, with the library's {@link ConstantAddresses} as class data, so that each
 * library's addresses are constants of a class of its own. Loaded as itself, the class is the
 * binding {@code FastFfi.load} returns, whose sites hold the addresses of the one library it binds.
 * Where class files cannot be read as resources, or hidden classes cannot be defined, the class as
 * itself binds every library, and its sites read each address from the symbol on every call.
 */
public final class BindingTemplate<T> {
    private static final MethodType CONSTRUCTOR = MethodType.methodType(void.class, Binder.class);

    private final MethodHandles.Lookup lookup;
    /**
     * The constructor of the hidden class defined for each library, weakly, and the library weakly
     * too: the constructor reaches the library (its class data holds the library's addresses), so
     * held strongly here it would keep a library that is never closed, and its hidden class, for
     * as long as the interface's class loader lives. The library's addresses hold it strongly
     * instead ({@link ConstantAddresses#keep}), so it lasts while the library or a binding of its
     * class is reachable, and until the library is closed.
     */
    private final Map<LibraryState, WeakReference<MethodHandle>> constructors = new WeakHashMap<>();
    /** The template's class file, read on the first bind; null when it cannot be read. */
    private volatile byte[] bytes;
    private volatile boolean unavailable;

    /** {@code lookup} is the generated binding's own, which the template's class is nested in. */
    BindingTemplate(MethodHandles.Lookup lookup) {
        this.lookup = lookup;
    }

    /**
     * A new binding to {@code library}, an instance of its hidden class, or of the generated
     * class itself ({@code loaded}'s) where no hidden class can be made: its sites then check every
     * call, since from now on its instances bind more than one library.
     */
    T create(LibraryState library, Binder binder, Bindings.Factory<T> loaded) {
        MethodHandle constructor = unavailable ? null : constructor(library);
        if (constructor == null) {
            ConstantAddresses.shared(lookup).checkEverySite();
            return loaded.create(binder);
        }
        return create(constructor, binder);
    }

    /**
     * The constructor of the hidden class for {@code library}, defined once and shared by every
     * later binding of the same interface to it; null where no hidden class can be defined.
     */
    private MethodHandle constructor(LibraryState library) {
        // no lambda: this runs on the way to the first call of a closeable binding
        MethodHandle known;
        synchronized (constructors) {
            WeakReference<MethodHandle> defined = constructors.get(library);
            known = defined == null ? null : defined.get();
            if (known != null) {
                return known;
            }
            known = define(library.addresses());
            if (known == null) {
                return null;
            }
            constructors.put(library, new WeakReference<>(known));
            library.addresses().keep(this, known);
        }
        // outside this template's lock: a closing library takes its own lock, then this one's
        library.definedBy(this);
        return known;
    }

    /** Drops the hidden class for {@code library}, which closed. */
    void forget(LibraryState library) {
        synchronized (constructors) {
            constructors.remove(library);
        }
    }

    /**
     * The constructor {@code (Binder)} of a new hidden class of the template whose class data is
     * {@code addresses}, or null, from now on for every library, when it cannot be defined here.
     */
    MethodHandle define(ConstantAddresses addresses) {
        byte[] template = bytes();
        if (template == null) {
            return null;
        }
        try {
            MethodHandles.Lookup hidden = lookup.defineHiddenClassWithClassData(template, addresses, true,
                    MethodHandles.Lookup.ClassOption.NESTMATE);
            return hidden.findConstructor(hidden.lookupClass(), CONSTRUCTOR)
                    .asType(MethodType.methodType(Object.class, Binder.class));
        } catch (UnsupportedOperationException e) {
            // a native image defines no classes at run time
            unavailable = true;
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("fastffi bug: the template of " + lookup.lookupClass().getName()
                    + " has no constructor taking a Binder", e);
        }
    }

    private byte[] bytes() {
        byte[] known = bytes;
        if (known != null || unavailable) {
            return known;
        }
        String binding = lookup.lookupClass().getName();
        String resource = binding.substring(binding.lastIndexOf('.') + 1) + ".class";
        try (InputStream in = lookup.lookupClass().getResourceAsStream(resource)) {
            if (in == null) {
                unavailable = true;
                return null;
            }
            known = in.readAllBytes();
        } catch (IOException e) {
            unavailable = true;
            return null;
        }
        bytes = known;
        return known;
    }

    @SuppressWarnings("unchecked")
    private static <T> T create(MethodHandle constructor, Binder binder) {
        try {
            return (T) (Object) constructor.invokeExact(binder);
        } catch (Throwable t) {
            throw Rethrow.unchecked(t);
        }
    }
}
