package dev.fastffi.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Object-like {@code #define}s that are integer constant expressions or string literals, as Java
 * constants; for any other macro, the reason it is left out. The names come from the header's own text (so that macros of the headers it includes stay
 * out), the values from {@code gcc -dM -E} (so that they are what the compiler sees).
 */
final class Macros {
    private static final Pattern DEFINE = Pattern.compile("^[ \\t]*#[ \\t]*define[ \\t]+([A-Za-z_$][A-Za-z0-9_$]*)(\\(?)",
            Pattern.MULTILINE);

    /** Longer bodies are cut in the comment that says why a macro is left out. */
    private static final int SHOWN_BODY = 60;

    private final Map<String, String> bodies = new HashMap<>();
    private final Set<String> functionLike = new HashSet<>();
    private final Map<String, ConstantExpression.Value> enumerators;
    private final Map<String, CType.Primitive> typedefs;
    private final Set<String> evaluating = new HashSet<>();

    /** {@code typedefs} gives the arithmetic typedefs, so that casts such as {@code (uint32_t) 1} evaluate. */
    Macros(String defines, Map<String, ConstantExpression.Value> enumerators, Map<String, CType.Primitive> typedefs) {
        this.enumerators = enumerators;
        this.typedefs = typedefs;
        for (String line : defines.split("\n")) {
            Matcher matcher = DEFINE.matcher(line);
            if (matcher.find()) {
                if (matcher.group(2).isEmpty()) {
                    bodies.put(matcher.group(1), line.substring(matcher.end()).strip());
                } else {
                    functionLike.add(matcher.group(1));
                }
            }
        }
    }

    /** The macros a header's text defines, object-like and function-like, in order of first definition. */
    static List<String> definedIn(String headerText) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = DEFINE.matcher(headerText);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return new ArrayList<>(names);
    }

    /**
     * Why macro {@code name} is no constant, completing "NAME ...", for a macro {@link #constant} gives no
     * constant for; null when there is nothing to say: an empty macro (an include guard or a switch) or
     * one the compiler no longer defines.
     */
    String whyNot(String name) {
        if (functionLike.contains(name)) {
            return "is a function-like macro, which has no value to bind";
        }
        String body = bodies.get(name);
        if (body == null || body.isEmpty()) {
            return null;
        }
        List<CToken> tokens = CTokenizer.tokenize(body);
        tokens = tokens.subList(0, tokens.size() - 1);
        if (isString(tokens)) {
            try {
                CLiterals.javaString(texts(tokens));
            } catch (CLiterals.NotDecodable e) {
                return "is " + e.getMessage();
            }
        }
        String shown = body.length() > SHOWN_BODY ? body.substring(0, SHOWN_BODY) + "..." : body;
        return "is '" + shown + "', not an integer or string constant";
    }

    /** Whether {@code tokens} are string literals only, which C joins into one. */
    private static boolean isString(List<CToken> tokens) {
        return !tokens.isEmpty() && tokens.stream().allMatch(t -> t.kind() == CToken.Kind.STRING);
    }

    private static List<String> texts(List<CToken> tokens) {
        return tokens.stream().map(CToken::text).toList();
    }

    /** The constant for macro {@code name}, or null when it is not an integer or a plain string. */
    Bindings.Constant constant(String name, String javaName) {
        String body = bodies.get(name);
        if (body == null || body.isEmpty()) {
            return null;
        }
        List<CToken> tokens = CTokenizer.tokenize(body);
        tokens = tokens.subList(0, tokens.size() - 1);
        String origin = "#define " + name + " " + body;
        if (isString(tokens)) {
            try {
                return new Bindings.Constant(javaName, "String", CLiterals.javaString(texts(tokens)), origin);
            } catch (CLiterals.NotDecodable e) {
                return null;
            }
        }
        ConstantExpression.Value value = value(name);
        if (value == null) {
            return null;
        }
        long v = value.value();
        if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE && !(value.unsigned() && value.wide() && v < 0)) {
            return new Bindings.Constant(javaName, "int", Long.toString(v), origin);
        }
        return new Bindings.Constant(javaName, "long", v + "L", origin);
    }

    /** A typedef's arithmetic type, or that of a macro that stands for type keywords ({@code #define bool _Bool}). */
    private CType.Primitive typeName(String name) {
        CType.Primitive typedef = typedefs.get(name);
        String body = bodies.get(name);
        if (typedef != null || body == null || !Arrays.stream(body.split("\\s+")).allMatch(TypeMapper::isTypeKeyword)) {
            return typedef;
        }
        return TypeMapper.primitive(String.join(" ", body.split("\\s+")));
    }

    private ConstantExpression.Value value(String name) {
        String body = bodies.get(name);
        if (body == null || !evaluating.add(name)) {
            return enumerators.get(name);
        }
        try {
            List<CToken> tokens = CTokenizer.tokenize(body);
            return ConstantExpression.evaluate(tokens.subList(0, tokens.size() - 1), this::value, this::typeName);
        } catch (ConstantExpression.NotConstant e) {
            return null;
        } finally {
            evaluating.remove(name);
        }
    }
}
