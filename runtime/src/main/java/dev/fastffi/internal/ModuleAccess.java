package dev.fastffi.internal;

import java.lang.invoke.MethodHandles;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lookups generated classes hand over: the static initializer of every class the processor
 * generates calls {@link #grant} with its own lookup, which reaches every class of its module, so
 * that {@link UserAccess} can reach the user's classes in packages their module neither exports
 * nor opens. It is a class of its own, apart from {@link UserAccess}, so that a binding that never
 * calls into user classes loads only this small one.
 */
public final class ModuleAccess {
    /** A full-privilege lookup of a generated class, per module (one unnamed module per class loader). */
    private static final Map<Module, MethodHandles.Lookup> GRANTED = new ConcurrentHashMap<>();

    private ModuleAccess() {}

    /** Called first by the static initializer of every generated class, with {@code MethodHandles.lookup()}. */
    public static void grant(MethodHandles.Lookup lookup) {
        if (!lookup.hasFullPrivilegeAccess()) {
            throw new IllegalArgumentException(lookup + " has no full privilege access to its module");
        }
        GRANTED.putIfAbsent(lookup.lookupClass().getModule(), lookup);
    }

    /** The lookup a generated class of {@code module} granted, or null while none has. */
    static MethodHandles.Lookup granted(Module module) {
        return GRANTED.get(module);
    }
}
