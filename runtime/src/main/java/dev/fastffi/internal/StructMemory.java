package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.annotations.NativeStruct;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.Signature;
import dev.fastffi.model.StructType;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code @NativeStruct} records read from and written to memory at an address: the struct each
 * record class declares, checked against its components once per class, and its layout with the
 * members named after the components.
 */
public final class StructMemory {
    /**
     * {@code NativeMemory.write} checks a record's fields as struct argument 1 of a function
     * {@code write} of this library, so its messages read as a struct argument's:
     * {@code NativeMemory write, argument 1 ({u8, f64}): ...}.
     */
    private static final LibraryState SITE_LIBRARY = new LibraryState("NativeMemory", null, true);

    /** Computed once per record class; a class that fails the check throws again on every use. */
    private static final ClassValue<Checked> CHECKED = new ClassValue<>() {
        @Override
        protected Checked computeValue(Class<?> type) {
            return check(type);
        }
    };

    /** A record's struct, its named layout and the site its values are checked as. */
    private record Checked(StructType struct, StructLayout layout, NativeSymbol site) {}

    private StructMemory() {}

    /**
     * The struct {@code type}, a {@code @NativeStruct} record class, declares.
     *
     * @throws FfiException {@code INVALID_SIGNATURE} when its {@code @NativeStruct} text does not
     *     parse or its components do not match the struct
     */
    public static StructType struct(Class<?> type) {
        return CHECKED.get(type).struct();
    }

    /** The layout fastffi reads and writes {@code type} with, members named after its components. */
    public static StructLayout layout(Class<?> type) {
        return CHECKED.get(type).layout();
    }

    /** The record of class {@code type} in {@code memory}, which is at least the struct's size. */
    public static <R> R read(Class<R> type, MemorySegment memory) {
        return type.cast(StructValues.read(memory, 0, struct(type), type));
    }

    /**
     * Writes {@code value} into {@code memory}, which is at least the struct's size. Every field is
     * converted and range-checked first, so a rejected value writes nothing.
     */
    public static void write(MemorySegment memory, Record value) {
        Checked checked = CHECKED.get(value.getClass());
        long size = checked.layout().byteSize();
        // long[] gives the 8-byte alignment any field may need; a heap segment holds addresses as raw bits
        MemorySegment staged = MemorySegment.ofArray(new long[(int) ((size + 7) / 8)]);
        StructValues.write(staged, 0, checked.struct(), value, checked.site(), 1);
        MemorySegment.copy(staged, 0, memory, 0, size);
    }

    private static Checked check(Class<?> type) {
        StructType struct = StructClasses.structOf(type);
        Signature write = new Signature(NativeType.VOID, List.of(NativeType.POINTER, NativeType.STRUCT), false,
                List.of(struct));
        return new Checked(struct, named(struct, type), new NativeSymbol(SITE_LIBRARY, "write", write, null));
    }

    /** {@link StructType#layout()}, each field named after its component, nested records alike. */
    private static StructLayout named(StructType struct, Class<?> record) {
        RecordComponent[] components = record.getRecordComponents();
        List<MemoryLayout> members = new ArrayList<>();
        int field = 0;
        for (MemoryLayout member : struct.layout().memberLayouts()) {
            if (member.name().isEmpty()) {
                members.add(member);  // padding
                continue;
            }
            MemoryLayout layout = struct.fields().get(field) instanceof StructType nested
                    ? named(nested, components[field].getType()) : member;
            members.add(layout.withName(components[field].getName()));
            field++;
        }
        return MemoryLayout.structLayout(members.toArray(MemoryLayout[]::new)).withName(record.getSimpleName());
    }
}
