package dev.fastffi.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Maps function declarations to {@code @NativeFunction} methods, or to a note saying why one is left out. */
final class FunctionMapper {
    private static final Pattern C_SYMBOL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final TypeMapper mapper;
    private final String prefix;
    private final java.util.function.Predicate<String> optional;
    private final Naming.Scope methods = new Naming.Scope();

    FunctionMapper(TypeMapper mapper, String prefix, java.util.function.Predicate<String> optional) {
        this.mapper = mapper;
        this.prefix = prefix;
        this.optional = optional;
    }

    /**
     * One member per declaration, in order: {@link TranslationUnit.Function}, {@link TranslationUnit.Variable}
     * or {@link TranslationUnit.Unparsed}.
     */
    List<Bindings.Member> map(List<Object> declarations) {
        List<Bindings.Member> members = new ArrayList<>();
        for (Object declaration : declarations) {
            if (declaration instanceof TranslationUnit.Function function) {
                members.add(function(function));
            } else if (declaration instanceof TranslationUnit.Variable variable) {
                members.add(variable(variable));
            } else if (declaration instanceof TranslationUnit.Unparsed unparsed) {
                members.add(new Bindings.Skipped(unparsed.name() == null ? "a declaration at line " + unparsed.line()
                        : unparsed.name(), "could not be parsed: " + unparsed.reason()));
            }
        }
        return members;
    }

    /** A variable is left out: an interface method cannot stand for it, but {@code Library.global} reads it. */
    private Bindings.Member variable(TranslationUnit.Variable variable) {
        if (variable.threadLocal()) {
            // each thread has its own copy, and a global's address is looked up once for all threads
            return new Bindings.Skipped(variable.name(), "is a thread-local variable, which Library.global cannot read");
        }
        String type = TypeMapper.globalType(variable.type());
        return new Bindings.Skipped(variable.name(), type == null ? "is a variable of a type Library.global cannot read"
                : "is a variable; read it with Library.global(\"" + variable.name() + "\", \"" + type + "\")");
    }

    Bindings.Member function(TranslationUnit.Function function) {
        String name = function.name();
        CType.Function type = function.type();
        if (function.isStatic()) {
            return new Bindings.Skipped(name, "is static, so no library exports it");
        }
        if (!type.prototyped()) {
            return new Bindings.Skipped(name, type.parameters().isEmpty()
                    ? "has no prototype: '()' says nothing about its parameters ('(void)' would say there are none)"
                    : "is a K&R declaration: its parameters have no types");
        }
        String symbol = function.symbol() != null ? function.symbol() : name;
        if (!C_SYMBOL.matcher(symbol).matches()) {
            // gcc takes 'dol$fn', but a @NativeFunction symbol is a C identifier of letters, digits and '_'
            return new Bindings.Skipped(name, "has the symbol '" + symbol
                    + "', which @NativeFunction cannot name: its symbols take letters, digits and '_' only");
        }
        String candidate = Naming.method(name, prefix);
        String javaName = methods.isTaken(candidate) ? Naming.method(name, null) : candidate;
        String owner = Naming.type(javaName);
        TypeMapper.Mapped result;
        try {
            result = mapper.map(type.result(), TypeMapper.Use.RESULT, owner);
        } catch (TypeMapper.Unmappable e) {
            return new Bindings.Skipped(name, "returns " + e.getMessage());
        }
        List<Bindings.Parameter> parameters = new ArrayList<>();
        List<String> types = new ArrayList<>();
        Naming.Scope names = new Naming.Scope();
        for (int i = 0; i < type.parameters().size(); i++) {
            CType.Parameter parameter = type.parameters().get(i);
            String parameterName = TypeMapper.parameterName(names, parameter.name(), i);
            try {
                TypeMapper.Mapped mapped = mapper.map(parameter.type(), TypeMapper.Use.ARGUMENT,
                        owner + Naming.type(parameterName));
                types.add(mapped.signature());
                parameters.add(new Bindings.Parameter(parameterName, mapped.javaType(), CTypes.describe(parameter.type())));
            } catch (TypeMapper.Unmappable e) {
                return new Bindings.Skipped(name, "takes '" + (parameter.name() == null ? "argument " + (i + 1)
                        : parameter.name()) + "' as " + e.getMessage());
            }
        }
        if (type.variadic()) {
            types.add("...");
            parameters.add(new Bindings.Parameter(names.claim("arguments"), "Object...", "..."));
        }
        String signature = result.signature() + "(" + String.join(", ", types) + ")";
        Optional<String> beyondLinker = mapper.beyondLinker(signature);
        if (beyondLinker.isPresent()) {
            return new Bindings.Skipped(name, beyondLinker.get());
        }
        javaName = methods.claim(javaName);
        return new Bindings.Function(javaName, javaName.equals(symbol) ? null : symbol, signature, result.javaType(),
                parameters, type.variadic(), optional.test(name), function.declaration());
    }
}
