package dev.fastffi.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * Reads {@code ret(arg, arg, ...)} one token at a time, tracking columns so that every rejection
 * points at the character that broke the grammar.
 */
final class SignatureParser {
    private static final String EXAMPLE = "write it as 'ret(arg, ...)', e.g. 'i32(i32, pointer)'";

    /**
     * How deep structs may nest. C compilers take far more, but no API nests that deep, and every
     * reader of a struct (its layout, FFM's classification, its text) recurses once per level.
     */
    static final int MAX_STRUCT_DEPTH = 64;

    private final String text;
    private final Map<String, StructType> names;
    /** Struct names that more than one record answers to, each with the records' names. */
    private final Map<String, List<String>> ambiguous;
    /** The structs read so far, in the order {@link Signature#structs()} lists them. */
    private final List<StructType> structs = new ArrayList<>();
    /** For each of {@link #structs}, the record name the text gave it, or null for fields written out. */
    private final List<String> structNames = new ArrayList<>();
    /** How many structs enclose the position. */
    private int depth;
    private int position;

    SignatureParser(String text, Map<String, StructType> names) {
        this(text, names, Map.of());
    }

    SignatureParser(String text, Map<String, StructType> names, Map<String, List<String>> ambiguous) {
        this.text = text;
        this.names = names;
        this.ambiguous = ambiguous;
    }

    ParseResult parse() {
        if (text == null) {
            return ParseResult.of(new SignatureError(null, 1, "signature is null", EXAMPLE));
        }
        try {
            return ParseResult.of(signature(), structNames);
        } catch (Rejection rejection) {
            return ParseResult.of(rejection.error);
        }
    }

    private Signature signature() {
        skipSpaces();
        if (atEnd()) {
            throw reject("signature is empty", EXAMPLE);
        }
        int returnColumn = column();
        NativeType returnType = typeOrStruct();
        if (!returnType.allowedAsReturn()) {
            String written = text.substring(returnColumn - 1, position);
            throw rejectAt(returnColumn, "'" + written + "' is only allowed as an argument",
                    "return 'pointer' instead");
        }
        skipSpaces();
        expect('(', "expected '(' after the return type");
        List<NativeType> parameters = new ArrayList<>();
        boolean variadic = arguments(parameters);
        skipSpaces();
        if (!atEnd()) {
            throw reject("unexpected text after ')'", "remove '" + text.substring(position) + "'");
        }
        return new Signature(returnType, parameters, variadic, structs);
    }

    /** Reads the arguments up to and including ')'; returns whether they end with '...'. */
    private boolean arguments(List<NativeType> parameters) {
        skipSpaces();
        if (atEnd()) {
            throw reject("missing ')'", "close the argument list");
        }
        if (peek(')')) {
            position++;
            return false;
        }
        while (true) {
            skipSpaces();
            int argumentColumn = column();
            if (text.startsWith("...", position)) {
                position += 3;
                skipSpaces();
                if (atEnd()) {
                    throw reject("missing ')'", "close the argument list");
                }
                if (!peek(')')) {
                    throw rejectAt(argumentColumn, "'...' must be the last argument", "move it to the end");
                }
                position++;
                return true;
            }
            NativeType type = typeOrStruct();
            if (!type.allowedAsArgument()) {
                throw rejectAt(argumentColumn, "'void' is only allowed as a return type",
                        "write '()' for a function without arguments");
            }
            parameters.add(type);
            skipSpaces();
            if (peek(')')) {
                position++;
                return false;
            }
            if (atEnd()) {
                throw reject("missing ')'", "close the argument list");
            }
            expect(',', "expected ',' or ')'");
        }
    }

    /**
     * A type name, a struct's fields or a struct's name, the last two optionally followed by
     * {@code '*'} for a pointer to the struct; a struct is added to {@link #structs}.
     */
    private NativeType typeOrStruct() {
        FieldOrType read = fieldOrType();
        if (read.struct() != null) {
            structs.add(read.struct());
            structNames.add(read.name());
            skipSpaces();
            if (peek('*')) {
                position++;
                return NativeType.STRUCT_POINTER;
            }
            return NativeType.STRUCT;
        }
        int end = position;
        skipSpaces();
        if (peek('*')) {
            throw reject("'*' only follows a struct, 'Name*' or '{...}*'", "write 'pointer' for any other pointer");
        }
        position = end;
        return read.type();
    }

    /** Exactly one of {@code type} and {@code struct} is set; {@code name} is the record name a struct was given by. */
    private record FieldOrType(NativeType type, StructType struct, String name) {}

    private FieldOrType fieldOrType() {
        if (peek('{')) {
            return new FieldOrType(null, struct(), null);
        }
        int start = position;
        String name = name();
        if (NativeType.byName(name).isEmpty() && Character.isUpperCase(name.charAt(0))
                && NativeType.closestName(name).filter(n -> n.equalsIgnoreCase(name)).isEmpty()) {
            return new FieldOrType(null, named(name, start), name);
        }
        position = start;
        return new FieldOrType(type(), null, null);
    }

    private StructType named(String name, int start) {
        if (ambiguous.containsKey(name)) {
            throw rejectAt(start + 1, "struct name '" + name + "' is ambiguous: it names "
                    + String.join(" and ", ambiguous.get(name)), "rename one of the records");
        }
        StructType struct = names.get(name);
        if (struct == null) {
            throw rejectAt(start + 1, "unknown struct '" + name + "'", names.isEmpty()
                    ? "no @NativeStruct record is known here; write the fields inline, e.g. '{f64, f64}'"
                    : "known structs are " + String.join(", ", names.keySet().stream().sorted().toList()));
        }
        return struct;
    }

    /** {@code '{' field (',' field)* '}'}, at most {@link #MAX_STRUCT_DEPTH} deep. */
    private StructType struct() {
        if (++depth > MAX_STRUCT_DEPTH) {
            throw rejectAt(position + 1, "structs nest more than " + MAX_STRUCT_DEPTH + " deep",
                    "declare the inner struct's fields in the one around it");
        }
        position++;
        List<FieldType> fields = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (peek('}') && fields.isEmpty()) {
                throw reject("a struct needs at least one field", "e.g. '{f64, f64}'");
            }
            fields.add(field());
            skipSpaces();
            if (peek('}')) {
                position++;
                depth--;
                return new StructType(fields);
            }
            if (atEnd()) {
                throw reject("missing '}'", "close the struct");
            }
            expect(',', "expected ',' or '}' in a struct");
        }
    }

    private FieldType field() {
        int column = column();
        if (peek('[')) {
            return array();
        }
        FieldOrType read = fieldOrType();
        skipSpaces();
        if (peek('*')) {
            throw reject("a struct field cannot be a pointer to a struct", "declare the field as 'pointer'");
        }
        if (read.struct() != null) {
            return read.struct();
        }
        return new FieldType.Scalar(scalarField(read.type(), column));
    }

    /** {@code '[' length ']' scalar}. */
    private FieldType array() {
        position++;
        skipSpaces();
        int start = position;
        while (!atEnd() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
            position++;
        }
        int length = start == position || position - start > 9 ? 0 : Integer.parseInt(text.substring(start, position));
        if (length < 1) {
            throw rejectAt(start + 1, "an array length must be a whole number from 1 to 999999999", "e.g. '[4]i32'");
        }
        skipSpaces();
        expect(']', "expected ']' after the array length");
        skipSpaces();
        int column = column();
        if (peek('{') || peek('[')) {
            throw reject("an array element must be an integer or a float", "write the elements as separate fields");
        }
        NativeType element = type();
        if (!element.isInteger() && element.kind() != NativeType.Kind.FLOAT) {
            throw rejectAt(column, "an array element must be an integer or a float, not '" + element.cName() + "'",
                    "write the elements as separate fields");
        }
        return new FieldType.Array(length, element);
    }

    private NativeType scalarField(NativeType type, int column) {
        if (!type.allowedInStruct()) {
            throw rejectAt(column, "'" + type.cName() + "' cannot be a struct field",
                    "use bool, an integer, a float, pointer or function");
        }
        return type;
    }

    private String name() {
        int start = position;
        while (!atEnd() && isNameChar(text.charAt(position))) {
            position++;
        }
        if (start == position) {
            if (atEnd()) {
                throw reject("expected a type but the signature ended", "");
            }
            throw reject("expected a type but found '" + current() + "'", "");
        }
        return text.substring(start, position);
    }

    private NativeType type() {
        int start = position;
        String name = name();
        Optional<NativeType> type = NativeType.byName(name);
        if (type.isPresent()) {
            return type.get();
        }
        throw rejectAt(start + 1, "unknown type '" + name + "'",
                NativeType.closestName(name).map(n -> "did you mean '" + n + "'?")
                        .orElse("known types are " + String.join(", ", NativeType.allNames().toList())));
    }

    private void expect(char expected, String problem) {
        if (!peek(expected)) {
            String found = atEnd() ? "the end" : "'" + current() + "'";
            throw reject(problem + " but found " + found, "");
        }
        position++;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The character at the current position, whole even outside the Basic Multilingual Plane. */
    private String current() {
        return new String(Character.toChars(text.codePointAt(position)));
    }

    private boolean peek(char c) {
        return !atEnd() && text.charAt(position) == c;
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private int column() {
        return position + 1;
    }

    private Rejection reject(String problem, String hint) {
        return rejectAt(column(), problem, hint);
    }

    private Rejection rejectAt(int column, String problem, String hint) {
        return new Rejection(new SignatureError(text, column, problem, hint));
    }

    /** Unwinds the recursive descent to {@link #parse()}; never escapes this class. */
    private static final class Rejection extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SignatureError error;

        Rejection(SignatureError error) {
            super(error.problem(), null, false, false);
            this.error = error;
        }
    }
}
