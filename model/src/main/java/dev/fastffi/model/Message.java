package dev.fastffi.model;

import java.util.Locale;

/**
 * Every sentence fastffi says about a declaration, with its kind: the processor reports it as a
 * diagnostic of that kind, and the runtime throws the same sentence, prefixed with the method it
 * concerns, as {@code INVALID_SIGNATURE} when it reads a declaration the processor did not see.
 */
public enum Message {
    OPTION_INVALID(Kind.ERROR, "Option -Afastffi.fast must be 'true' or 'false', but it is '%s'."),
    NOT_AN_INTERFACE(Kind.ERROR, "@NativeFunction is only allowed on methods of an interface, but '%s' is %s;"
            + " move the method into an interface."),
    NOT_ABSTRACT(Kind.ERROR, "@NativeFunction is only allowed on abstract methods, but '%s' is %s;"
            + " remove its body or the annotation."),
    INTERFACE_NOT_VISIBLE(Kind.ERROR, "Native interface '%s' must be visible in its package (not private, local or"
            + " anonymous) so that the generated binding can implement it."),
    INTERFACE_LOCAL(Kind.ERROR, "Native interface '%s' is declared inside a method, an initializer or an anonymous"
            + " class of '%s', where no other class can name it, so no binding can be generated for it; declare it as"
            + " a top-level interface or as a member of a class."),
    INTERFACE_GENERIC(Kind.ERROR, "Native interface '%s' must not declare type parameters;"
            + " bind each instantiation as its own non-generic interface."),
    INTERFACE_SEALED(Kind.ERROR, "Native interface '%s' must not be sealed: the generated binding implements it,"
            + " and a sealed interface admits only the classes it permits; remove 'sealed' and its 'permits'."),
    INTERFACE_TOO_LARGE(Kind.ERROR, "Native interface '%s' binds %s functions, more than one generated class can"
            + " hold: %s, and the JVM allows %s; split the functions across several interfaces, which may name the"
            + " same @NativeLibrary."),
    LIBRARY_NOT_AN_INTERFACE(Kind.ERROR, "@NativeLibrary is only allowed on interfaces, but '%s' is %s; put it on"
            + " the interface whose @NativeFunction methods the library implements."),
    LIBRARY_EMPTY(Kind.ERROR, "@NativeLibrary({}) lists no library to load; list the candidates to try in order (a"
            + " path, a soname such as 'libz.so.1' or a bare name such as 'z'), or remove @NativeLibrary to bind"
            + " against the process and the C library."),
    LIBRARY_BLANK(Kind.ERROR, "@NativeLibrary candidate \"%s\" is blank, so it names no library; remove it, or write"
            + " a path, a soname such as 'libz.so.1' or a bare name such as 'z'."),
    MISSING_ANNOTATION(Kind.ERROR, "Every abstract method of a native interface needs @NativeFunction, but '%s'"
            + " has none; annotate it or give it a default body."),
    INHERITED(Kind.ERROR, "Method '%s' inherited from '%s' cannot be bound: %s"),
    INHERITED_CONFLICT(Kind.ERROR, "Native interface '%s' inherits method '%s' from '%s' and from '%s', whose"
            + " @NativeFunction annotations differ, so no one C function is meant; redeclare the method in '%s'"
            + " with the @NativeFunction to call."),
    SIGNATURE_INVALID(Kind.ERROR, "@NativeFunction(\"%s\"): %s"),
    VARIADIC_NEEDS_OBJECTS(Kind.ERROR, "@NativeFunction(\"%s\") is variadic, so method '%s' must end with an"
            + " Object... parameter that takes the variadic arguments."),
    ARGUMENT_COUNT(Kind.ERROR, "@NativeFunction(\"%s\") declares %s, but method '%s' has %s;"
            + " they must match one to one."),
    ARGUMENT_TYPE(Kind.ERROR, "Argument %d of @NativeFunction(\"%s\") is C type '%s', which cannot be passed as %s;"
            + " use one of %s."),
    RESULT_TYPE(Kind.ERROR, "The result of @NativeFunction(\"%s\") is C type '%s', which cannot be returned as %s;"
            + " use one of %s."),
    ASYNC_RESULT_TYPE(Kind.ERROR, "The result of @NativeFunction(\"%s\") is C type '%s', which cannot complete a %s;"
            + " use one of %s."),
    ASYNC_WITH_ERRNO(Kind.ERROR, "@NativeFunction(errno = true) cannot be combined with a CompletableFuture result:"
            + " errno would be captured on a pool thread, where Errno.last() of the caller cannot see it;"
            + " call the function synchronously or remove errno = true."),
    CRITICAL_WITH_FUNCTION(Kind.ERROR, "@NativeFunction(critical = true) cannot be combined with the 'function'"
            + " argument %d: a critical function must not call back into Java; remove critical = true."),
    ARGUMENT_LIMIT(Kind.ERROR, "@NativeFunction(\"%s\") %s."),
    REQUIRE_FAST(Kind.ERROR, "@NativeFunction(requireFast = true), but '%s' is not fast-path eligible: %s."),
    SYMBOL_INVALID(Kind.ERROR, "@NativeFunction(symbol = \"%s\") is not a valid C identifier;"
            + " use letters, digits and '_', not starting with a digit."),
    METHOD_NAME_NOT_A_SYMBOL(Kind.ERROR, "Method name '%s' is not a valid C identifier, so it cannot name the C"
            + " function; set @NativeFunction(symbol = \"...\")."),
    CALLBACK_NOT_AN_INTERFACE(Kind.ERROR, "@NativeCallback is only allowed on interfaces, but '%s' is not one;"
            + " declare the callback type as a functional interface."),
    CALLBACK_METHOD_COUNT(Kind.ERROR, "@NativeCallback interface '%s' must have exactly one abstract method, but it"
            + " has %s; a callback type is a functional interface."),
    CALLBACK_SIGNATURE_INVALID(Kind.ERROR, "@NativeCallback(\"%s\"): %s"),
    CALLBACK_VARIADIC(Kind.ERROR, "@NativeCallback(\"%s\"): a callback cannot be variadic ('...');"
            + " declare the arguments C passes."),
    CALLBACK_ARGUMENT_LIMIT(Kind.ERROR, "@NativeCallback(\"%s\") %s."),
    CALLBACK_ARGUMENT_COUNT(Kind.ERROR, "@NativeCallback(\"%s\") declares %s, but method '%s' has %s;"
            + " they must match one to one."),
    CALLBACK_ARGUMENT_TYPE(Kind.ERROR, "Argument %d of @NativeCallback(\"%s\") is C type '%s', which cannot arrive"
            + " as %s; %s."),
    CALLBACK_RESULT_TYPE(Kind.ERROR, "The result of @NativeCallback(\"%s\") is C type '%s', which cannot be returned"
            + " as %s; %s."),
    CALLBACK_STRUCT_POINTER_ARGUMENT_TYPE(Kind.ERROR, "Argument %d of @NativeCallback(\"%s\") is a pointer to the"
            + " struct %s, which cannot arrive as %s; use a record matching the struct, read once when C calls,"
            + " or MemorySegment, sized to the struct."),
    CALLBACK_STRUCT_POINTER_RESULT_TYPE(Kind.ERROR, "The result of @NativeCallback(\"%s\") is a pointer to the"
            + " struct %s, which cannot be returned as %s: C gets only the address, and no one would own memory"
            + " made for it; return a MemorySegment from an Arena the caller owns (NativeMemory.write fills it"
            + " from a record)."),
    CALLBACK_STRUCT_MISMATCH(Kind.ERROR, "%s of @NativeCallback(\"%s\") is the struct %s: %s."),
    CALLBACK_TYPE_UNBOUND(Kind.ERROR, "%s of @NativeCallback(\"%s\") is declared as %s in '%s', which '%s' does not"
            + " bind to a concrete type; give the generic interfaces '%s' extends their type arguments, as in"
            + " 'extends Comparator<MemorySegment>' rather than raw 'extends Comparator', and declare no type"
            + " parameters on it."),
    STRUCT_NOT_A_RECORD(Kind.ERROR, "%s of @NativeFunction(\"%s\") is the struct %s, which cannot be %s as %s;"
            + " declare a record whose components match its fields."),
    STRUCT_RECORD_NOT_USABLE(Kind.ERROR, "%s of @NativeFunction(\"%s\") is record '%s', which the generated binding"
            + " cannot create: make it public (or declare it in the interface's package, not private) and not generic."),
    STRUCT_MISMATCH(Kind.ERROR, "%s of @NativeFunction(\"%s\") is the struct %s: %s."),
    STRUCT_ARRAY_INVALID(Kind.ERROR, "Argument %d of @NativeFunction(\"%s\") is a buffer of %s records, whose"
            + " @NativeStruct is not a valid struct; fix the @NativeStruct value."),
    STRUCT_POINTER_ARGUMENT_TYPE(Kind.ERROR, "Argument %d of @NativeFunction(\"%s\") is a pointer to the struct %s,"
            + " which cannot be passed as %s; pass a record matching the struct, an array of @NativeStruct records"
            + " or MemorySegment."),
    STRUCT_POINTER_RESULT_TYPE(Kind.ERROR, "The result of @NativeFunction(\"%s\") is a pointer to the struct %s,"
            + " which cannot be returned as %s; return a record matching the struct or MemorySegment."),
    FREE_INVALID(Kind.ERROR, "@NativeFunction(free = \"%s\") is not a valid C identifier;"
            + " use letters, digits and '_', not starting with a digit."),
    FREE_NOT_OWNED(Kind.ERROR, "@NativeFunction(free = \"%s\") frees a result C allocated, but the result of"
            + " \"%s\" is '%s'; only a 'string' or struct-pointer result can be freed, so remove free."),
    FREE_SEGMENT_RESULT(Kind.ERROR, "@NativeFunction(free = \"%s\") frees the result right after the call, so"
            + " method '%s' cannot return it as MemorySegment, which would point at freed memory;"
            + " return %s instead."),
    NATIVE_STRUCT_NOT_A_RECORD(Kind.ERROR, "@NativeStruct is only allowed on records, but '%s' is not one;"
            + " declare it as a record whose components match the fields."),
    NATIVE_STRUCT_INVALID(Kind.ERROR, "@NativeStruct(\"%s\"): %s"),
    NATIVE_STRUCT_NOT_A_STRUCT(Kind.ERROR, "@NativeStruct(\"%s\") is not a struct; write its fields in braces,"
            + " e.g. '{f64, f64}'."),
    NATIVE_STRUCT_MISMATCH(Kind.ERROR, "@NativeStruct(\"%s\"): %s."),
    NATIVE_STRUCT_RECURSIVE(Kind.ERROR, "@NativeStruct(\"%s\"): record %s holds itself by value (%s), which no"
            + " struct can, as it would have no end; make that field a pointer (with a MemorySegment component)"
            + " or leave it out."),
    MISSING_TYPE_INTERFACE(Kind.ERROR, "Native interface '%s' uses type '%s', which does not exist after the last"
            + " round of annotation processing, so no binding was generated; declare the type or run the processor"
            + " that generates it."),
    MISSING_TYPE_CALLBACK(Kind.ERROR, "@NativeCallback interface '%s' uses type '%s', which does not exist after the"
            + " last round of annotation processing, so it was not checked against its signature; declare the type"
            + " or run the processor that generates it."),
    MISSING_TYPE_STRUCT(Kind.ERROR, "@NativeStruct record '%s' uses type '%s', which does not exist after the last"
            + " round of annotation processing, so it was not checked against its struct; declare the type or run"
            + " the processor that generates it."),
    MISSING_VALUE_INTERFACE(Kind.ERROR, "Native interface '%s' uses a constant in %s which does not exist after the"
            + " last round of annotation processing, so no binding was generated; declare the constant or run the"
            + " processor that generates it."),
    MISSING_VALUE_CALLBACK(Kind.ERROR, "@NativeCallback interface '%s' uses a constant in %s which does not exist"
            + " after the last round of annotation processing, so it was not checked against its signature; declare"
            + " the constant or run the processor that generates it."),
    MISSING_VALUE_STRUCT(Kind.ERROR, "@NativeStruct record '%s' uses a constant in %s which does not exist after the"
            + " last round of annotation processing, so it was not checked against its struct; declare the constant"
            + " or run the processor that generates it."),
    WRITE_FAILED(Kind.ERROR, "Could not write the binding %s: %s."),
    INTERNAL_ERROR(Kind.ERROR, "fastffi bug: the processor failed on '%s' with %s; no binding was generated."
            + " Please report it together with this declaration.");

    /** How serious a message is; the processor reports it as the {@code Diagnostic.Kind} of the same name. */
    public enum Kind { ERROR, WARNING, NOTE }

    private final Kind kind;
    private final String template;

    Message(Kind kind, String template) {
        this.kind = kind;
        this.template = template;
    }

    public Kind kind() {
        return kind;
    }

    /** The sentence with {@code %s} and {@code %d} where the arguments go. */
    public String template() {
        return template;
    }

    /** The sentence with {@code args} filled in, formatted the same in every locale. */
    public String format(Object... args) {
        return String.format(Locale.ROOT, template, args);
    }

    /** {@code "1 argument"}, {@code "2 arguments"}: counts in messages read as English. */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
