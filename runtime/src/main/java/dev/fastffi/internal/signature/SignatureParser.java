package dev.fastffi.internal.signature;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code ret(arg, arg, ...)} one token at a time, tracking columns so that every rejection
 * points at the character that broke the grammar.
 */
final class SignatureParser {
    private static final String EXAMPLE = "write it as 'ret(arg, ...)', e.g. 'i32(i32, pointer)'";

    private final String text;
    private int position;

    SignatureParser(String text) {
        this.text = text;
    }

    ParseResult parse() {
        if (text == null) {
            return ParseResult.of(new SignatureError(null, 1, "signature is null", EXAMPLE));
        }
        try {
            return ParseResult.of(signature());
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
        NativeType returnType = type();
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
        return new Signature(returnType, parameters, variadic);
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
            NativeType type = type();
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

    private NativeType type() {
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
        String name = text.substring(start, position);
        return NativeType.byName(name).orElseThrow(() -> rejectAt(start + 1, "unknown type '" + name + "'",
                NativeType.closestName(name).map(n -> "did you mean '" + n + "'?")
                        .orElse("known types are " + String.join(", ", NativeType.allNames().toList()))));
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
