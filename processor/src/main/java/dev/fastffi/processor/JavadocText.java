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

    /**
     * The sentence with {@code args} in it; an argument outside {@code {@code ...}}, such as a
     * reason that names {@code Upcall<T>}, is written as HTML text, so that doclint reads no tag.
     */
    String format(Object... args) {
        Object[] text = args.clone();
        for (int i = 1; i < text.length; i++) {
            text[i] = html(String.valueOf(text[i]));
        }
        return String.format(Locale.ROOT, template, text);
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
