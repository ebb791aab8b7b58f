package dev.fastffi.processor;

import java.util.Locale;

/** The sentences {@link MethodWriter} puts in the Javadoc of generated methods. */
enum JavadocText {
    ASYNC("Calls {@code %s} on the runtime's fastffi-async threads, never on the caller's; the future"
            + " completes with the result or with what the call threw."),
    FAST("Calls {@code %s} on the fast path."),
    COMPAT("Calls {@code %s} on the compatibility path: %s.");

    private final String template;

    JavadocText(String template) {
        this.template = template;
    }

    String format(Object... args) {
        return String.format(Locale.ROOT, template, args);
    }
}
