package dev.fastffi.importer;

/**
 * The GNU attributes of a declaration that change the type it declares rather than its alignment:
 * {@code vector_size}, which makes the base type a SIMD vector, and {@code mode}, which gives an
 * integer type another width ({@code mode} is null when there is none). Attributes before the
 * declarators apply to each of them, attributes after one to that one only.
 */
record TypeAttributes(boolean vector, String mode) {
    static final TypeAttributes NONE = new TypeAttributes(false, null);

    TypeAttributes withVector() {
        return new TypeAttributes(true, mode);
    }

    /** With {@code mode(name)}; gcc's spellings {@code __HI__} and {@code HI} are the same mode. */
    TypeAttributes withMode(String name) {
        String bare = name.startsWith("__") && name.endsWith("__") && name.length() > 4
                ? name.substring(2, name.length() - 2) : name;
        return new TypeAttributes(vector, bare);
    }

    /** {@code declared} as these attributes change it. */
    CType applyTo(CType declared) {
        CType type = mode == null ? declared : mode(declared, mode);
        return vector ? vector(type) : type;
    }

    /**
     * gcc makes the base type a vector, through pointers, arrays and function results:
     * {@code double *p __attribute__((vector_size(16)))} points to a vector of two doubles.
     */
    private static CType vector(CType type) {
        return switch (type) {
            case CType.Pointer pointer -> new CType.Pointer(vector(pointer.target()), pointer.isConst());
            case CType.Array array -> new CType.Array(vector(array.element()), array.length(), array.isConst());
            case CType.Function function -> new CType.Function(vector(function.result()), function.parameters(),
                    function.variadic(), function.prototyped());
            default -> new CType.Unsupported("a GCC vector (vector_size)", type.isConst());
        };
    }

    /**
     * An integer type of the mode's width and the declared type's signedness; a pointer of its own
     * width unchanged. Anything else, a 128-bit or floating-point mode or a mode gcc's target decides
     * on other than the pointer-sized ones, is a type no signature expresses.
     */
    private static CType mode(CType declared, String mode) {
        int bits = bits(mode);
        CType resolved = CType.resolve(declared);
        if (resolved instanceof CType.Pointer && bits == 64) {
            return declared;
        }
        if (resolved instanceof CType.Basic basic && isInteger(basic.primitive())) {
            if (bits > 64) {
                return new CType.Unsupported("a " + bits + "-bit integer (mode " + mode + ")", declared.isConst());
            }
            if (bits > 0) {
                return new CType.Basic(integer(bits, isUnsigned(basic.primitive())), declared.isConst());
            }
        }
        return new CType.Unsupported("a type of mode " + mode, declared.isConst());
    }

    /** The width of an integer mode on x86-64 and AArch64 Linux, or 0 for any other mode. */
    private static int bits(String mode) {
        return switch (mode) {
            case "QI", "byte" -> 8;
            case "HI" -> 16;
            case "SI" -> 32;
            case "DI", "word", "pointer", "unwind_word" -> 64;
            case "TI" -> 128;
            default -> 0;
        };
    }

    private static boolean isInteger(CType.Primitive primitive) {
        return switch (primitive) {
            case CHAR, SCHAR, UCHAR, SHORT, USHORT, INT, UINT, LONG, ULONG, LONGLONG, ULONGLONG -> true;
            default -> false;
        };
    }

    private static boolean isUnsigned(CType.Primitive primitive) {
        return switch (primitive) {
            case UCHAR, USHORT, UINT, ULONG, ULONGLONG -> true;
            default -> false;
        };
    }

    private static CType.Primitive integer(int bits, boolean unsigned) {
        return switch (bits) {
            case 8 -> unsigned ? CType.Primitive.UCHAR : CType.Primitive.SCHAR;
            case 16 -> unsigned ? CType.Primitive.USHORT : CType.Primitive.SHORT;
            case 32 -> unsigned ? CType.Primitive.UINT : CType.Primitive.INT;
            default -> unsigned ? CType.Primitive.ULONG : CType.Primitive.LONG;
        };
    }
}
