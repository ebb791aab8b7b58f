package dev.fastffi.model;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A C struct passed by value, {@code {f64, [4]i32, {u8, f64}}}: its fields in order and the one
 * layout both the runtime and the processor use, with natural C alignment and padding.
 * {@link #toString()} prints the inline form the parser reads back.
 */
public record StructType(List<FieldType> fields) implements FieldType {
    /**
     * Layouts and offsets computed once per distinct struct, of which a program has as many as its
     * signatures name: the compatibility path asks for them on every call.
     */
    private static final Map<StructType, Computed> COMPUTED = new ConcurrentHashMap<>();

    private record Computed(StructLayout layout, long[] offsets) {}

    public StructType {
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a struct needs at least one field");
        }
    }

    /**
     * Fields named {@code f0}, {@code f1}, …, each at the next multiple of its alignment, with
     * padding after the last up to the struct's alignment, as C lays structs out.
     */
    @Override
    public StructLayout layout() {
        return computed().layout();
    }

    /** The byte offset of field {@code index} from the start of the struct. */
    public long offset(int index) {
        return computed().offsets()[index];
    }

    /** Not computeIfAbsent: a nested struct computes its own layout meanwhile, a recursive update. */
    private Computed computed() {
        Computed computed = COMPUTED.get(this);
        if (computed == null) {
            computed = compute(this);
            COMPUTED.putIfAbsent(this, computed);
        }
        return computed;
    }

    private static Computed compute(StructType struct) {
        StructLayout layout = struct.naturalLayout();
        long[] offsets = new long[struct.fields.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = layout.byteOffset(MemoryLayout.PathElement.groupElement("f" + i));
        }
        return new Computed(layout, offsets);
    }

    private StructLayout naturalLayout() {
        List<MemoryLayout> members = new ArrayList<>();
        long offset = 0;
        long alignment = 1;
        for (int i = 0; i < fields.size(); i++) {
            MemoryLayout field = fields.get(i).layout();
            long aligned = align(offset, field.byteAlignment());
            if (aligned > offset) {
                members.add(MemoryLayout.paddingLayout(aligned - offset));
            }
            members.add(field.withName("f" + i));
            offset = aligned + field.byteSize();
            alignment = Math.max(alignment, field.byteAlignment());
        }
        if (align(offset, alignment) > offset) {
            members.add(MemoryLayout.paddingLayout(align(offset, alignment) - offset));
        }
        return MemoryLayout.structLayout(members.toArray(MemoryLayout[]::new));
    }

    private static long align(long offset, long alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }

    @Override
    public String toString() {
        return fields.stream().map(FieldType::toString).collect(Collectors.joining(", ", "{", "}"));
    }
}
