package dev.fastffi.model;

import java.util.List;

/**
 * A {@code @NativeFunction} method as {@link MethodRules} sees it: the processor builds one from
 * type mirrors, the runtime from reflection. Java types are named as {@link JavaTypes} names them.
 *
 * @param name the Java method name
 * @param variadicTail whether the method ends with an {@code Object...} parameter; it is counted in {@code parameters}
 */
public record MethodView(String name, Function function, List<Parameter> parameters, Result result,
        boolean variadicTail, List<JavaRecord> namedStructs) {

    /**
     * @param namedStructs the {@code @NativeStruct} records a signature may name besides the
     *     method's own parameter and result types: those nested in the binding interface and those
     *     in its package (the runtime finds the latter by the names the signature uses)
     */
    public MethodView {
        parameters = List.copyOf(parameters);
        namedStructs = List.copyOf(namedStructs);
    }

    /** A method whose signature names only its own parameter and result records. */
    public MethodView(String name, Function function, List<Parameter> parameters, Result result,
            boolean variadicTail) {
        this(name, function, parameters, result, variadicTail, List.of());
    }

    /**
     * The values of {@code @NativeFunction}.
     *
     * @param symbol the symbol as written; empty when it is not set and the method name stands for it
     * @param free the function that frees an owned result; empty when the caller does not own it
     */
    public record Function(String signature, String symbol, boolean critical, boolean errno, boolean requireFast,
            boolean optional, String free) {
        /** A function whose result the caller does not own. */
        public Function(String signature, String symbol, boolean critical, boolean errno, boolean requireFast,
                boolean optional) {
            this(signature, symbol, critical, errno, requireFast, optional, "");
        }
    }

    /**
     * One parameter.
     *
     * @param record the record the type names, or the element record of an array of {@code @NativeStruct}
     *     records; null for any other type
     */
    public record Parameter(String typeName, JavaRecord record) {}

    /**
     * The result.
     *
     * @param typeName for a method returning {@code CompletableFuture<R>}, what the future completes
     *     with as the type table sees it ({@link JavaTypes#asyncResult}); otherwise the result type
     * @param record the record {@code typeName} names, or null
     * @param async whether the method returns {@code CompletableFuture} and runs on the runtime's pool
     * @param declared the declared result as users write it, {@code CompletableFuture<String>}, for messages
     */
    public record Result(String typeName, JavaRecord record, boolean async, String declared) {}

    /**
     * A record a struct is passed or returned as.
     *
     * @param qualifiedName its canonical name, for messages
     * @param usable whether generated code can name and construct it (always, at run time)
     * @param declared its own {@code @NativeStruct} value parsed, or null when it has none
     */
    public record JavaRecord(StructRecords.RecordView view, String qualifiedName, boolean usable,
            ParseResult declared) {
        /** The struct its own {@code @NativeStruct} declares, or null when it has none or it is not a valid struct. */
        public StructType declaredStruct() {
            return declared != null && declared.isValid() && declared.signature().returnType() == NativeType.STRUCT
                    ? declared.signature().returnStruct() : null;
        }
    }

    /** The symbol the method binds: the one written, else the method name. */
    public String symbol() {
        return function.symbol().isEmpty() ? name : function.symbol();
    }
}
