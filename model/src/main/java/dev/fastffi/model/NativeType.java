package dev.fastffi.model;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The C types a signature can name, with the facts every path needs about them. */
public enum NativeType {
    VOID("void", Kind.VOID, 0, false),
    BOOL("bool", Kind.BOOL, 1, false),
    I8("i8", Kind.INTEGER, 1, true),
    U8("u8", Kind.INTEGER, 1, false),
    I16("i16", Kind.INTEGER, 2, true),
    U16("u16", Kind.INTEGER, 2, false),
    I32("i32", Kind.INTEGER, 4, true),
    U32("u32", Kind.INTEGER, 4, false),
    I64("i64", Kind.INTEGER, 8, true),
    U64("u64", Kind.INTEGER, 8, false),
    ISIZE("isize", Kind.INTEGER, 8, true),
    USIZE("usize", Kind.INTEGER, 8, false),
    F32("f32", Kind.FLOAT, 4, true),
    F64("f64", Kind.FLOAT, 8, true),
    POINTER("pointer", Kind.POINTER, 8, false),
    BUFFER("buffer", Kind.BUFFER, 8, false),
    FUNCTION("function", Kind.FUNCTION, 8, false),
    STRING("string", Kind.STRING, 8, false),
    /** A struct by value; which struct is {@link Signature#struct(int)} or {@link Signature#returnStruct()}. */
    STRUCT("struct", Kind.STRUCT, 0, false),
    /**
     * A pointer to a struct, {@code Name*} or {@code {...}*}; which struct is found as for
     * {@link #STRUCT}. Passed as an address; never a struct field, where it is {@code pointer}.
     */
    STRUCT_POINTER("struct*", Kind.STRUCT_POINTER, 8, false);

    /** What a type is, independent of its width. */
    public enum Kind { VOID, BOOL, INTEGER, FLOAT, POINTER, BUFFER, FUNCTION, STRING, STRUCT, STRUCT_POINTER }

    /** Built with a loop, not a stream: the first parse is on every binding's start-up path. */
    private static final Map<String, NativeType> BY_NAME = byName();

    private static Map<String, NativeType> byName() {
        Map<String, NativeType> names = new HashMap<>();
        for (NativeType type : values()) {
            // a struct is written as its fields or its record's name, never as 'struct' or 'struct*'
            if (type.kind != Kind.STRUCT && type.kind != Kind.STRUCT_POINTER) {
                names.put(type.cName, type);
            }
        }
        names.put("str", STRING);
        names.put("arraybuffer", BUFFER);
        return Map.copyOf(names);
    }

    private final String cName;
    private final Kind kind;
    private final int byteSize;
    private final boolean signed;

    NativeType(String cName, Kind kind, int byteSize, boolean signed) {
        this.cName = cName;
        this.kind = kind;
        this.byteSize = byteSize;
        this.signed = signed;
    }

    /** The canonical name used in signatures, for example {@code "u32"}. */
    public String cName() {
        return cName;
    }

    /**
     * The Java type FFM carries this C type as: {@code byte} for i8 and u8, {@code char} for u16,
     * {@code MemorySegment} for pointers, buffers, callbacks, strings and structs. The one table
     * behind downcall handles, upcall stubs, the compatibility path and the processor's casts.
     */
    public Class<?> carrier() {
        return switch (this) {
            case VOID -> void.class;
            case BOOL -> boolean.class;
            case I8, U8 -> byte.class;
            case I16 -> short.class;
            case U16 -> char.class;
            case I32, U32 -> int.class;
            case I64, U64, ISIZE, USIZE -> long.class;
            case F32 -> float.class;
            case F64 -> double.class;
            case POINTER, BUFFER, FUNCTION, STRING, STRUCT, STRUCT_POINTER -> MemorySegment.class;
        };
    }

    /** The layout FFM passes a value of this type with; structs have their own, {@code void} none. */
    public ValueLayout valueLayout() {
        return switch (this) {
            case BOOL -> ValueLayout.JAVA_BOOLEAN;
            case I8, U8 -> ValueLayout.JAVA_BYTE;
            case I16 -> ValueLayout.JAVA_SHORT;
            case U16 -> ValueLayout.JAVA_CHAR;
            case I32, U32 -> ValueLayout.JAVA_INT;
            case I64, U64, ISIZE, USIZE -> ValueLayout.JAVA_LONG;
            case F32 -> ValueLayout.JAVA_FLOAT;
            case F64 -> ValueLayout.JAVA_DOUBLE;
            case POINTER, BUFFER, FUNCTION, STRING, STRUCT_POINTER -> ValueLayout.ADDRESS;
            case VOID, STRUCT -> throw new IllegalArgumentException(cName + " has no scalar layout");
        };
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the type may be a struct field or array element: a scalar with a fixed layout. */
    public boolean allowedInStruct() {
        return switch (kind) {
            case BOOL, INTEGER, FLOAT, POINTER, FUNCTION -> true;
            default -> false;
        };
    }

    /** Size in bytes (0 for a struct, whose size is its layout's); {@code isize}, {@code usize} and pointers follow the 64-bit platforms FFM runs on. */
    public int byteSize() {
        return byteSize;
    }

    /** Whether an integer type is signed; floats count as signed. */
    public boolean isSigned() {
        return signed;
    }

    /** Whether this is one of the integer types, {@code i8} to {@code usize}. */
    public boolean isInteger() {
        return kind == Kind.INTEGER;
    }

    /** Whether the type names a struct, by value or by pointer, whose fields are in {@link Signature#structs()}. */
    public boolean hasStruct() {
        return kind == Kind.STRUCT || kind == Kind.STRUCT_POINTER;
    }

    /** Whether the type is allowed as a return type. */
    public boolean allowedAsReturn() {
        return kind != Kind.BUFFER;
    }

    /** Whether the type is allowed as an argument type. */
    public boolean allowedAsArgument() {
        return kind != Kind.VOID;
    }

    /** Smallest value of an integer type. */
    public long minValue() {
        requireInteger();
        return signed ? -(1L << (byteSize * 8 - 1)) : 0;
    }

    /**
     * Largest value of an integer type that a {@code long} can hold.
     *
     * @throws IllegalStateException for u64 and usize, whose 2^64-1 no long holds
     */
    public long maxValue() {
        requireInteger();
        if (!signed && byteSize == 8) {
            throw new IllegalStateException(cName + " has no largest long value; it is 2^64-1");
        }
        return signed ? (1L << (byteSize * 8 - 1)) - 1 : (1L << (byteSize * 8)) - 1;
    }

    private void requireInteger() {
        if (kind != Kind.INTEGER) {
            throw new IllegalStateException(cName + " is not an integer type");
        }
    }

    /** Looks a type up by its exact (lower-case) name or alias. */
    public static Optional<NativeType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every accepted name, canonical names and aliases, for suggestions. */
    static Stream<String> allNames() {
        return BY_NAME.keySet().stream().sorted();
    }

    /** The name a misspelled or wrongly cased type name most likely meant, if any is close. */
    static Optional<String> closestName(String misspelled) {
        String lower = misspelled.toLowerCase(Locale.ROOT);
        if (BY_NAME.containsKey(lower)) {
            return Optional.of(lower);
        }
        return allNames()
                .filter(candidate -> editDistance(lower, candidate) <= Math.max(1, candidate.length() / 3))
                .min((a, b) -> Integer.compare(editDistance(lower, a), editDistance(lower, b)));
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        Arrays.setAll(previous, i -> i);
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
