package dev.fastffi.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One {@code reachability-metadata.json} as GraalVM's schema 1.2.0 lays it out, written by hand:
 * entries sorted and deduplicated, one per line, so the same input gives the same bytes.
 */
final class MetadataJson {
    private final String comment;
    /** Per type registered for reflection, its invocable methods, rendered. */
    private final Map<String, Set<String>> types = new TreeMap<>();
    /** Proxy classes, each as its rendered interface list. */
    private final Set<String> proxies = new TreeSet<>();
    private final Set<String> downcalls = new TreeSet<>();
    private final Set<String> upcalls = new TreeSet<>();

    MetadataJson(String comment) {
        this.comment = comment;
    }

    /** Registers {@code binaryName} for reflection: {@code Class.forName} finds it and its members can be queried. */
    void type(String binaryName) {
        types.computeIfAbsent(binaryName, name -> new TreeSet<>());
    }

    /** Registers a method or, named {@code <init>}, a constructor of {@code binaryName} for reflective calls. */
    void method(String binaryName, String name, List<String> parameterTypes) {
        types.computeIfAbsent(binaryName, type -> new TreeSet<>())
                .add("{\"name\": " + string(name) + ", \"parameterTypes\": " + strings(parameterTypes) + "}");
    }

    /** Registers the proxy class {@code java.lang.reflect.Proxy} makes for {@code interfaces}, in that order. */
    void proxy(List<String> interfaces) {
        proxies.add("{\"type\": {\"proxy\": " + strings(interfaces) + "}}");
    }

    void downcall(ForeignCalls.Call call) {
        downcalls.add(render(call));
    }

    void upcall(ForeignCalls.Call call) {
        upcalls.add(render(call));
    }

    String text() {
        List<String> sections = new ArrayList<>();
        sections.add("  \"comment\": " + string(comment));
        List<String> reflection = new ArrayList<>();
        types.forEach((type, methods) -> reflection.add("{\"type\": " + string(type)
                + (methods.isEmpty() ? "" : ", \"methods\": [" + String.join(", ", methods) + "]") + "}"));
        reflection.addAll(proxies);
        if (!reflection.isEmpty()) {
            sections.add("  \"reflection\": " + array(reflection, "  "));
        }
        List<String> foreign = new ArrayList<>();
        if (!downcalls.isEmpty()) {
            foreign.add("    \"downcalls\": " + array(downcalls, "    "));
        }
        if (!upcalls.isEmpty()) {
            foreign.add("    \"upcalls\": " + array(upcalls, "    "));
        }
        if (!foreign.isEmpty()) {
            sections.add("  \"foreign\": {\n" + String.join(",\n", foreign) + "\n  }");
        }
        return "{\n" + String.join(",\n", sections) + "\n}\n";
    }

    private static String render(ForeignCalls.Call call) {
        List<String> options = new ArrayList<>();
        if (call.firstVariadicArg() != ForeignCalls.FIXED) {
            options.add("\"firstVariadicArg\": " + call.firstVariadicArg());
        }
        if (call.captureCallState()) {
            options.add("\"captureCallState\": true");
        }
        if (call.critical()) {
            options.add("\"critical\": {\"allowHeapAccess\": true}");
        }
        return "{\"returnType\": " + string(call.returnType()) + ", \"parameterTypes\": " + strings(call.parameterTypes())
                + (options.isEmpty() ? "" : ", \"options\": {" + String.join(", ", options) + "}") + "}";
    }

    private static String array(Iterable<String> entries, String indent) {
        List<String> lines = new ArrayList<>();
        entries.forEach(entry -> lines.add(indent + "  " + entry));
        return "[\n" + String.join(",\n", lines) + "\n" + indent + "]";
    }

    private static String strings(List<String> values) {
        return values.stream().map(MetadataJson::string).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
