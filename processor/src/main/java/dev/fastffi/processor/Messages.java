package dev.fastffi.processor;

import java.util.Locale;

/** Every sentence the processor writes, as diagnostics or in generated Javadoc, in one place. */
enum Messages {
    OPTION_INVALID("Option -Afastffi.fast must be 'true' or 'false', but it is '%s'."),
    NOT_AN_INTERFACE("@NativeFunction is only allowed on methods of an interface, but '%s' is %s;"
            + " move the method into an interface."),
    NOT_ABSTRACT("@NativeFunction is only allowed on abstract methods, but '%s' is %s;"
            + " remove its body or the annotation."),
    INTERFACE_NOT_VISIBLE("Native interface '%s' must be visible in its package (not private, local or anonymous)"
            + " so that the generated binding can implement it."),
    INTERFACE_GENERIC("Native interface '%s' must not declare type parameters;"
            + " bind each instantiation as its own non-generic interface."),
    MISSING_ANNOTATION("Every abstract method of a native interface needs @NativeFunction, but '%s' has none;"
            + " annotate it or give it a default body."),
    INHERITED("Method '%s' inherited from '%s' cannot be bound: %s"),
    SIGNATURE_INVALID("@NativeFunction(\"%s\"): %s"),
    VARIADIC_NEEDS_OBJECTS("@NativeFunction(\"%s\") is variadic, so method '%s' must end with an Object..."
            + " parameter that takes the variadic arguments."),
    ARGUMENT_COUNT("@NativeFunction(\"%s\") declares %s, but method '%s' has %s; they must match one to one."),
    ARGUMENT_TYPE("Argument %d of @NativeFunction(\"%s\") is C type '%s', which cannot be passed as %s;"
            + " use one of %s."),
    RESULT_TYPE("The result of @NativeFunction(\"%s\") is C type '%s', which cannot be returned as %s;"
            + " use one of %s."),
    ASYNC_RESULT_TYPE("The result of @NativeFunction(\"%s\") is C type '%s', which cannot complete a %s;"
            + " use one of %s."),
    ASYNC_WITH_ERRNO("@NativeFunction(errno = true) cannot be combined with a CompletableFuture result:"
            + " errno would be captured on a pool thread, where Errno.last() of the caller cannot see it;"
            + " call the function synchronously or remove errno = true."),
    CRITICAL_WITH_FUNCTION("@NativeFunction(critical = true) cannot be combined with the 'function' argument %d:"
            + " a critical function must not call back into Java; remove critical = true."),
    REQUIRE_FAST("@NativeFunction(requireFast = true), but '%s' is not fast-path eligible: %s."),
    SYMBOL_INVALID("@NativeFunction(symbol = \"%s\") is not a valid C identifier;"
            + " use letters, digits and '_', not starting with a digit."),
    METHOD_NAME_NOT_A_SYMBOL("Method name '%s' is not a valid C identifier, so it cannot name the C function;"
            + " set @NativeFunction(symbol = \"...\")."),
    CALLBACK_NOT_AN_INTERFACE("@NativeCallback is only allowed on interfaces, but '%s' is not one;"
            + " declare the callback type as a functional interface."),
    CALLBACK_METHOD_COUNT("@NativeCallback interface '%s' must have exactly one abstract method, but it has %s;"
            + " a callback type is a functional interface."),
    CALLBACK_SIGNATURE_INVALID("@NativeCallback(\"%s\"): %s"),
    CALLBACK_VARIADIC("@NativeCallback(\"%s\"): a callback cannot be variadic ('...');"
            + " declare the arguments C passes."),
    CALLBACK_ARGUMENT_COUNT("@NativeCallback(\"%s\") declares %s, but method '%s' has %s;"
            + " they must match one to one."),
    CALLBACK_ARGUMENT_TYPE("Argument %d of @NativeCallback(\"%s\") is C type '%s', which cannot arrive as %s; %s."),
    CALLBACK_RESULT_TYPE("The result of @NativeCallback(\"%s\") is C type '%s', which cannot be returned as %s; %s."),
    STRUCT_NOT_A_RECORD("%s of @NativeFunction(\"%s\") is the struct %s, which cannot be %s as %s;"
            + " declare a record whose components match its fields."),
    STRUCT_RECORD_NOT_USABLE("%s of @NativeFunction(\"%s\") is record '%s', which the generated binding cannot"
            + " create: make it public (or declare it in the interface's package, not private) and not generic."),
    STRUCT_MISMATCH("%s of @NativeFunction(\"%s\") is the struct %s: %s."),
    STRUCT_ARRAY_INVALID("Argument %d of @NativeFunction(\"%s\") is a buffer of %s records, whose @NativeStruct"
            + " is not a valid struct; fix the @NativeStruct value."),
    NATIVE_STRUCT_NOT_A_RECORD("@NativeStruct is only allowed on records, but '%s' is not one;"
            + " declare it as a record whose components match the fields."),
    NATIVE_STRUCT_INVALID("@NativeStruct(\"%s\"): %s"),
    NATIVE_STRUCT_NOT_A_STRUCT("@NativeStruct(\"%s\") is not a struct; write its fields in braces, e.g. '{f64, f64}'."),
    NATIVE_STRUCT_MISMATCH("@NativeStruct(\"%s\"): %s."),
    // A type that no round of annotation processing generated.
    MISSING_TYPE_INTERFACE("Native interface '%s' uses type '%s', which does not exist after the last round of"
            + " annotation processing, so no binding was generated; declare the type or run the processor"
            + " that generates it."),
    MISSING_TYPE_CALLBACK("@NativeCallback interface '%s' uses type '%s', which does not exist after the last"
            + " round of annotation processing, so it was not checked against its signature; declare the type"
            + " or run the processor that generates it."),
    MISSING_TYPE_STRUCT("@NativeStruct record '%s' uses type '%s', which does not exist after the last round of"
            + " annotation processing, so it was not checked against its struct; declare the type or run the"
            + " processor that generates it."),
    WRITE_FAILED("Could not write the binding %s: %s."),
    INTERNAL_ERROR("fastffi bug: the processor failed on '%s' with %s; no binding was generated."
            + " Please report it together with this declaration."),

    // The words FastFfi.describe uses for the same case.
    REASON_FAST_DISABLED("compiled with -Afastffi.fast=false, which puts every method on the compatibility path"),

    JAVADOC_ASYNC("Calls {@code %s} on the runtime's fastffi-async threads, never on the caller's; the future"
            + " completes with the result or with what the call threw."),
    JAVADOC_FAST("Calls {@code %s} on the fast path."),
    JAVADOC_COMPAT("Calls {@code %s} on the compatibility path: %s.");

    private final String template;

    Messages(String template) {
        this.template = template;
    }

    String format(Object... args) {
        return String.format(Locale.ROOT, template, args);
    }

    /** {@code "1 argument"}, {@code "2 arguments"}: counts in messages read as English. */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
