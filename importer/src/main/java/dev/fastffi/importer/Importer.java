package dev.fastffi.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The importer's pipeline: preprocess the headers with the C compiler, tokenize, parse the
 * declarations, map them to bindings with every name settled, and render the Java sources. Nothing
 * depends on time or hash order, so the same headers give the same bytes.
 */
public final class Importer {
    /**
     * What an import gives: the files by path, the functions bound and left out, and notes for
     * the user, such as where the functions are when a header given declares none itself.
     */
    public record Result(SortedMap<String, String> files, int functions, int skipped, List<String> notes) {}

    private final ImporterOptions options;

    private Importer(ImporterOptions options) {
        this.options = options;
    }

    /** Imports the headers the options name, without writing anything. */
    public static Result run(ImporterOptions options) throws ImporterException {
        return new Importer(options).importHeaders();
    }

    /** Imports and writes every file under the output directory; returns what was written. */
    public static Result runAndWrite(ImporterOptions options) throws ImporterException {
        Result result = run(options);
        for (Map.Entry<String, String> file : result.files().entrySet()) {
            Path path = options.output.resolve(file.getKey());
            try {
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ImporterException("cannot write " + path + ": " + e.getMessage());
            }
        }
        return result;
    }

    private Result importHeaders() throws ImporterException {
        List<Path> headers = new ArrayList<>();
        for (Path header : options.headers) {
            if (!Files.isRegularFile(header)) {
                throw new ImporterException("header " + header + " does not exist");
            }
            headers.add(header.toAbsolutePath().normalize());
        }
        Preprocessor.Output output = Preprocessor.run(options.compiler, options.compilerFlags, headers);
        TranslationUnit unit = CDeclarationParser.parse(CTokenizer.tokenize(output.preprocessed()));
        Bindings bindings = new Bindings();
        Naming.Scope typeNames = new Naming.Scope(Naming.reservedTypeNames());
        List<String> interfaceNames = new ArrayList<>();
        for (Path header : headers) {
            interfaceNames.add(typeNames.claim(options.interfaceName != null ? options.interfaceName
                    : Naming.type(stem(header))));
        }
        List<String> groupNames = new ArrayList<>();
        for (ImporterOptions.Group group : options.groups) {
            groupNames.add(typeNames.claim(group.name()));
        }
        TypeMapper mapper = new TypeMapper(typeNames, bindings);
        Macros macros = new Macros(output.defines(), enumerators(unit), arithmeticTypedefs(unit));
        int functions = 0;
        int skipped = 0;
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            Path header = headers.get(i);
            List<Bindings.Member> members = new ArrayList<>();
            List<Bindings.Member> constants = constants(unit, macros, header);
            List<List<Bindings.Member>> groupedConstants = groupConstants(constants);
            members.addAll(constants);
            List<Object> declarations = declarationsOf(unit, header);
            List<List<Object>> grouped = group(declarations);
            members.addAll(new FunctionMapper(mapper, options.stripPrefix, options::isOptional).map(declarations));
            List<String> libraries = options.libraries.isEmpty() ? List.of(stem(header)) : options.libraries;
            List<Bindings.Interface> interfaces = new ArrayList<>();
            interfaces.add(new Bindings.Interface(interfaceNames.get(i), header.getFileName().toString(), libraries, members));
            for (int g = 0; g < options.groups.size(); g++) {
                if (!grouped.get(g).isEmpty() || !groupedConstants.get(g).isEmpty()) {
                    List<Bindings.Member> groupMembers = new ArrayList<>(groupedConstants.get(g));
                    groupMembers.addAll(new FunctionMapper(mapper, options.groups.get(g).prefix(),
                            options::isOptional).map(grouped.get(g)));
                    interfaces.add(new Bindings.Interface(groupNames.get(g), header.getFileName().toString(), libraries,
                            groupMembers));
                }
            }
            long before = functions;
            for (Bindings.Interface binding : interfaces) {
                bindings.interfaces.add(binding);
                functions += (int) binding.functionCount();
                skipped += (int) binding.skippedCount();
            }
            if (functions == before && declarations.stream().noneMatch(TranslationUnit.Function.class::isInstance)) {
                declaredElsewhere(unit, headers).ifPresent(where -> notes.add(header.getFileName()
                        + " declares no function itself; " + where));
            }
        }
        return new Result(new JavaWriter(options.packageName).write(bindings), functions, skipped, List.copyOf(notes));
    }

    /**
     * Where the functions a header includes are declared, when none of the headers given declares
     * them: glibc's {@code math.h}, for one, declares every function in {@code bits/mathcalls.h}.
     * Names the (at most three) files with the most, each header given getting its own interface.
     */
    private static Optional<String> declaredElsewhere(TranslationUnit unit, List<Path> headers) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TranslationUnit.Function function : unit.functions) {
            if (!function.isStatic() && headers.stream().noneMatch(header -> isIn(function.file(), header))) {
                counts.merge(function.file(), 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        List<String> files = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(3)
                .map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                .toList();
        return Optional.of("the headers it includes declare " + counts.values().stream().mapToInt(Integer::intValue).sum()
                + " functions, most in " + String.join(", ", files) + "; give the header that declares them too");
    }

    /**
     * Moves the functions of each {@code --group} out of {@code declarations}, the longest matching
     * prefix winning; returns them per group, in the order of the options.
     */
    private List<List<Object>> group(List<Object> declarations) {
        List<List<Object>> groups = new ArrayList<>();
        options.groups.forEach(g -> groups.add(new ArrayList<>()));
        declarations.removeIf(declaration -> {
            if (!(declaration instanceof TranslationUnit.Function function)) {
                return false;
            }
            int best = -1;
            for (int g = 0; g < options.groups.size(); g++) {
                String prefix = options.groups.get(g).prefix();
                if (function.name().startsWith(prefix)
                        && (best < 0 || prefix.length() > options.groups.get(best).prefix().length())) {
                    best = g;
                }
            }
            if (best >= 0) {
                groups.get(best).add(declaration);
            }
            return best >= 0;
        });
        return groups;
    }

    /**
     * Moves the constants (and macro comments) of each {@code --group} out of {@code constants}: those
     * whose C name starts with the prefix in any case ({@code api_str_} takes {@code API_STR_MAX}), the
     * longest prefix winning. They keep their names.
     */
    private List<List<Bindings.Member>> groupConstants(List<Bindings.Member> constants) {
        List<List<Bindings.Member>> groups = new ArrayList<>();
        options.groups.forEach(g -> groups.add(new ArrayList<>()));
        constants.removeIf(member -> {
            String name = switch (member) {
                case Bindings.Constant constant -> constant.name();
                case Bindings.SkippedMacro macro -> macro.name();
                default -> null;
            };
            int best = -1;
            for (int g = 0; name != null && g < options.groups.size(); g++) {
                String prefix = options.groups.get(g).prefix();
                if (name.regionMatches(true, 0, prefix, 0, prefix.length())
                        && (best < 0 || prefix.length() > options.groups.get(best).prefix().length())) {
                    best = g;
                }
            }
            if (best >= 0) {
                groups.get(best).add(member);
            }
            return best >= 0;
        });
        return groups;
    }

    private static String stem(Path header) {
        String name = header.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static boolean isIn(String file, Path header) {
        try {
            return Path.of(file).toAbsolutePath().normalize().equals(header);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** The header's functions and unreadable declarations, in the order they appear. */
    private List<Object> declarationsOf(TranslationUnit unit, Path header) {
        List<Object> declarations = new ArrayList<>();
        for (TranslationUnit.Function function : unit.functions) {
            if (isIn(function.file(), header) && options.selects(function.name())) {
                declarations.add(function);
            }
        }
        for (TranslationUnit.Variable variable : unit.variables) {
            if (isIn(variable.file(), header) && options.selects(variable.name())) {
                declarations.add(variable);
            }
        }
        for (TranslationUnit.Unparsed unparsed : unit.unparsed) {
            if (isIn(unparsed.file(), header) && (unparsed.name() == null || options.selects(unparsed.name()))) {
                declarations.add(unparsed);
            }
        }
        declarations.sort(java.util.Comparator.comparingInt(Importer::line));
        return declarations;
    }

    private static int line(Object declaration) {
        return switch (declaration) {
            case TranslationUnit.Function f -> f.line();
            case TranslationUnit.Variable v -> v.line();
            default -> ((TranslationUnit.Unparsed) declaration).line();
        };
    }

    private static Map<String, ConstantExpression.Value> enumerators(TranslationUnit unit) {
        Map<String, ConstantExpression.Value> values = new HashMap<>();
        for (CEnum enumeration : unit.enums) {
            for (CEnum.Constant constant : enumeration.constants) {
                values.put(constant.name(), ConstantExpression.Value.of(constant.value(), !fitsInt(constant.value()), false));
            }
        }
        return values;
    }

    private static Map<String, CType.Primitive> arithmeticTypedefs(TranslationUnit unit) {
        Map<String, CType.Primitive> typedefs = new HashMap<>();
        for (TranslationUnit.Typedef typedef : unit.typedefs) {
            if (CType.resolve(typedef.type()) instanceof CType.Basic basic) {
                typedefs.put(typedef.name(), basic.primitive());
            }
        }
        return typedefs;
    }

    private static boolean fitsInt(long value) {
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
    }

    /** Enumerators declared in the header, then its macros (integer and string ones as constants), each once. */
    private List<Bindings.Member> constants(TranslationUnit unit, Macros macros, Path header) throws ImporterException {
        List<Bindings.Member> constants = new ArrayList<>();
        Naming.Scope names = new Naming.Scope();
        for (CEnum enumeration : unit.enums) {
            for (CEnum.Constant constant : enumeration.constants) {
                if (isIn(constant.file(), header) && options.selects(constant.name())) {
                    String type = fitsInt(constant.value()) ? "int" : "long";
                    String value = constant.value() + (type.equals("long") ? "L" : "");
                    String origin = (enumeration.tag == null ? "enum" : "enum " + enumeration.tag) + ": "
                            + constant.name() + " = " + constant.value();
                    constants.add(new Bindings.Constant(names.claim(Naming.escape(constant.name())), type, value, origin));
                }
            }
        }
        String text;
        try {
            text = Files.readString(header, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new ImporterException("cannot read " + header + ": " + e.getMessage());
        }
        for (String name : Macros.definedIn(text)) {
            if (options.selects(name) && !names.isTaken(Naming.escape(name))) {
                Bindings.Constant constant = macros.constant(name, Naming.escape(name));
                if (constant != null) {
                    names.claim(constant.name());
                    constants.add(constant);
                } else if (macros.whyNot(name) != null) {
                    constants.add(new Bindings.SkippedMacro(name, macros.whyNot(name)));
                }
            }
        }
        return constants;
    }
}
