package dev.fastffi.importer;

import java.util.List;

/** A C type as a declaration spells it, with typedef names kept so that names and docs can use them. */
sealed interface CType {

    /** Whether the outermost level is {@code const}-qualified. */
    boolean isConst();

    /** The same type with {@code const} added at the outermost level. */
    CType withConst();

    /** The arithmetic types and {@code void}; {@code CHAR} is plain {@code char}, signed on the ABIs FFM runs on. */
    enum Primitive {
        VOID, BOOL, CHAR, SCHAR, UCHAR, SHORT, USHORT, INT, UINT, LONG, ULONG, LONGLONG, ULONGLONG,
        FLOAT, DOUBLE, LONG_DOUBLE, INT128, UINT128, FLOAT128, COMPLEX
    }

    /** An arithmetic type or {@code void}. */
    record Basic(Primitive primitive, boolean isConst) implements CType {
        @Override
        public CType withConst() {
            return new Basic(primitive, true);
        }
    }

    /** A type no signature can carry (va_list, typeof, _Atomic); the reason names it. */
    record Unsupported(String what, boolean isConst) implements CType {
        @Override
        public CType withConst() {
            return new Unsupported(what, true);
        }
    }

    /** {@code T *}. */
    record Pointer(CType target, boolean isConst) implements CType {
        @Override
        public CType withConst() {
            return new Pointer(target, true);
        }
    }

    /** {@code T[n]}; {@code length} is -1 for {@code T[]}. */
    record Array(CType element, long length, boolean isConst) implements CType {
        @Override
        public CType withConst() {
            return new Array(element, length, true);
        }
    }

    /** A function type; {@code prototyped} is false for K&R declarations such as {@code int f();}. */
    record Function(CType result, List<Parameter> parameters, boolean variadic, boolean prototyped) implements CType {
        @Override
        public boolean isConst() {
            return false;
        }

        @Override
        public CType withConst() {
            return this;
        }
    }

    /** A parameter; {@code name} is null when the declaration gives none. */
    record Parameter(String name, CType type) {}

    /** A typedef name, kept so that {@code size_t} maps to usize and callbacks take the typedef's name. */
    record Named(String name, CType target, boolean isConst) implements CType {
        @Override
        public CType withConst() {
            return new Named(name, target, true);
        }
    }

    /** A struct or union, possibly incomplete. */
    record StructRef(CStruct struct, boolean isConst) implements CType {
        @Override
        public CType withConst() {
            return new StructRef(struct, true);
        }
    }

    /** An enum; its values decide its width. */
    record EnumRef(CEnum enumeration, boolean isConst) implements CType {
        @Override
        public CType withConst() {
            return new EnumRef(enumeration, true);
        }
    }

    /** The type without typedef names at the outermost level. */
    static CType resolve(CType type) {
        CType t = type;
        while (t instanceof Named named) {
            t = named.isConst() ? named.target().withConst() : named.target();
        }
        return t;
    }
}
