package dev.fastffi.importer;

import java.util.List;
import java.util.function.Function;

/**
 * Evaluates an integer constant expression as C does on LP64: literals with their suffixes,
 * enumerators and macros through {@code names}, casts and {@code sizeof} of arithmetic types, and
 * every operator with the usual arithmetic conversions between int, unsigned, long and unsigned long.
 */
final class ConstantExpression {
    /** A value with its C type: 32 or 64 bits, signed or not; stored sign- or zero-extended. */
    record Value(long value, boolean wide, boolean unsigned) {
        static Value of(long value, boolean wide, boolean unsigned) {
            if (!wide) {
                value = unsigned ? value & 0xFFFF_FFFFL : (int) value;
            }
            return new Value(value, wide, unsigned);
        }

        static Value ofInt(long value) {
            return of(value, false, false);
        }

        boolean isTrue() {
            return value != 0;
        }

        /** This value converted to the type of {@code type}, wrapping around to its width as C does. */
        Value convertTo(Value type) {
            return of(value, type.wide(), type.unsigned());
        }
    }

    /** Thrown when the tokens are not an integer constant expression. */
    static final class NotConstant extends Exception {
        private static final long serialVersionUID = 1L;

        NotConstant(String message) {
            super(message);
        }
    }

    private final List<CToken> tokens;
    private final Function<String, Value> names;
    private final Function<String, CType.Primitive> typeNames;
    private int pos;

    private ConstantExpression(List<CToken> tokens, Function<String, Value> names,
            Function<String, CType.Primitive> typeNames) {
        this.tokens = tokens;
        this.names = names;
        this.typeNames = typeNames;
    }

    /**
     * Evaluates all of {@code tokens}; {@code names} gives an identifier's value or null,
     * {@code typeNames} a typedef's arithmetic type or null.
     */
    static Value evaluate(List<CToken> tokens, Function<String, Value> names,
            Function<String, CType.Primitive> typeNames) throws NotConstant {
        ConstantExpression expression = new ConstantExpression(tokens, names, typeNames);
        Value value = expression.conditional();
        if (expression.pos != tokens.size()) {
            throw new NotConstant("unexpected '" + tokens.get(expression.pos).text() + "'");
        }
        return value;
    }

    private CToken peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private boolean accept(String text) {
        CToken token = peek();
        if (token != null && token.is(text)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String text) throws NotConstant {
        if (!accept(text)) {
            throw new NotConstant("expected '" + text + "'");
        }
    }

    private Value conditional() throws NotConstant {
        Value condition = binary(0);
        if (!accept("?")) {
            return condition;
        }
        Value yes = conditional();
        expect(":");
        Value no = conditional();
        // the result has the common type of both branches, whichever is chosen: (1 ? -1 : 0u) is UINT_MAX
        Value chosen = condition.isTrue() ? yes : no;
        return chosen.convertTo(commonType(yes, no));
    }

    private static final List<List<String>> LEVELS = List.of(List.of("||"), List.of("&&"), List.of("|"), List.of("^"),
            List.of("&"), List.of("==", "!="), List.of("<", ">", "<=", ">="), List.of("<<", ">>"), List.of("+", "-"),
            List.of("*", "/", "%"));

    private Value binary(int level) throws NotConstant {
        if (level == LEVELS.size()) {
            return unary();
        }
        Value left = binary(level + 1);
        while (peek() != null && peek().kind() == CToken.Kind.PUNCT && LEVELS.get(level).contains(peek().text())) {
            String operator = tokens.get(pos++).text();
            left = apply(operator, left, binary(level + 1));
        }
        return left;
    }

    private static Value apply(String operator, Value a, Value b) throws NotConstant {
        switch (operator) {
            case "||":
                return Value.ofInt(a.isTrue() || b.isTrue() ? 1 : 0);
            case "&&":
                return Value.ofInt(a.isTrue() && b.isTrue() ? 1 : 0);
            case "<<":
                return Value.of(a.value() << b.value(), a.wide(), a.unsigned());
            case ">>":
                return Value.of(a.unsigned() ? a.value() >>> b.value() : a.value() >> b.value(), a.wide(), a.unsigned());
            default:
                break;
        }
        Value common = commonType(a, b);
        boolean wide = common.wide();
        boolean unsigned = common.unsigned();
        long x = a.convertTo(common).value();
        long y = b.convertTo(common).value();
        return switch (operator) {
            case "|" -> Value.of(x | y, wide, unsigned);
            case "^" -> Value.of(x ^ y, wide, unsigned);
            case "&" -> Value.of(x & y, wide, unsigned);
            case "==" -> Value.ofInt(x == y ? 1 : 0);
            case "!=" -> Value.ofInt(x != y ? 1 : 0);
            case "<" -> Value.ofInt(compare(x, y, unsigned) < 0 ? 1 : 0);
            case ">" -> Value.ofInt(compare(x, y, unsigned) > 0 ? 1 : 0);
            case "<=" -> Value.ofInt(compare(x, y, unsigned) <= 0 ? 1 : 0);
            case ">=" -> Value.ofInt(compare(x, y, unsigned) >= 0 ? 1 : 0);
            case "+" -> Value.of(x + y, wide, unsigned);
            case "-" -> Value.of(x - y, wide, unsigned);
            case "*" -> Value.of(x * y, wide, unsigned);
            default -> divide(operator, x, y, wide, unsigned);
        };
    }

    /**
     * The type the usual arithmetic conversions give two promoted operands, as a zero of that type: the
     * wider one, unsigned if the unsigned one is at least as wide as the other (so int and unsigned int
     * make unsigned int, long and unsigned int make long).
     */
    private static Value commonType(Value a, Value b) {
        boolean wide = a.wide() || b.wide();
        boolean unsigned = (a.unsigned() && (a.wide() || !b.wide())) || (b.unsigned() && (b.wide() || !a.wide()));
        return Value.of(0, wide, unsigned);
    }

    private static Value divide(String operator, long x, long y, boolean wide, boolean unsigned) throws NotConstant {
        if (y == 0) {
            throw new NotConstant("division by zero");
        }
        if (operator.equals("/")) {
            return Value.of(unsigned ? Long.divideUnsigned(x, y) : x / y, wide, unsigned);
        }
        return Value.of(unsigned ? Long.remainderUnsigned(x, y) : x % y, wide, unsigned);
    }

    private static int compare(long x, long y, boolean unsigned) {
        return unsigned ? Long.compareUnsigned(x, y) : Long.compare(x, y);
    }

    private Value unary() throws NotConstant {
        if (accept("-")) {
            Value v = unary();
            return Value.of(-v.value(), v.wide(), v.unsigned());
        }
        if (accept("+")) {
            return unary();
        }
        if (accept("~")) {
            Value v = unary();
            return Value.of(~v.value(), v.wide(), v.unsigned());
        }
        if (accept("!")) {
            return Value.ofInt(unary().isTrue() ? 0 : 1);
        }
        if (accept("sizeof")) {
            return sizeof();
        }
        return primary();
    }

    private Value sizeof() throws NotConstant {
        expect("(");
        CType.Primitive type = typeName();
        if (type == null) {
            throw new NotConstant("sizeof of a type other than an arithmetic type");
        }
        expect(")");
        return Value.of(TypeMapper.sizeOf(type), true, true);
    }

    private Value primary() throws NotConstant {
        CToken token = peek();
        if (token == null) {
            throw new NotConstant("missing operand");
        }
        if (token.is("(")) {
            pos++;
            int start = pos;
            CType.Primitive cast = typeName();
            if (cast != null) {
                if (accept(")")) {
                    Double floating = floatingOperand();
                    return floating != null ? floatingCast(floating, cast) : convert(unary(), cast);
                }
                throw new NotConstant("a cast to a type other than an integer type");
            }
            pos = start;
            Value inner = conditional();
            expect(")");
            return inner;
        }
        pos++;
        return switch (token.kind()) {
            case NUMBER -> number(token.text());
            case CHARACTER -> character(token.text());
            case IDENTIFIER -> {
                Value value = names.apply(token.text());
                if (value == null) {
                    throw new NotConstant("'" + token.text() + "' is not a constant");
                }
                yield value;
            }
            default -> throw new NotConstant("unexpected '" + token.text() + "'");
        };
    }

    private static Value convert(Value value, CType.Primitive type) throws NotConstant {
        return switch (type) {
            case CHAR, SCHAR -> Value.ofInt((byte) value.value());
            case UCHAR, BOOL -> Value.ofInt(type == CType.Primitive.BOOL ? (value.isTrue() ? 1 : 0) : value.value() & 0xFF);
            case SHORT -> Value.ofInt((short) value.value());
            case USHORT -> Value.ofInt(value.value() & 0xFFFF);
            case INT -> Value.of(value.value(), false, false);
            case UINT -> Value.of(value.value(), false, true);
            case LONG, LONGLONG -> Value.of(value.value(), true, false);
            case ULONG, ULONGLONG -> Value.of(value.value(), true, true);
            default -> throw new NotConstant("a cast to a type other than an integer type");
        };
    }

    /**
     * A floating constant, signed or not, which an integer constant expression allows as the operand of
     * a cast; null (and nothing consumed) when the operand is something else.
     */
    private Double floatingOperand() throws NotConstant {
        int start = pos;
        boolean negative = false;
        while (peek() != null && (peek().is("-") || peek().is("+"))) {
            negative ^= tokens.get(pos++).is("-");
        }
        CToken token = peek();
        String text = token == null ? "" : token.text().toLowerCase(java.util.Locale.ROOT);
        if (token == null || token.kind() != CToken.Kind.NUMBER
                || !(text.startsWith("0x") ? text.contains("p") : text.contains(".") || text.contains("e"))) {
            pos = start;
            return null;
        }
        pos++;
        try {
            double value = Double.parseDouble(text.replaceAll("[fl]+$", ""));
            return negative ? -value : value;
        } catch (NumberFormatException e) {
            throw new NotConstant("'" + token.text() + "' is not a floating constant");
        }
    }

    /** A floating value cast to an integer type: truncated toward zero, or 1 for {@code _Bool} unless it is zero. */
    private static Value floatingCast(double value, CType.Primitive type) throws NotConstant {
        if (type == CType.Primitive.BOOL) {
            return Value.ofInt(value != 0 ? 1 : 0);
        }
        return convert(Value.of((long) value, true, false), type);
    }

    /** A parenthesized arithmetic type name, or null (and nothing consumed) when there is none. */
    private CType.Primitive typeName() {
        int start = pos;
        StringBuilder words = new StringBuilder();
        while (peek() != null && peek().isIdentifier() && TypeMapper.isTypeKeyword(peek().text())) {
            words.append(tokens.get(pos++).text()).append(' ');
        }
        if (words.isEmpty() && peek() != null && peek().isIdentifier()) {
            CType.Primitive named = typeNames.apply(peek().text());
            if (named != null) {
                pos++;
                return named;
            }
        }
        CType.Primitive primitive = words.isEmpty() ? null : TypeMapper.primitive(words.toString().strip());
        if (primitive == null) {
            pos = start;
        }
        return primitive;
    }

    static Value number(String text) throws NotConstant {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        int end = lower.length();
        while (end > 0 && (lower.charAt(end - 1) == 'u' || lower.charAt(end - 1) == 'l')) {
            end--;
        }
        String suffix = lower.substring(end);
        String digits = lower.substring(0, end);
        long value;
        try {
            if (digits.startsWith("0x")) {
                value = Long.parseUnsignedLong(digits.substring(2), 16);
            } else if (digits.startsWith("0b")) {
                value = Long.parseUnsignedLong(digits.substring(2), 2);
            } else if (digits.length() > 1 && digits.startsWith("0")) {
                value = Long.parseUnsignedLong(digits.substring(1), 8);
            } else {
                value = Long.parseUnsignedLong(digits);
            }
        } catch (NumberFormatException e) {
            throw new NotConstant("'" + text + "' is not an integer literal");
        }
        boolean unsigned = suffix.contains("u");
        boolean decimal = !digits.startsWith("0") || digits.equals("0");
        boolean wide = suffix.contains("l") || value < 0 || value > (unsigned || !decimal ? 0xFFFF_FFFFL : Integer.MAX_VALUE);
        if (!unsigned && !wide && !decimal && value > Integer.MAX_VALUE) {
            unsigned = true;
        }
        if (!unsigned && wide && !decimal && value < 0) {
            unsigned = true;
        }
        return Value.of(value, wide, unsigned);
    }

    private static Value character(String text) throws NotConstant {
        String body = text.substring(text.indexOf('\'') + 1, text.length() - 1);
        if (text.startsWith("'")) {
            try {
                return Value.ofInt(CLiterals.character(body));
            } catch (CLiterals.NotDecodable e) {
                throw new NotConstant(e.getMessage());
            }
        }
        if (body.length() == 1) {
            return Value.ofInt(body.charAt(0));
        }
        if (body.length() == 2 && body.charAt(0) == '\\') {
            int index = "ntr0\\'\"abfv".indexOf(body.charAt(1));
            if (index >= 0) {
                return Value.ofInt("\n\t\r\0\\'\"\u0007\b\f\u000B".charAt(index));
            }
        }
        throw new NotConstant("character constant " + text);
    }
}
