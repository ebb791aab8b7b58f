package dev.fastffi.importer;

/**
 * The GNU attributes of a declaration that change the type it declares rather than its alignment:
 * {@code vector_size}, which makes the base type a SIMD vector. Attributes before the declarators
 * apply to each of them, attributes after one to that one only.
 */
record TypeAttributes(boolean vector) {
    static final TypeAttributes NONE = new TypeAttributes(false);

    TypeAttributes withVector() {
        return new TypeAttributes(true);
    }

    /** {@code declared} as these attributes change it. */
    CType applyTo(CType declared) {
        return vector ? vector(declared) : declared;
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
}
