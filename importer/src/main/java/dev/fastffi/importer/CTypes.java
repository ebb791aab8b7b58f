package dev.fastffi.importer;

import java.util.stream.Collectors;

/** Prints a {@link CType} back as short C, for Javadoc: typedef names as written, pointers as {@code T *}. */
final class CTypes {
    private CTypes() {}

    static String describe(CType type) {
        String constness = type.isConst() && !(type instanceof CType.Pointer) ? "const " : "";
        return switch (type) {
            case CType.Named named -> constness + named.name();
            case CType.Basic basic -> constness + keyword(basic.primitive());
            case CType.Unsupported unsupported -> constness + unsupported.what();
            case CType.StructRef ref -> constness + ref.struct().cName();
            case CType.EnumRef ref -> constness + (ref.enumeration().tag == null ? "enum" : "enum " + ref.enumeration().tag);
            case CType.Pointer pointer -> pointer.target() instanceof CType.Function function
                    ? describe(function.result()) + " (*)(" + parameters(function) + ")"
                    : describe(pointer.target()) + " *" + (pointer.isConst() ? "const " : "");
            case CType.Array array -> describe(array.element()) + "[" + (array.length() < 0 ? "" : array.length()) + "]";
            case CType.Function function -> describe(function.result()) + " (" + parameters(function) + ")";
        };
    }

    /** A declaration of {@code name} with {@code type}: {@code char name[16]}, {@code void (*f)(int)}, {@code int *p}. */
    static String declaration(CType type, String name) {
        return switch (type) {
            case CType.Array array -> declaration(array.element(), name + "[" + (array.length() < 0 ? "" : array.length()) + "]");
            case CType.Pointer pointer when pointer.target() instanceof CType.Function function ->
                    describe(function.result()) + " (*" + name + ")(" + parameters(function) + ")";
            case CType.Pointer pointer -> declaration(pointer.target(), "*" + (pointer.isConst() ? "const " : "") + name);
            default -> describe(type) + " " + name;
        };
    }

    private static String parameters(CType.Function function) {
        String list = function.parameters().stream().map(p -> describe(p.type())).collect(Collectors.joining(", "));
        if (function.variadic()) {
            return list.isEmpty() ? "..." : list + ", ...";
        }
        return list.isEmpty() && function.prototyped() ? "void" : list;
    }

    private static String keyword(CType.Primitive primitive) {
        return switch (primitive) {
            case VOID -> "void";
            case BOOL -> "_Bool";
            case CHAR -> "char";
            case SCHAR -> "signed char";
            case UCHAR -> "unsigned char";
            case SHORT -> "short";
            case USHORT -> "unsigned short";
            case INT -> "int";
            case UINT -> "unsigned int";
            case LONG -> "long";
            case ULONG -> "unsigned long";
            case LONGLONG -> "long long";
            case ULONGLONG -> "unsigned long long";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case LONG_DOUBLE -> "long double";
            case INT128 -> "__int128";
            case UINT128 -> "unsigned __int128";
            case FLOAT128 -> "_Float128";
            case COMPLEX -> "_Complex";
        };
    }
}
