package dev.fastffi.processor;

import com.palantir.javapoet.ClassName;

/**
 * The runtime classes generated code names, and the runtime values the generator relies on, in
 * one place: the processor does not depend on the runtime, so these are names, checked against
 * the real classes by the processor's tests.
 */
final class RuntimeTypes {
    /** The package of the runtime's classes for generated code. */
    static final String INTERNAL = "dev.fastffi.internal";
    /** The package of the runtime's per-thread scratch memory and buffer copies, for generated code. */
    static final String MEMORY = INTERNAL + ".memory";
    /** The marker annotation on every generated binding; a constant, for {@code @SupportedAnnotationTypes}. */
    static final String GENERATED_BINDING_NAME = INTERNAL + ".GeneratedBinding";
    /** What the runtime appends to an interface's binary name to find its binding ({@code Bindings.SUFFIX}). */
    static final String BINDING_SUFFIX = "$FastFfi";

    static final ClassName GENERATED_BINDING = ClassName.bestGuess(GENERATED_BINDING_NAME);
    static final ClassName ARGS = internal("Args");
    static final ClassName ASYNC = internal("Async");
    static final ClassName BINDER = internal("Binder");
    static final ClassName BINDINGS = internal("Bindings");
    static final ClassName BOUND_INTERFACES = internal("BoundInterfaces");
    static final ClassName BUFFERS = ClassName.get(MEMORY, "Buffers");
    static final ClassName COMPAT_FUNCTION = internal("CompatFunction");
    static final ClassName CONSTANT_ADDRESSES = internal("ConstantAddresses");
    static final ClassName DOWNCALLS = internal("Downcalls");
    static final ClassName ERRNO_STATE = internal("ErrnoState");
    static final ClassName FREE_FUNCTION = internal("FreeFunction");
    static final ClassName NATIVE_SYMBOL = internal("NativeSymbol");
    static final ClassName RETHROW = internal("Rethrow");
    static final ClassName SCRATCH = ClassName.get(MEMORY, "Scratch");
    static final ClassName STRINGS = internal("Strings");
    static final ClassName UPCALL_FAILURES = internal("UpcallFailures");
    static final ClassName VIEWS = internal("Views");
    /** What the runtime appends to a callback interface's binary name to find its view ({@code Bindings.VIEW_SUFFIX}). */
    static final String VIEW_SUFFIX = "$FastFfiView";

    private RuntimeTypes() {}

    private static ClassName internal(String simpleName) {
        return ClassName.get(INTERNAL, simpleName);
    }
}
