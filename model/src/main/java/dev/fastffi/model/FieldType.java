package dev.fastffi.model;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;

/** The type of one struct field: a scalar, a fixed array of scalars, or a nested struct. */
public sealed interface FieldType permits FieldType.Scalar, FieldType.Array, StructType {

    /** The field's layout with natural C alignment. */
    MemoryLayout layout();

    /** A scalar field: {@code bool}, an integer, a float, {@code pointer} or {@code function}. */
    record Scalar(NativeType type) implements FieldType {
        public Scalar {
            if (!type.allowedInStruct()) {
                throw new IllegalArgumentException(type.cName() + " is not a struct field type");
            }
        }

        @Override
        public MemoryLayout layout() {
            return valueLayout(type);
        }

        @Override
        public String toString() {
            return type.cName();
        }
    }

    /** A fixed array {@code [length]element} of integers or floats. */
    record Array(int length, NativeType element) implements FieldType {
        public Array {
            if (length < 1 || !element.allowedInStruct()) {
                throw new IllegalArgumentException("[" + length + "]" + element.cName() + " is not a field type");
            }
        }

        @Override
        public MemoryLayout layout() {
            return MemoryLayout.sequenceLayout(length, valueLayout(element));
        }

        @Override
        public String toString() {
            return "[" + length + "]" + element.cName();
        }
    }

    /** The layout FFM reads and writes a scalar of {@code type} with, aligned to its size. */
    static ValueLayout valueLayout(NativeType type) {
        if (type == NativeType.BUFFER || type == NativeType.STRING) {
            throw new IllegalArgumentException(type.cName() + " has no field layout");
        }
        return type.valueLayout();
    }
}
