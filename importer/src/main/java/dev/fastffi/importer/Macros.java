package dev.fastffi.importer;

import java.util.ArrayList;
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
 * constants. The names come from the header's own text (so that macros of the headers it includes stay
 * out), the values from {@code gcc -dM -E} (so that they are what the compiler sees).
 */
final class Macros {
    private static final Pattern DEFINE = Pattern.compile("^[ \\t]*#[ \\t]*define[ \\t]+([A-Za-z_][A-Za-z0-9_]*)(\\(?)",
            Pattern.MULTILINE);
    private static final Pattern SIMPLE_STRING = Pattern.compile("\"([^\"\\\\]|\\\\[nrt\"\\\\])*\"");

    private final Map<String, String> bodies = new HashMap<>();
    private final Map<String, ConstantExpression.Value> enumerators;
    private final Map<String, CType.Primitive> typedefs;
    private final Set<String> evaluating = new HashSet<>();

    /** {@code typedefs} gives the arithmetic typedefs, so that casts such as {@code (uint32_t) 1} evaluate. */
    Macros(String defines, Map<String, ConstantExpression.Value> enumerators, Map<String, CType.Primitive> typedefs) {
        this.enumerators = enumerators;
        this.typedefs = typedefs;
        for (String line : defines.split("\n")) {
            Matcher matcher = DEFINE.matcher(line);
            if (matcher.find() && matcher.group(2).isEmpty()) {
                bodies.put(matcher.group(1), line.substring(matcher.end()).strip());
            }
        }
    }

    /** The object-like macros a header's text defines, in order of first definition. */
    static List<String> definedIn(String headerText) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = DEFINE.matcher(headerText);
        while (matcher.find()) {
            if (matcher.group(2).isEmpty()) {
                names.add(matcher.group(1));
            }
        }
        return new ArrayList<>(names);
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
        if (!tokens.isEmpty() && tokens.stream().allMatch(t -> t.kind() == CToken.Kind.STRING)) {
            StringBuilder joined = new StringBuilder();
            for (CToken token : tokens) {
                if (!SIMPLE_STRING.matcher(token.text()).matches()) {
                    return null;
                }
                joined.append(token.text(), 1, token.text().length() - 1);
            }
            return new Bindings.Constant(javaName, "String", "\"" + joined + "\"", origin);
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

    private ConstantExpression.Value value(String name) {
        String body = bodies.get(name);
        if (body == null || !evaluating.add(name)) {
            return enumerators.get(name);
        }
        try {
            List<CToken> tokens = CTokenizer.tokenize(body);
            return ConstantExpression.evaluate(tokens.subList(0, tokens.size() - 1), this::value, typedefs::get);
        } catch (ConstantExpression.NotConstant e) {
            return null;
        } finally {
            evaluating.remove(name);
        }
    }
}
