package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.annotations.NativeStruct;
import dev.fastffi.internal.memory.Scratch;
import dev.fastffi.model.FieldType;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.StructType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Array;

/**
 * The compatibility path's struct values: a record, or an {@code Object[]} of fields with nested
 * structs as nested arrays, written into and read out of memory laid out as {@link StructType#layout()}.
 * Scalar fields take any carrier the type table allows for the field, converted and range-checked as
 * arguments are, and a rejected one is named by its field, so both paths reject alike.
 *
 * <p>A {@code function} field whose component is a {@code @NativeCallback} interface is read as a
 * view of the function pointer (null for NULL), closed with the library of the function that
 * returned or filled in the struct; C memory read with no such function, and a struct C passes
 * to a callback, gives views of the never-closed system library. It is written as a callback
 * argument is: a view as the address it calls, any other callback object as its stub, valid while
 * Java holds the object, and null as NULL.
 */
public final class StructValues {
    /** The struct of each {@code @NativeStruct} record class, parsed once. */
    private static final ClassValue<StructType> STRUCTS = new ClassValue<>() {
        @Override
        protected StructType computeValue(Class<?> type) {
            return StructClasses.structOf(type);
        }
    };

    private StructValues() {}

    /** Copies an array of {@code @NativeStruct} records into scratch memory as a C array of the struct. */
    static MemorySegment arrayIn(Record[] records, NativeSymbol site, int index, Scratch scratch) {
        Class<?> type = records.getClass().getComponentType();
        if (!type.isAnnotationPresent(NativeStruct.class)) {
            throw Args.invalid(site, index, NativeType.BUFFER, Conversions.describe(records) + " cannot be passed as"
                    + " a buffer; annotate " + type.getSimpleName() + " with @NativeStruct to lay it out as a struct");
        }
        StructType struct = STRUCTS.get(type);
        long size = struct.layout().byteSize();
        MemorySegment segment = scratch.allocate(size * records.length);
        for (int i = 0; i < records.length; i++) {
            write(segment, size * i, struct, records[i], site, index);
        }
        return segment;
    }

    /** Replaces every element of {@code records} by the record C left at its place in {@code passed}. */
    static void arrayOut(Record[] records, MemorySegment passed, LibraryState library) {
        Class<?> type = records.getClass().getComponentType();
        StructType struct = STRUCTS.get(type);
        long size = struct.layout().byteSize();
        for (int i = 0; i < records.length; i++) {
            records[i] = (Record) read(passed, size * i, struct, type, library);
        }
    }

    /**
     * The address passed for struct-pointer argument {@code index}: null is NULL, a segment passes
     * as is, a record or {@code Object[]} of fields is copied into scratch memory, and an array of
     * records is copied in as a C array of the struct, a null element as a zeroed struct.
     */
    static MemorySegment pointerIn(Object value, StructType struct, NativeSymbol site, int index, Scratch scratch) {
        return switch (value) {
            case null -> MemorySegment.NULL;
            case MemorySegment segment -> Args.pointer(segment, NativeType.STRUCT_POINTER, site, index);
            case Record[] records -> {
                long size = struct.layout().byteSize();
                MemorySegment segment = scratch.allocate(size * records.length);
                for (int i = 0; i < records.length; i++) {
                    if (records[i] == null) {
                        segment.asSlice(size * i, size).fill((byte) 0);
                    } else {
                        write(segment, size * i, struct, records[i], site, index);
                    }
                }
                yield segment;
            }
            default -> in(value, struct, site, index, scratch);
        };
    }

    /** Replaces every element of {@code records} by the struct C left at its place in {@code passed}. */
    static void pointerArrayOut(Record[] records, MemorySegment passed, StructType struct, LibraryState library) {
        Class<?> type = records.getClass().getComponentType();
        long size = struct.layout().byteSize();
        for (int i = 0; i < records.length; i++) {
            records[i] = (Record) read(passed, size * i, struct, type, library);
        }
    }

    /**
     * A struct-pointer result as {@code javaType}: the segment itself for {@code MemorySegment} or
     * {@code Object}, else the record read from it, null for NULL.
     */
    static Object pointerResult(MemorySegment segment, StructType struct, Class<?> javaType, LibraryState library) {
        if (javaType == MemorySegment.class || javaType == Object.class) {
            return segment;
        }
        return segment.address() == 0 ? null : read(segment, 0, struct, javaType, library);
    }

    /** Copies {@code value} into new scratch memory: the segment passed for struct argument {@code index}. */
    static MemorySegment in(Object value, StructType struct, NativeSymbol site, int index, Scratch scratch) {
        MemorySegment segment = scratch.allocate(struct.layout().byteSize());
        write(segment, 0, struct, value, site, index);
        return segment;
    }

    static void write(MemorySegment segment, long offset, StructType struct, Object value, NativeSymbol site,
            int index) {
        Object[] fields = fields(value, struct, site, index);
        for (int i = 0; i < fields.length; i++) {
            long at = offset + struct.offset(i);
            switch (struct.fields().get(i)) {
                case FieldType.Scalar scalar -> put(segment, at, scalar.type(), fields[i], site, index, i);
                case FieldType.Array array -> putArray(segment, at, array, fields[i], site, index, i);
                case StructType nested -> write(segment, at, nested, fields[i], site, index);
            }
        }
    }

    /** The field values of a record or an {@code Object[]}, as many as the struct has fields. */
    private static Object[] fields(Object value, StructType struct, NativeSymbol site, int index) {
        Object[] fields = switch (value) {
            case null -> throw Args.invalidStruct(site, index, "null cannot be passed as a struct");
            case Record record -> RecordAccess.of(record.getClass()).values(record);
            case Object[] array -> array;
            default -> throw Args.invalidStruct(site, index, Conversions.describe(value)
                    + " cannot be passed as a struct; pass a record or an Object[] of its fields");
        };
        if (fields.length != struct.fields().size()) {
            throw Args.invalidStruct(site, index, Conversions.describe(value) + " does not have the struct's "
                    + struct.fields().size() + " fields");
        }
        return fields;
    }

    private static void putArray(MemorySegment segment, long offset, FieldType.Array array, Object value,
            NativeSymbol site, int index, int field) {
        if (value == null || !value.getClass().isArray() || Array.getLength(value) != array.length()) {
            String found = value == null ? "null" : Conversions.describe(value);
            throw Args.invalidStruct(site, index, "an array field needs exactly " + array.length()
                    + " elements, not " + found);
        }
        long size = FieldType.valueLayout(array.element()).byteSize();
        for (int i = 0; i < array.length(); i++) {
            put(segment, offset + i * size, array.element(), Array.get(value, i), site, index, field);
        }
    }

    /** Writes one scalar converted as an argument is; a rejected value is reported under its field. */
    private static void put(MemorySegment segment, long offset, NativeType type, Object value, NativeSymbol site,
            int index, int field) {
        Object carrier;
        try {
            carrier = Conversions.argument(value, type, site, index, null);
        } catch (FfiException rejected) {
            throw Args.inField(rejected, site, index, field, type);
        }
        switch (carrier) {
            case Boolean b -> segment.set(ValueLayout.JAVA_BOOLEAN, offset, b);
            case Byte b -> segment.set(ValueLayout.JAVA_BYTE, offset, b);
            case Short s -> segment.set(ValueLayout.JAVA_SHORT, offset, s);
            case Character c -> segment.set(ValueLayout.JAVA_CHAR, offset, c);
            case Integer i -> segment.set(ValueLayout.JAVA_INT, offset, i);
            case Long l -> segment.set(ValueLayout.JAVA_LONG, offset, l);
            case Float f -> segment.set(ValueLayout.JAVA_FLOAT, offset, f);
            case Double d -> segment.set(ValueLayout.JAVA_DOUBLE, offset, d);
            case MemorySegment m -> segment.set(ValueLayout.ADDRESS, offset, m);
            default -> throw new IllegalStateException("no carrier " + carrier.getClass());
        }
    }

    /**
     * Reads the struct at {@code segment} as {@code javaType}: a record of matching components, or
     * for {@code Object.class} an {@code Object[]} boxed as {@code invoke} results are. Views of
     * {@code function} fields belong to the never-closed system library.
     */
    public static Object read(MemorySegment segment, long offset, StructType struct, Class<?> javaType) {
        return read(segment, offset, struct, javaType, SystemLibrary.state());
    }

    /**
     * As {@link #read(MemorySegment, long, StructType, Class)}, views of {@code function} fields
     * closed with {@code library}.
     */
    static Object read(MemorySegment segment, long offset, StructType struct, Class<?> javaType,
            LibraryState library) {
        boolean asRecord = javaType.isRecord();
        Class<?>[] components = asRecord ? RecordAccess.of(javaType).types() : null;
        Object[] values = new Object[struct.fields().size()];
        for (int i = 0; i < values.length; i++) {
            Class<?> target = asRecord ? components[i] : Object.class;
            long at = offset + struct.offset(i);
            values[i] = switch (struct.fields().get(i)) {
                case FieldType.Scalar scalar -> scalar.type() == NativeType.FUNCTION && CallbackType.isCallback(target)
                        ? Views.field(target, library, segment.get(ValueLayout.ADDRESS, at))
                        : get(segment, at, scalar.type(), target);
                case FieldType.Array array -> getArray(segment, at, array, target);
                case StructType nested -> read(segment, at, nested, target, library);
            };
        }
        return asRecord ? RecordAccess.of(javaType).create(values) : values;
    }

    private static Object getArray(MemorySegment segment, long offset, FieldType.Array array, Class<?> target) {
        Class<?> element = target == Object.class ? Object.class : target.getComponentType();
        Object values = Array.newInstance(element, array.length());
        long size = FieldType.valueLayout(array.element()).byteSize();
        for (int i = 0; i < array.length(); i++) {
            Array.set(values, i, get(segment, offset + i * size, array.element(), element));
        }
        return values;
    }

    private static Object get(MemorySegment segment, long offset, NativeType type, Class<?> target) {
        Object carrier = switch (type) {
            case BOOL -> segment.get(ValueLayout.JAVA_BOOLEAN, offset);
            case I8, U8 -> segment.get(ValueLayout.JAVA_BYTE, offset);
            case I16 -> segment.get(ValueLayout.JAVA_SHORT, offset);
            case U16 -> segment.get(ValueLayout.JAVA_CHAR, offset);
            case I32, U32 -> segment.get(ValueLayout.JAVA_INT, offset);
            case F32 -> segment.get(ValueLayout.JAVA_FLOAT, offset);
            case F64 -> segment.get(ValueLayout.JAVA_DOUBLE, offset);
            case POINTER, FUNCTION -> segment.get(ValueLayout.ADDRESS, offset);
            default -> segment.get(ValueLayout.JAVA_LONG, offset);
        };
        return Conversions.result(carrier, type, target);
    }
}
