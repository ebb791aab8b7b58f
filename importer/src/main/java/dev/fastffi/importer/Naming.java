package dev.fastffi.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Java names for C names: prefix stripping, keyword escaping, type names in UpperCamelCase, and no collisions. */
final class Naming {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface",
            "long", "native", "new", "package", "private", "protected", "public", "return", "short", "static",
            "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits", "when",
            "_", "exports", "module", "non-sealed", "open", "opens", "provides", "requires", "to", "transitive",
            "uses", "with");
    /** Methods every interface inherits from Object: a binding method of the same name would overload or clash. */
    private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString", "getClass", "notify",
            "notifyAll", "wait", "clone", "finalize");
    /** Contextual keywords are valid method names; only reserved ones need escaping there. */
    private static final Set<String> CONTEXTUAL = Set.of("var", "yield", "record", "sealed", "permits", "when",
            "exports", "module", "open", "opens", "provides", "requires", "to", "transitive", "uses", "with");

    private Naming() {}

    /**
     * Type names a generated type must not take: the simple names generated files import, and every
     * public type of {@code java.lang}, which a type of the same package would shadow in the generated
     * files and in the classes the processor writes beside them.
     */
    static Set<String> reservedTypeNames() {
        Set<String> names = new TreeSet<>();
        JavaWriter.IMPORTS.forEach(name -> names.add(name.substring(name.lastIndexOf('.') + 1)));
        try (Stream<Path> files = Files.list(FileSystems.getFileSystem(URI.create("jrt:/"))
                .getPath("/modules/java.base/java/lang"))) {
            files.map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(".class") && !file.contains("$"))
                    .map(file -> file.substring(0, file.length() - ".class".length()))
                    .filter(Naming::isPublicInJavaLang)
                    .forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list java.lang in the running JDK", e);
        }
        return names;
    }

    private static boolean isPublicInJavaLang(String simpleName) {
        try {
            return Modifier.isPublic(Class.forName("java.lang." + simpleName, false, null).getModifiers());
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** {@code name} with a trailing underscore when Java reserves it. */
    static String escape(String name) {
        return KEYWORDS.contains(name) && !CONTEXTUAL.contains(name) ? name + "_" : name;
    }

    /** A method name: {@code name} without {@code prefix} when what remains is a valid identifier, escaped. */
    static String method(String name, String prefix) {
        String stripped = name;
        if (prefix != null && !prefix.isEmpty() && name.startsWith(prefix) && name.length() > prefix.length()
                && Character.isJavaIdentifierStart(name.charAt(prefix.length()))) {
            stripped = name.substring(prefix.length());
        }
        return OBJECT_METHODS.contains(stripped) ? stripped + "_" : escape(stripped);
    }

    /** A record component's name: escaped, and with an underscore where its accessor would clash with an Object method. */
    static String component(String name) {
        return OBJECT_METHODS.contains(name) ? name + "_" : escape(name);
    }

    /**
     * {@code z_stream_s} → {@code ZStreamS}: a Java type name from a C name or a file name, split at every
     * character other than a letter or a digit ({@code my-lib} → {@code MyLib}, {@code c++compat} →
     * {@code CCompat}); one starting with a digit, or with nothing left, gets a {@code T} in front.
     */
    static String type(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[^\\p{L}\\p{Nd}]+")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        if (out.isEmpty() || !Character.isJavaIdentifierStart(out.charAt(0))) {
            out.insert(0, 'T');
        }
        return out.toString();
    }

    /** Hands out names in one scope, never the same twice: a taken name gets {@code 2}, {@code 3}, ... appended. */
    static final class Scope {
        private final Set<String> taken = new HashSet<>();

        Scope(String... reserved) {
            taken.addAll(Set.of(reserved));
        }

        Scope(Set<String> reserved) {
            taken.addAll(reserved);
        }

        boolean isTaken(String name) {
            return taken.contains(name);
        }

        String claim(String name) {
            String candidate = name;
            for (int i = 2; !taken.add(candidate); i++) {
                candidate = name + i;
            }
            return candidate;
        }
    }
}
