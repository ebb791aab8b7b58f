package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.Signature;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One exported data symbol read and written as a scalar or pointer C type; what {@code NativeGlobal}
 * does. Values are checked and boxed by {@link Conversions}, so they follow the rules of arguments
 * and {@code invoke} results. Unaligned layouts, because a wrong declared type must not crash.
 */
public final class GlobalVariable {
    private final NativeSymbol symbol;
    private final NativeType type;
    private final MemorySegment cell;

    private GlobalVariable(NativeSymbol symbol, NativeType type) {
        this.symbol = symbol;
        this.type = type;
        this.cell = reinterpret(symbol.address(), type.byteSize());
    }

    /**
     * Resolves {@code name} as a global of {@code typeName}.
     *
     * @throws FfiException {@code INVALID_SIGNATURE} for an unknown type or one a global cannot
     *     have, {@code SYMBOL_NOT_FOUND} when the library has no such symbol
     */
    public static GlobalVariable resolve(LibraryState library, String name, String typeName) {
        NativeType type = parse(library, name, typeName);
        // the setter's signature, so a rejected value is reported as argument 0 in the usual words
        Signature setter = new Signature(NativeType.VOID, List.of(type), false);
        return new GlobalVariable(NativeSymbol.resolve(library, name, setter), type);
    }

    /** The value boxed as {@code DynamicFunction.invoke} boxes results. */
    public Object get() {
        symbol.checkOpen();
        return Conversions.result(read(), type, Object.class);
    }

    /** Checks {@code value} as an argument of the global's type, then writes it; a rejected value writes nothing. */
    public void set(Object value) {
        symbol.checkOpen();
        write(Conversions.argument(value, type, symbol, 0, null));
    }

    public NativeType type() {
        return type;
    }

    public NativeSymbol symbol() {
        return symbol;
    }

    private Object read() {
        return switch (type) {
            case BOOL -> cell.get(ValueLayout.JAVA_BOOLEAN, 0);
            case I8, U8 -> cell.get(ValueLayout.JAVA_BYTE, 0);
            case I16 -> cell.get(ValueLayout.JAVA_SHORT_UNALIGNED, 0);
            case U16 -> cell.get(ValueLayout.JAVA_CHAR_UNALIGNED, 0);
            case I32, U32 -> cell.get(ValueLayout.JAVA_INT_UNALIGNED, 0);
            case I64, U64, ISIZE, USIZE -> cell.get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
            case F32 -> cell.get(ValueLayout.JAVA_FLOAT_UNALIGNED, 0);
            case F64 -> cell.get(ValueLayout.JAVA_DOUBLE_UNALIGNED, 0);
            case POINTER -> cell.get(ValueLayout.ADDRESS_UNALIGNED, 0);
            default -> throw new IllegalStateException(type + " is not a global's type");
        };
    }

    private void write(Object carrier) {
        switch (type) {
            case BOOL -> cell.set(ValueLayout.JAVA_BOOLEAN, 0, (Boolean) carrier);
            case I8, U8 -> cell.set(ValueLayout.JAVA_BYTE, 0, (Byte) carrier);
            case I16 -> cell.set(ValueLayout.JAVA_SHORT_UNALIGNED, 0, (Short) carrier);
            case U16 -> cell.set(ValueLayout.JAVA_CHAR_UNALIGNED, 0, (Character) carrier);
            case I32, U32 -> cell.set(ValueLayout.JAVA_INT_UNALIGNED, 0, (Integer) carrier);
            case I64, U64, ISIZE, USIZE -> cell.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, (Long) carrier);
            case F32 -> cell.set(ValueLayout.JAVA_FLOAT_UNALIGNED, 0, (Float) carrier);
            case F64 -> cell.set(ValueLayout.JAVA_DOUBLE_UNALIGNED, 0, (Double) carrier);
            case POINTER -> cell.set(ValueLayout.ADDRESS_UNALIGNED, 0, (MemorySegment) carrier);
            default -> throw new IllegalStateException(type + " is not a global's type");
        }
    }

    private static NativeType parse(LibraryState library, String name, String typeName) {
        String where = library.name() + " global '" + name + "': ";
        NativeType type = NativeType.byName(typeName == null ? "" : typeName.strip()).orElseThrow(() ->
                invalidType(where + "unknown type '" + typeName + "'; use one of " + allowed()));
        if (!isAllowed(type)) {
            throw invalidType(where + "a global cannot be of type '" + type.cName() + "'; use one of " + allowed()
                    + (type == NativeType.STRING ? " (a char * global is a 'pointer'; read the text through it)" : ""));
        }
        return type;
    }

    private static boolean isAllowed(NativeType type) {
        return switch (type.kind()) {
            case BOOL, INTEGER, FLOAT, POINTER -> true;
            default -> false;
        };
    }

    private static String allowed() {
        return Arrays.stream(NativeType.values()).filter(GlobalVariable::isAllowed).map(NativeType::cName)
                .collect(Collectors.joining(", "));
    }

    private static FfiException invalidType(String detail) {
        return new FfiException(FfiException.Code.INVALID_SIGNATURE, detail);
    }

    @SuppressWarnings("restricted")
    private static MemorySegment reinterpret(MemorySegment address, long size) {
        // the symbol's segment has size 0 and the library's scope; keeping that scope keeps the library loaded
        return address.reinterpret(size);
    }
}
