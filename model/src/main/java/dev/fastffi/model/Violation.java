package dev.fastffi.model;

/**
 * One broken rule: the message, its text, and where on the declaration it belongs, so that the
 * processor can underline the spot; the runtime throws the text.
 *
 * @param member for {@link Place#ANNOTATION}, the annotation member to underline, or null for the whole annotation
 * @param parameter for {@link Place#PARAMETER}, the parameter index; otherwise {@link #RESULT}
 * @param component for {@link Place#RECORD}, the record component, or -1 for the record as a whole
 */
public record Violation(Message message, String text, Place place, String member, int parameter, int component) {
    /** Stands for the result where a parameter index is expected. */
    public static final int RESULT = -1;

    /** What a violation is reported on. */
    public enum Place {
        /** The annotation, at {@code member} when it was written out. */
        ANNOTATION,
        /** The method (or, for a struct, the record) as a whole. */
        METHOD,
        /** One parameter of the method. */
        PARAMETER,
        /**
         * The {@code @NativeStruct} record being checked, or one of its components. A record a
         * method or callback uses is never the place: it may come from a class file, with no
         * source to underline, and several methods may use it, so their problems sit on the method.
         */
        RECORD
    }

    static Violation onAnnotation(String member, Message message, Object... args) {
        return new Violation(message, message.format(args), Place.ANNOTATION, member, RESULT, -1);
    }

    static Violation onMethod(Message message, Object... args) {
        return new Violation(message, message.format(args), Place.METHOD, null, RESULT, -1);
    }

    static Violation onParameter(int parameter, Message message, Object... args) {
        return new Violation(message, message.format(args), Place.PARAMETER, null, parameter, -1);
    }

    /** On parameter {@code parameter}, or on the method for {@link #RESULT}. */
    static Violation onParameterOrResult(int parameter, Message message, Object... args) {
        return parameter == RESULT ? onMethod(message, args) : onParameter(parameter, message, args);
    }

    static Violation onRecord(int component, Message message, Object... args) {
        return new Violation(message, message.format(args), Place.RECORD, null, RESULT, component);
    }

    public Message.Kind kind() {
        return message.kind();
    }
}
