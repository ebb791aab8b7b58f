package dev.fastffi.importer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A recursive-descent parser for the file-scope declarations of preprocessed C (C11 with the GNU
 * extensions glibc headers use): declaration specifiers, declarators with pointers, arrays and
 * function pointers, typedefs, struct, union and enum definitions. Function bodies and initializers
 * are skipped, so a {@code .c} file's definitions count as declarations. A declaration it cannot
 * read is recorded as {@link TranslationUnit.Unparsed} and parsing goes on after it.
 */
final class CDeclarationParser {
    /** Thrown for tokens that are not a declaration this parser understands. */
    static final class ParseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParseException(String message) {
            super(message);
        }
    }

    private record Specifiers(CType type, boolean typedef, boolean isStatic, boolean threadLocal, int start, int end) {}

    private record Declarator(String name, CType type, int start, int end) {}

    private static final Set<String> IGNORED_QUALIFIERS = Set.of("volatile", "__volatile", "__volatile__", "restrict",
            "__restrict", "__restrict__", "_Nullable", "_Nonnull", "_Null_unspecified", "__extension__", "inline",
            "__inline", "__inline__", "_Noreturn", "auto", "register", "extern", "_Thread_local", "__thread");
    private static final Set<String> CONST = Set.of("const", "__const", "__const__");
    private static final Set<String> ATTRIBUTES = Set.of("__attribute__", "__attribute", "__declspec", "_Alignas",
            "alignas", "__asm__", "__asm", "asm");

    private final List<CToken> tokens;
    private final TranslationUnit unit = new TranslationUnit();
    private final Map<String, CType> typedefs = new HashMap<>();
    private final Map<String, CStruct> structTags = new HashMap<>();
    private final Map<String, CStruct> unionTags = new HashMap<>();
    private final Map<String, CEnum> enumTags = new HashMap<>();
    private final Map<String, ConstantExpression.Value> enumerators = new HashMap<>();
    /** Typedefs an attribute or alignment specifier gives other than natural alignment. */
    private final Set<String> alignedTypedefs = new HashSet<>();
    private final Deque<Integer> packStack = new ArrayDeque<>();
    private int pack;
    private int pos;
    /**
     * Set when an attribute says {@code packed} or {@code aligned}, or an alignment specifier is read; a
     * struct or enum specifier keeps its own attributes out of it.
     */
    private boolean sawPacked;
    /** The symbol an {@code __asm__("name")} label after the last declarator gives, or null. */
    private String asmLabel;
    /** The attributes read so far that change the type the current declarator declares. */
    private TypeAttributes typeAttributes = TypeAttributes.NONE;

    private CDeclarationParser(List<CToken> tokens) {
        this.tokens = tokens;
    }

    static TranslationUnit parse(List<CToken> tokens) {
        CDeclarationParser parser = new CDeclarationParser(tokens);
        parser.run();
        return parser.unit;
    }

    /** Parses C text directly, without line markers; for tests. */
    static TranslationUnit parse(String text) {
        return parse(CTokenizer.tokenize(text));
    }

    private void run() {
        while (peek().kind() != CToken.Kind.END) {
            if (peek().kind() == CToken.Kind.PRAGMA) {
                pragma(tokens.get(pos++).text());
                continue;
            }
            int start = pos;
            try {
                externalDeclaration();
            } catch (ParseException e) {
                pos = start;
                String name = recover();
                CToken first = tokens.get(start);
                unit.unparsed.add(new TranslationUnit.Unparsed(name, first.file(), first.line(), e.getMessage()));
            }
        }
    }

    /** Skips to the end of the broken declaration: a ';' or a closing '}' at depth 0; returns a guess at its name. */
    private String recover() {
        int depth = 0;
        String name = null;
        while (peek().kind() != CToken.Kind.END) {
            CToken token = tokens.get(pos++);
            if (token.is("(") && depth == 0 && pos >= 2 && tokens.get(pos - 2).isIdentifier() && name == null) {
                name = tokens.get(pos - 2).text();
            }
            if (token.is("(") || token.is("{") || token.is("[")) {
                depth++;
            } else if (token.is(")") || token.is("]")) {
                depth--;
            } else if (token.is("}")) {
                depth--;
                if (depth == 0 && !peek().is(";") && !peek().isIdentifier()) {
                    break;
                }
            } else if (token.is(";") && depth <= 0) {
                break;
            }
        }
        return name;
    }

    private void pragma(String text) {
        String body = text.replace(" ", "");
        if (!body.startsWith("pack(")) {
            return;
        }
        String argument = body.substring(5, body.length() - 1);
        if (argument.startsWith("push")) {
            packStack.push(pack);
            argument = argument.substring(4).replace(",", "");
            pack = argument.isEmpty() ? pack : Integer.parseInt(argument);
        } else if (argument.startsWith("pop")) {
            pack = packStack.isEmpty() ? 0 : packStack.pop();
        } else {
            pack = argument.isEmpty() ? 0 : Integer.parseInt(argument);
        }
    }

    private CToken peek() {
        return tokens.get(pos);
    }

    private CToken peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private boolean accept(String text) {
        if (peek().is(text)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String text) {
        if (!accept(text)) {
            throw new ParseException("expected '" + text + "' but found '" + peek().text() + "' at " + peek().file()
                    + ":" + peek().line());
        }
    }

    private void externalDeclaration() {
        if (accept(";")) {
            return;
        }
        if (peek().is("_Static_assert") || peek().is("static_assert")) {
            skipPast(";");
            return;
        }
        typeAttributes = TypeAttributes.NONE;
        skipAttributes();
        if (accept(";")) {
            return;
        }
        sawPacked = false;
        Specifiers specifiers = specifiers(true);
        boolean specifiersAligned = sawPacked;
        TypeAttributes specifierAttributes = typeAttributes;
        if (accept(";")) {
            return;
        }
        while (true) {
            asmLabel = null;
            sawPacked = specifiersAligned;
            typeAttributes = specifierAttributes;
            Declarator declarator = declarator(specifiers.type(), false);
            skipAttributes();
            declarator = withTypeAttributes(declarator);
            if (declarator.name() == null) {
                throw new ParseException("a declaration without a name");
            }
            if (specifiers.typedef()) {
                if (sawPacked) {
                    alignedTypedefs.add(declarator.name());
                }
                typedef(sawPacked ? aligned(declarator) : declarator);
            } else if (CType.resolve(declarator.type()) instanceof CType.Function function) {
                // also 'fn_t f;' after 'typedef int fn_t(int);', which declares the function int f(int)
                if (peek().is("{") || !(peek().is(";") || peek().is(",") || peek().is("="))) {
                    function(specifiers, declarator, asDefinition(function));
                    skipPast("{");
                    skipBalanced("{", "}");
                    return;
                }
                function(specifiers, declarator, function);
            } else {
                variable(specifiers, declarator);
                if (accept("=")) {
                    skipInitializer();
                }
            }
            if (!accept(",")) {
                expect(";");
                return;
            }
        }
    }

    /** {@code declarator} with the type the attributes of its declaration give it. */
    private Declarator withTypeAttributes(Declarator declarator) {
        return new Declarator(declarator.name(), typeAttributes.applyTo(declarator.type()), declarator.start(),
                declarator.end());
    }

    /** A definition {@code f()} takes no arguments, unlike a declaration {@code f();}, which says nothing about them. */
    private static CType.Function asDefinition(CType.Function function) {
        if (!function.prototyped() && function.parameters().isEmpty()) {
            return new CType.Function(function.result(), List.of(), false, true);
        }
        return function;
    }

    private void typedef(Declarator declarator) {
        typedefs.put(declarator.name(), declarator.type());
        if (declarator.type() instanceof CType.StructRef ref && ref.struct().typedefName == null) {
            ref.struct().typedefName = declarator.name();
        }
        unit.typedefs.add(new TranslationUnit.Typedef(declarator.name(), declarator.type(), tokens.get(declarator.start()).file()));
    }

    /** A struct typedef with an alignment attribute has a layout no signature gives; a scalar one passes as usual. */
    private static Declarator aligned(Declarator declarator) {
        if (!(CType.resolve(declarator.type()) instanceof CType.StructRef)) {
            return declarator;
        }
        return new Declarator(declarator.name(), new CType.Unsupported("a struct typedef with its own alignment", false),
                declarator.start(), declarator.end());
    }

    private void function(Specifiers specifiers, Declarator declarator, CType.Function type) {
        CToken first = tokens.get(specifiers.start());
        String text = CText.of(tokens, specifiers.start(), specifiers.end()) + " "
                + CText.of(tokens, declarator.start(), declarator.end()) + ";";
        for (int i = 0; i < unit.functions.size(); i++) {
            TranslationUnit.Function known = unit.functions.get(i);
            if (known.name().equals(declarator.name())) {
                // glibc declares scanf plainly, then again with the asm label that names the real symbol
                if (known.symbol() == null && asmLabel != null) {
                    unit.functions.set(i, new TranslationUnit.Function(known.name(), asmLabel, known.type(), known.file(),
                            known.line(), known.declaration(), known.isStatic()));
                }
                return;
            }
        }
        unit.functions.add(new TranslationUnit.Function(declarator.name(), asmLabel, type, first.file(), first.line(),
                text, specifiers.isStatic()));
    }

    private void variable(Specifiers specifiers, Declarator declarator) {
        boolean known = unit.variables.stream().anyMatch(v -> v.name().equals(declarator.name()));
        if (!specifiers.isStatic() && !known) {
            CToken first = tokens.get(specifiers.start());
            unit.variables.add(new TranslationUnit.Variable(declarator.name(), declarator.type(),
                    specifiers.threadLocal(), first.file(), first.line()));
        }
    }

    private void skipInitializer() {
        while (!peek().is(",") && !peek().is(";") && peek().kind() != CToken.Kind.END) {
            if (peek().is("{") || peek().is("(")) {
                String open = peek().text();
                skipBalanced(open, open.equals("{") ? "}" : ")");
            } else {
                pos++;
            }
        }
    }

    private void skipPast(String text) {
        while (peek().kind() != CToken.Kind.END && !peek().is(text)) {
            if (peek().is("(")) {
                skipBalanced("(", ")");
            } else {
                pos++;
            }
        }
        if (!text.equals("{")) {
            accept(text);
        }
    }

    /** Skips from an opening token at {@code pos} past its matching closing token. */
    private void skipBalanced(String open, String close) {
        int depth = 0;
        do {
            CToken token = tokens.get(pos);
            if (token.kind() == CToken.Kind.END) {
                throw new ParseException("unbalanced '" + open + "'");
            }
            if (token.is(open)) {
                depth++;
            } else if (token.is(close)) {
                depth--;
            }
            pos++;
        } while (depth > 0);
    }

    /**
     * Skips GNU attributes, asm labels and alignment specifiers, noting {@code packed} and {@code aligned},
     * and the attributes that change a type in {@link #typeAttributes}.
     */
    private void skipAttributes() {
        while (peek().isIdentifier() && ATTRIBUTES.contains(peek().text())) {
            boolean asm = peek().text().contains("asm");
            sawPacked |= peek().text().equals("_Alignas") || peek().text().equals("alignas");
            pos++;
            if (peek().is("(")) {
                int start = pos;
                skipBalanced("(", ")");
                if (asm) {
                    asmLabel = label(start, pos);
                }
                for (int i = start; i < pos; i++) {
                    noteAttribute(i);
                }
            }
        }
    }

    /** Notes what the attribute word at {@code index} says about alignment or the declared type. */
    private void noteAttribute(int index) {
        CToken token = tokens.get(index);
        String text = token.text();
        if (text.equals("packed") || text.equals("__packed__") || text.equals("aligned") || text.equals("__aligned__")
                || text.equals("align")) {
            sawPacked = true;
        }
        if (!token.isIdentifier()) {
            return;
        }
        if (text.equals("vector_size") || text.equals("__vector_size__")) {
            typeAttributes = typeAttributes.withVector();
        }
        if ((text.equals("mode") || text.equals("__mode__")) && at(index + 1).is("(") && at(index + 2).isIdentifier()
                && at(index + 3).is(")")) {
            typeAttributes = typeAttributes.withMode(at(index + 2).text());
        }
    }

    /** The token at {@code index}, or the end. */
    private CToken at(int index) {
        return tokens.get(Math.min(index, tokens.size() - 1));
    }

    /** The string literals of an asm label, joined: {@code __asm__("" "__isoc99_scanf")} is {@code __isoc99_scanf}. */
    private String label(int from, int to) {
        StringBuilder label = new StringBuilder();
        for (int i = from; i < to; i++) {
            String text = tokens.get(i).text();
            if (tokens.get(i).kind() == CToken.Kind.STRING) {
                label.append(text, 1, text.length() - 1);
            }
        }
        return label.isEmpty() ? null : label.toString();
    }

    private Specifiers specifiers(boolean storageAllowed) {
        int start = pos;
        boolean typedef = false;
        boolean isStatic = false;
        boolean threadLocal = false;
        boolean isConst = false;
        CType type = null;
        List<String> words = new ArrayList<>();
        while (true) {
            CToken token = peek();
            if (!token.isIdentifier()) {
                break;
            }
            String text = token.text();
            if (ATTRIBUTES.contains(text)) {
                skipAttributes();
                continue;
            }
            if (text.equals("typedef") && storageAllowed) {
                typedef = true;
            } else if (text.equals("static")) {
                isStatic = true;
            } else if (CONST.contains(text)) {
                isConst = true;
            } else if (IGNORED_QUALIFIERS.contains(text)) {
                threadLocal |= text.equals("_Thread_local") || text.equals("__thread");
                pos++;
                continue;
            } else if (TypeMapper.isTypeKeyword(text)) {
                words.add(text);
            } else if (text.equals("_Atomic")) {
                pos++;
                if (peek().is("(")) {
                    skipBalanced("(", ")");
                }
                type = new CType.Unsupported("an _Atomic type", false);
                continue;
            } else if (text.equals("__builtin_va_list")) {
                type = new CType.Unsupported("a va_list", false);
            } else if (text.equals("typeof") || text.equals("__typeof__") || text.equals("__typeof")) {
                pos++;
                skipBalanced("(", ")");
                type = new CType.Unsupported("a typeof type", false);
                continue;
            } else if (text.equals("struct") || text.equals("union")) {
                type = structSpecifier();
                continue;
            } else if (text.equals("enum")) {
                type = enumSpecifier();
                continue;
            } else if (type == null && words.isEmpty() && typedefs.containsKey(text)) {
                type = new CType.Named(text, typedefs.get(text), false);
            } else {
                break;
            }
            pos++;
        }
        if (type == null) {
            if (words.isEmpty()) {
                throw new ParseException("expected a type but found '" + peek().text() + "' at " + peek().file() + ":"
                        + peek().line());
            }
            CType.Primitive primitive = TypeMapper.primitive(String.join(" ", words));
            type = primitive == null ? new CType.Unsupported("'" + String.join(" ", words) + "'", false)
                    : new CType.Basic(primitive, false);
        }
        return new Specifiers(isConst ? type.withConst() : type, typedef, isStatic, threadLocal, start, pos);
    }

    private CType structSpecifier() {
        boolean union = tokens.get(pos++).text().equals("union");
        boolean outerPacked = sawPacked;
        sawPacked = false;
        skipAttributes();
        String tag = null;
        if (peek().isIdentifier()) {
            tag = tokens.get(pos++).text();
        }
        Map<String, CStruct> tags = union ? unionTags : structTags;
        CStruct struct = tag == null ? null : tags.get(tag);
        if (struct == null || (peek().is("{") && struct.isComplete())) {
            struct = new CStruct(tag, union, peek().file());
            if (tag != null) {
                tags.put(tag, struct);
            }
        }
        if (peek().is("{")) {
            pos++;
            boolean packedBefore = sawPacked;
            List<CStruct.Field> fields = members();
            sawPacked = packedBefore;
            skipAttributes();
            struct.define(fields);
            struct.packed = sawPacked || pack != 0;
            unit.structs.add(struct);
        }
        sawPacked = outerPacked;
        return new CType.StructRef(struct, false);
    }

    private List<CStruct.Field> members() {
        TypeAttributes outer = typeAttributes;
        List<CStruct.Field> fields = new ArrayList<>();
        while (!accept("}")) {
            if (accept(";")) {
                continue;
            }
            if (peek().is("_Static_assert")) {
                skipPast(";");
                continue;
            }
            sawPacked = false;
            typeAttributes = TypeAttributes.NONE;
            Specifiers specifiers = specifiers(false);
            boolean specifiersAligned = sawPacked;
            TypeAttributes specifierAttributes = typeAttributes;
            if (accept(";")) {
                fields.add(new CStruct.Field(null, specifiers.type(), -1, specifiersAligned));
                continue;
            }
            do {
                sawPacked = specifiersAligned;
                typeAttributes = specifierAttributes;
                Declarator declarator = peek().is(":") ? new Declarator(null, specifiers.type(), pos, pos)
                        : declarator(specifiers.type(), false);
                int bits = -1;
                if (accept(":")) {
                    bits = (int) constant(List.of(",", ";")).value();
                }
                skipAttributes();
                declarator = withTypeAttributes(declarator);
                fields.add(new CStruct.Field(declarator.name(), declarator.type(), bits,
                        sawPacked || isAligned(declarator.type())));
            } while (accept(","));
            expect(";");
        }
        typeAttributes = outer;
        return fields;
    }

    /** Whether a typedef with an alignment attribute gives the type, or the element type of an array, its alignment. */
    private boolean isAligned(CType type) {
        CType t = type;
        while (true) {
            if (t instanceof CType.Named named) {
                if (alignedTypedefs.contains(named.name())) {
                    return true;
                }
                t = named.target();
            } else if (t instanceof CType.Array array) {
                t = array.element();
            } else {
                return false;
            }
        }
    }

    private CType enumSpecifier() {
        pos++;
        boolean outerPacked = sawPacked;
        sawPacked = false;
        skipAttributes();
        String tag = peek().isIdentifier() ? tokens.get(pos++).text() : null;
        CEnum enumeration = tag == null ? null : enumTags.get(tag);
        if (enumeration == null) {
            enumeration = new CEnum(tag);
            if (tag != null) {
                enumTags.put(tag, enumeration);
            }
        }
        if (accept("{")) {
            String file = tokens.get(pos - 1).file();
            long next = 0;
            while (!accept("}")) {
                String name = tokens.get(pos++).text();
                skipAttributes();
                if (accept("=")) {
                    next = constant(List.of(",", "}")).value();
                }
                enumerators.put(name, ConstantExpression.Value.of(next, false, false));
                enumeration.constants.add(new CEnum.Constant(name, next, file));
                next++;
                accept(",");
            }
            unit.enums.add(enumeration);
            skipAttributes();
            enumeration.packed = sawPacked;
        }
        sawPacked = outerPacked;
        return new CType.EnumRef(enumeration, false);
    }

    /** Evaluates the tokens up to one of {@code ends} at depth 0 as an integer constant expression. */
    private ConstantExpression.Value constant(List<String> ends) {
        int start = pos;
        int depth = 0;
        while (peek().kind() != CToken.Kind.END && !(depth == 0 && ends.contains(peek().text()))) {
            if (peek().is("(") || peek().is("[")) {
                depth++;
            } else if (peek().is(")") || peek().is("]")) {
                depth--;
            }
            pos++;
        }
        try {
            return ConstantExpression.evaluate(tokens.subList(start, pos), enumerators::get, this::arithmeticTypedef);
        } catch (ConstantExpression.NotConstant e) {
            throw new ParseException("not a constant: " + e.getMessage());
        }
    }

    private CType.Primitive arithmeticTypedef(String name) {
        CType type = typedefs.get(name);
        return type == null ? null : CType.resolve(type) instanceof CType.Basic basic ? basic.primitive() : null;
    }

    private Declarator declarator(CType base, boolean abstractAllowed) {
        int start = pos;
        skipAttributes();
        CType type = base;
        while (accept("*")) {
            boolean isConst = false;
            while (peek().isIdentifier() && (CONST.contains(peek().text()) || IGNORED_QUALIFIERS.contains(peek().text())
                    || ATTRIBUTES.contains(peek().text()))) {
                isConst |= CONST.contains(peek().text());
                if (ATTRIBUTES.contains(peek().text())) {
                    skipAttributes();
                } else {
                    pos++;
                }
            }
            type = new CType.Pointer(type, isConst);
        }
        if (peek().is("(") && isGrouping()) {
            pos++;
            int inner = pos;
            pos--;
            skipBalanced("(", ")");
            type = suffixes(type);
            int after = pos;
            pos = inner;
            Declarator declarator = declarator(type, abstractAllowed);
            expect(")");
            pos = after;
            return new Declarator(declarator.name(), declarator.type(), start, after);
        }
        String name = null;
        if (peek().isIdentifier() && !ATTRIBUTES.contains(peek().text())) {
            name = tokens.get(pos++).text();
        } else if (!abstractAllowed) {
            throw new ParseException("expected a name but found '" + peek().text() + "' at " + peek().file() + ":"
                    + peek().line());
        }
        type = suffixes(type);
        return new Declarator(name, type, start, pos);
    }

    /** Whether a '(' after the pointers groups a declarator, as in {@code (*f)(int)}, rather than opening parameters. */
    private boolean isGrouping() {
        CToken next = peek(1);
        if (next.is("*") || next.is("(") || next.is("^")) {
            return true;
        }
        return next.isIdentifier() && ATTRIBUTES.contains(next.text()) ? peek(2).is("(") && isGroupingAfterAttribute()
                : next.isIdentifier() && !typedefs.containsKey(next.text()) && !TypeMapper.isTypeKeyword(next.text())
                        && !isSpecifierWord(next.text());
    }

    private boolean isGroupingAfterAttribute() {
        int saved = pos;
        pos++;
        skipAttributes();
        boolean grouping = peek().is("*") || peek().is("(");
        pos = saved;
        return grouping;
    }

    private static boolean isSpecifierWord(String text) {
        return CONST.contains(text) || IGNORED_QUALIFIERS.contains(text) || text.equals("struct") || text.equals("union")
                || text.equals("enum") || text.equals("_Atomic") || text.equals("__builtin_va_list")
                || text.startsWith("__typeof") || text.equals("typeof") || text.equals("static");
    }

    private CType suffixes(CType base) {
        List<UnaryOperator<CType>> operations = new ArrayList<>();
        while (true) {
            if (accept("[")) {
                while (peek().isIdentifier() && (peek().is("static") || CONST.contains(peek().text())
                        || IGNORED_QUALIFIERS.contains(peek().text()))) {
                    pos++;
                }
                long length = peek().is("]") ? -1 : constant(List.of("]")).value();
                expect("]");
                operations.add(element -> new CType.Array(element, length, false));
            } else if (accept("(")) {
                CType.Function shape = parameters(null);
                operations.add(result -> new CType.Function(result, shape.parameters(), shape.variadic(), shape.prototyped()));
            } else {
                break;
            }
        }
        CType type = base;
        for (int i = operations.size() - 1; i >= 0; i--) {
            type = operations.get(i).apply(type);
        }
        return type;
    }

    private CType.Function parameters(CType result) {
        if (accept(")")) {
            return new CType.Function(result, List.of(), false, false);
        }
        if (peek().is("void") && peek(1).is(")")) {
            pos += 2;
            return new CType.Function(result, List.of(), false, true);
        }
        TypeAttributes outer = typeAttributes;
        List<CType.Parameter> parameters = new ArrayList<>();
        boolean variadic = false;
        boolean prototyped = true;
        do {
            if (accept("...")) {
                variadic = true;
                break;
            }
            if (peek().isIdentifier() && !typedefs.containsKey(peek().text()) && !TypeMapper.isTypeKeyword(peek().text())
                    && !isSpecifierWord(peek().text()) && !ATTRIBUTES.contains(peek().text())
                    && (peek(1).is(",") || peek(1).is(")"))) {
                prototyped = false;
                parameters.add(new CType.Parameter(tokens.get(pos++).text(), new CType.Unsupported("an untyped K&R parameter", false)));
                continue;
            }
            typeAttributes = TypeAttributes.NONE;
            Specifiers specifiers = specifiers(false);
            Declarator declarator = declarator(specifiers.type(), true);
            skipAttributes();
            declarator = withTypeAttributes(declarator);
            parameters.add(new CType.Parameter(declarator.name(), adjust(declarator.type())));
        } while (accept(","));
        expect(")");
        typeAttributes = outer;
        return new CType.Function(result, parameters, variadic, prototyped);
    }

    /** Parameters of array or function type are pointers, as C adjusts them. */
    private static CType adjust(CType type) {
        CType resolved = CType.resolve(type);
        if (resolved instanceof CType.Array array) {
            return new CType.Pointer(array.element(), array.isConst());
        }
        if (resolved instanceof CType.Function) {
            return new CType.Pointer(type, false);
        }
        return type;
    }
}
