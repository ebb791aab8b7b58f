package dev.fastffi.importer;

import dev.fastffi.model.NativeType;
import java.util.List;

/**
 * Turns a struct's members into the fields of a {@code @NativeStruct} signature and the components
 * of its record, or says why the struct has no faithful one: a union, an opaque struct, a packed
 * layout, a bit-field, a flexible array member, an anonymous member, an array of anything but numbers.
 */
final class StructFields {
    private StructFields() {}

    static void describe(CStruct struct, TypeMapper mapper, List<String> fields, List<Bindings.Parameter> components)
            throws TypeMapper.Unmappable {
        if (struct.union) {
            throw new TypeMapper.Unmappable("is a union, which a signature cannot express");
        }
        if (!struct.isComplete()) {
            throw new TypeMapper.Unmappable("is opaque: its fields are not declared");
        }
        if (struct.packed) {
            throw new TypeMapper.Unmappable("is packed or explicitly aligned, and a signature has natural alignment only");
        }
        if (struct.fields.isEmpty()) {
            throw new TypeMapper.Unmappable("has no fields");
        }
        Naming.Scope names = new Naming.Scope();
        for (int i = 0; i < struct.fields.size(); i++) {
            CStruct.Field field = struct.fields.get(i);
            if (field.name() == null) {
                throw new TypeMapper.Unmappable(field.bits() >= 0 ? "has a bit-field, which a signature cannot express"
                        : "has an anonymous struct or union member");
            }
            if (field.bits() >= 0) {
                throw new TypeMapper.Unmappable("has a bit-field '" + field.name() + "', which a signature cannot express");
            }
            if (field.aligned()) {
                throw new TypeMapper.Unmappable("has field '" + field.name() + "' that is packed or explicitly aligned,"
                        + " and a signature has natural alignment only");
            }
            TypeMapper.Mapped mapped = field(field, TypeMapper.baseName(struct), mapper);
            fields.add(mapped.signature());
            components.add(new Bindings.Parameter(names.claim(Naming.component(field.name())), mapped.javaType(),
                    declaration(field)));
        }
    }

    private static String declaration(CStruct.Field field) {
        return CTypes.declaration(field.type(), field.name());
    }

    private static TypeMapper.Mapped field(CStruct.Field field, String owner, TypeMapper mapper)
            throws TypeMapper.Unmappable {
        CType type = CType.resolve(field.type());
        if (type instanceof CType.Array array) {
            return array(field.name(), array, mapper);
        }
        if (type instanceof CType.StructRef ref) {
            if (mapper.struct(TypeMapper.named(ref.struct(), owner + "_" + field.name())) == null) {
                throw new TypeMapper.Unmappable("has field '" + field.name() + "' of " + ref.struct().cName() + ", which "
                        + ref.struct().skipReason);
            }
            return new TypeMapper.Mapped(ref.struct().javaName, ref.struct().javaName);
        }
        try {
            return mapper.map(field.type(), TypeMapper.Use.FIELD, field.name());
        } catch (TypeMapper.Unmappable e) {
            throw new TypeMapper.Unmappable("has field '" + field.name() + "' that is " + e.getMessage());
        }
    }

    /** A fixed array of scalars; a multi-dimensional one is flattened, as its layout is the same. */
    private static TypeMapper.Mapped array(String name, CType.Array array, TypeMapper mapper) throws TypeMapper.Unmappable {
        long length = 1;
        CType element = array;
        while (CType.resolve(element) instanceof CType.Array inner) {
            if (inner.length() < 0) {
                throw new TypeMapper.Unmappable("has a flexible array member '" + name + "'");
            }
            if (inner.length() == 0) {
                throw new TypeMapper.Unmappable("has a zero-length array '" + name + "'");
            }
            length *= inner.length();
            element = inner.element();
        }
        if (CType.resolve(element) instanceof CType.StructRef) {
            throw new TypeMapper.Unmappable("has an array of structs '" + name + "', which a signature cannot express");
        }
        if (length > Integer.MAX_VALUE) {
            throw new TypeMapper.Unmappable("has an array '" + name + "' too long for a Java array");
        }
        TypeMapper.Mapped mapped;
        try {
            mapped = mapper.map(element, TypeMapper.Use.FIELD, name);
        } catch (TypeMapper.Unmappable e) {
            throw new TypeMapper.Unmappable("has field '" + name + "' that is an array of " + e.getMessage());
        }
        NativeType type = NativeType.byName(mapped.signature()).orElse(null);
        if (type == null || !(type.isInteger() || type.kind() == NativeType.Kind.FLOAT)) {
            throw new TypeMapper.Unmappable("has field '" + name + "' that is an array of " + mapped.signature()
                    + ", and an array element must be an integer or a float");
        }
        return new TypeMapper.Mapped("[" + length + "]" + mapped.signature(), mapped.javaType() + "[]");
    }
}
