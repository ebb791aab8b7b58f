package dev.fastffi.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a method is FAST or COMPAT as a whole and says why in words a user can act on;
 * the processor's {@code requireFast} error and {@code FastFfi.describe} share these texts.
 */
public final class Eligibility {
    /** The reason given for a method on the fast path. */
    public static final String FAST_REASON = "every argument and the result use fast-path types";
    /** What the reason of a method returning {@code CompletableFuture} starts with. */
    public static final String ASYNC_PREFIX = "asynchronous on the runtime's fastffi-async threads; ";
    /** The reason given for every method of a binding compiled with {@code -Afastffi.fast=false}. */
    public static final String FAST_DISABLED_REASON =
            "compiled with -Afastffi.fast=false, which puts every method on the compatibility path";

    private static final String STRING_ARGUMENT = "strings need a temporary UTF-8 copy; pass a byte[] with a"
            + " trailing 0 as 'buffer' to stay fast";
    private static final String STRING_RESULT = "a string result is decoded into a new String; declare the result"
            + " as 'pointer' to stay fast";

    private static final String CALLBACK_FIELD = "a @NativeCallback interface: such a field is read as a view of the"
            + " function pointer and written as a callback object's stub, both on the compatibility path; declare it"
            + " as MemorySegment to stay fast";

    private static final Map<String, String> UNBOXED = Map.of(
            "java.lang.Boolean", "boolean", "java.lang.Byte", "byte", "java.lang.Short", "short",
            "java.lang.Character", "char", "java.lang.Integer", "int", "java.lang.Long", "long",
            "java.lang.Float", "float", "java.lang.Double", "double", "java.lang.Void", "void");

    private Eligibility() {}

    /**
     * Why a method with these Java types is on the compatibility path, or empty when it is
     * fast-path eligible. Java types are named as in {@link JavaTypes}; all must be allowed there.
     */
    public static Optional<String> compatReason(Signature signature, List<String> argumentTypes, String resultType) {
        return compatReason(signature, argumentTypes, resultType,
                java.util.Collections.nCopies(argumentTypes.size(), null), null);
    }

    /**
     * As {@link #compatReason(Signature, List, String)}, also looking into the records structs are
     * passed and returned as: a record component of a compatibility-path type (a box, a
     * {@code BigInteger}), at any depth, puts the whole method there, as a method is never half fast.
     * The records must match their structs.
     *
     * @param argumentRecords per argument, the record its type names (the element record of an
     *     array of records), or null
     * @param resultRecord the record the result type names, or null
     */
    public static Optional<String> compatReason(Signature signature, List<String> argumentTypes, String resultType,
            List<MethodView.JavaRecord> argumentRecords, MethodView.JavaRecord resultRecord) {
        if (signature.variadic()) {
            return Optional.of("variadic functions are always on the compatibility path");
        }
        for (int i = 0; i < argumentTypes.size(); i++) {
            NativeType type = signature.parameter(i);
            String javaType = argumentTypes.get(i);
            if (JavaTypes.argument(type, javaType) != JavaTypes.Support.FAST) {
                return Optional.of("argument " + i + " is " + JavaTypes.simpleName(javaType) + ": "
                        + why(type, javaType, JavaTypes.allowedArguments(type), STRING_ARGUMENT));
            }
            Optional<String> slow = recordReason(signature, i, javaType, argumentRecords.get(i));
            if (slow.isPresent()) {
                return slow;
            }
        }
        NativeType returnType = signature.returnType();
        if (JavaTypes.result(returnType, resultType) != JavaTypes.Support.FAST) {
            return Optional.of("the result is " + JavaTypes.simpleName(resultType) + ": "
                    + why(returnType, resultType, JavaTypes.allowedResults(returnType), STRING_RESULT));
        }
        return resultReason(signature, resultRecord);
    }

    /**
     * Whether every record among the arguments and the result has only fast components, whatever
     * the other Java types are.
     */
    static boolean recordsAreFast(Signature signature, List<String> argumentTypes,
            List<MethodView.JavaRecord> argumentRecords, MethodView.JavaRecord resultRecord) {
        for (int i = 0; i < argumentTypes.size(); i++) {
            if (recordReason(signature, i, argumentTypes.get(i), argumentRecords.get(i)).isPresent()) {
                return false;
            }
        }
        return resultReason(signature, resultRecord).isEmpty();
    }

    /** Why the record argument {@code i} is passed as keeps the method off the fast path, if it does. */
    private static Optional<String> recordReason(Signature signature, int i, String javaType,
            MethodView.JavaRecord record) {
        boolean array = javaType.equals(JavaTypes.STRUCT_ARRAY);
        StructType struct = signature.parameter(i).hasStruct() ? signature.struct(i)
                : record != null && array ? record.declaredStruct() : null;
        if (record == null || struct == null) {
            return Optional.empty();
        }
        String shown = array ? record.view().name() + "[]" : record.view().name();
        return structReason(struct, record.view()).map(slow -> "argument " + i + " is " + shown + ": " + slow);
    }

    private static Optional<String> resultReason(Signature signature, MethodView.JavaRecord resultRecord) {
        if (resultRecord == null || !signature.returnType().hasStruct()) {
            return Optional.empty();
        }
        return structReason(signature.returnStruct(), resultRecord.view())
                .map(slow -> "the result is " + resultRecord.view().name() + ": " + slow);
    }

    /**
     * Why {@code record}, which matches {@code struct}, keeps a method off the fast path: its first
     * component, depth first, of a compatibility-path type; empty when every component is fast.
     * Fixed arrays are arrays of the field's carrier, which is fast.
     */
    static Optional<String> structReason(StructType struct, StructRecords.RecordView record) {
        List<StructRecords.Component> components = record.components();
        for (int i = 0; i < components.size() && i < struct.fields().size(); i++) {
            StructRecords.Component component = components.get(i);
            Optional<String> slow = switch (struct.fields().get(i)) {
                case FieldType.Scalar scalar when component.typeName().equals(JavaTypes.CALLBACK) -> Optional.of(
                        "record " + record.name() + " component '" + component.name() + "' is " + CALLBACK_FIELD);
                case FieldType.Scalar scalar -> JavaTypes.field(scalar.type(), component.typeName())
                        == JavaTypes.Support.FAST ? Optional.empty()
                        : Optional.of("record " + record.name() + " component '" + component.name() + "' is "
                                + JavaTypes.simpleName(component.typeName()) + ": " + why(scalar.type(),
                                        component.typeName(), JavaTypes.allowedFields(scalar.type()), ""));
                case StructType nested -> component.record() == null ? Optional.empty()
                        : structReason(nested, component.record());
                case FieldType.Array array -> Optional.empty();
            };
            if (slow.isPresent()) {
                return slow;
            }
        }
        return Optional.empty();
    }

    private static String why(NativeType type, String javaType, List<String> allowed, String stringReason) {
        if (type == NativeType.STRING) {
            return stringReason;
        }
        if (javaType.equals(JavaTypes.STRINGS)) {
            return "a String[] is copied into temporary UTF-8 strings for the call; pass a MemorySegment[] of"
                    + " strings from an Arena to stay fast";
        }
        if (javaType.equals(JavaTypes.CALLBACK_COMPAT_VIEW)) {
            return "the callback method has boxed, BigInteger or String types, so its view calls the function"
                    + " on the compatibility path; give it fast types or return MemorySegment to stay fast";
        }
        if (javaType.equals(JavaTypes.CALLBACK)) {
            return "a callback object gets an upcall stub for the call; pass an Upcall<T> to stay fast";
        }
        String fast = allowed.isEmpty() ? "" : allowed.get(0);
        String unboxed = UNBOXED.get(javaType);
        if (unboxed != null && allowed.contains(unboxed)) {
            fast = unboxed;
        }
        String problem = javaType.equals(JavaTypes.BIG_INTEGER)
                ? "BigInteger values are on the compatibility path"
                : "boxed values are on the compatibility path";
        return problem + "; use " + JavaTypes.simpleName(fast) + " to stay fast";
    }
}
