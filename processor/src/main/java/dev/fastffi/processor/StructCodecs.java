package dev.fastffi.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.fastffi.model.FieldType;
import dev.fastffi.model.JavaTypes;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.Signature;
import dev.fastffi.model.StructType;
import dev.fastffi.processor.MemberNames.Member;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeMirror;

/**
 * The static methods of a binding that copy records into struct memory ({@code put$Point}) and
 * back ({@code get$Point}), one pair per record type and struct its fast methods pass, nested ones
 * included. A component may be any fast carrier of its field ({@code int} for u8, range-checked
 * in and zero-extended out), so one record may match structs of different layouts: each gets its pair.
 */
final class StructCodecs {
    private static final ClassName VALUE_LAYOUT = ClassName.get("java.lang.foreign", "ValueLayout");
    private static final ClassName ARGS = RuntimeTypes.ARGS;

    /**
     * One record type: the struct it was validated against and its settled method names; the
     * {@code putAll$}/{@code getAll$} pair exists when an array of it is passed as a buffer.
     *
     * @param pointerIn {@code in$Point}: a record copied in for a struct pointer, null as NULL
     * @param pointerInAll {@code inAll$Point}: a record array copied in for a struct pointer, null elements zeroed
     * @param pointerOut {@code out$Point}: the record a struct-pointer result points at, NULL as null
     */
    private record Codec(TypeElement record, StructType struct, String put, String get, String putAll, String getAll,
            String pointerIn, String pointerInAll, String pointerOut, boolean arrays, Set<Use> pointers) {}

    /** How a struct pointer uses a record: passed, passed as an array, returned. */
    private enum Use { IN, IN_ALL, OUT }

    private final Map<String, Codec> codecs = new TreeMap<>();

    private StructCodecs() {}

    /**
     * The codecs the members with generated calls need, named in one pass in sorted order from
     * {@code names}, which the members' own names and the interface's method names were taken from.
     */
    static StructCodecs settle(List<Member> members, NameAllocator names) {
        Map<String, Map.Entry<TypeElement, StructType>> found = new TreeMap<>();
        Set<String> arrays = new HashSet<>();
        Map<String, Set<Use>> pointers = new TreeMap<>();
        members.stream().filter(member -> member.plan().direct()).forEach(member -> {
            collect(member.plan(), found, arrays);
            collectPointers(member.plan(), found, pointers);
        });
        StructCodecs settled = new StructCodecs();
        Set<String> taken = new HashSet<>();
        found.forEach((key, entry) -> {
            String simple = entry.getKey().getSimpleName().toString();
            String unique = simple;
            for (int n = 2; !taken.add(unique); n++) {
                unique = simple + n;
            }
            settled.codecs.put(key, new Codec(entry.getKey(), entry.getValue(),
                    MemberNames.reserve(names, "put$" + unique), MemberNames.reserve(names, "get$" + unique),
                    MemberNames.reserve(names, "putAll$" + unique), MemberNames.reserve(names, "getAll$" + unique),
                    MemberNames.reserve(names, "in$" + unique), MemberNames.reserve(names, "inAll$" + unique),
                    MemberNames.reserve(names, "out$" + unique), arrays.contains(key),
                    pointers.getOrDefault(key, Set.of())));
        });
        return settled;
    }

    /** The records a method passes or returns as structs, and those whose arrays it passes as buffers. */
    private static void collect(MethodPlan plan, Map<String, Map.Entry<TypeElement, StructType>> found,
            Set<String> arrays) {
        Signature signature = plan.signature();
        List<NativeMethod.JavaParameter> parameters = plan.method().parameters();
        for (int i = 0; i < signature.arity(); i++) {
            if (signature.parameter(i) == NativeType.STRUCT) {
                collect(parameters.get(i).type(), signature.struct(i), found);
            } else if (signature.parameter(i) == NativeType.BUFFER
                    && parameters.get(i).typeName().equals(JavaTypes.STRUCT_ARRAY)) {
                TypeMirror element = ((ArrayType) parameters.get(i).type()).getComponentType();
                StructType declared = declared(element);
                collect(element, declared, found);
                arrays.add(key(element, declared));
            }
        }
        if (signature.returnType() == NativeType.STRUCT) {
            collect(plan.method().resultType(), signature.returnStruct(), found);
        }
    }

    /** The records a method passes or returns behind struct pointers, and how. */
    private static void collectPointers(MethodPlan plan, Map<String, Map.Entry<TypeElement, StructType>> found,
            Map<String, Set<Use>> pointers) {
        Signature signature = plan.signature();
        List<NativeMethod.JavaParameter> parameters = plan.method().parameters();
        for (int i = 0; i < signature.arity(); i++) {
            if (signature.parameter(i) != NativeType.STRUCT_POINTER
                    || parameters.get(i).typeName().equals(JavaTypes.SEGMENT)) {
                continue;
            }
            boolean array = parameters.get(i).typeName().equals(JavaTypes.STRUCT_ARRAY);
            TypeMirror record = array ? ((ArrayType) parameters.get(i).type()).getComponentType()
                    : parameters.get(i).type();
            collect(record, signature.struct(i), found);
            pointers.computeIfAbsent(key(record, signature.struct(i)), n -> new java.util.TreeSet<>())
                    .add(array ? Use.IN_ALL : Use.IN);
        }
        if (signature.returnType() == NativeType.STRUCT_POINTER
                && !plan.method().resultTypeName().equals(JavaTypes.SEGMENT)) {
            collect(plan.method().resultType(), signature.returnStruct(), found);
            pointers.computeIfAbsent(key(plan.method().resultType(), signature.returnStruct()),
                    n -> new java.util.TreeSet<>()).add(Use.OUT);
        }
    }

    private static void collect(TypeMirror type, StructType struct, Map<String, Map.Entry<TypeElement, StructType>> found) {
        TypeElement record = StructMirrors.record(type).orElseThrow();
        found.putIfAbsent(key(type, struct), Map.entry(record, struct));
        List<RecordComponentElement> components = StructMirrors.components(record);
        for (int i = 0; i < components.size(); i++) {
            if (struct.fields().get(i) instanceof StructType nested) {
                collect(components.get(i).asType(), nested, found);
            }
        }
    }

    /** {@code put$Point(segment, 0L, value, symbol$, index)}: writes a struct argument, refusing null. */
    CodeBlock put(TypeMirror type, StructType struct, String segment, String value, String symbol, int index) {
        return CodeBlock.of("$N($N, 0L, $N, $N, $L)", codec(type, struct).put(), segment, value, symbol, index);
    }

    /** {@code get$Point(segment, 0L)}: the record read out of a struct result. */
    CodeBlock get(TypeMirror type, StructType struct, CodeBlock segment) {
        return CodeBlock.of("$N($L, 0L)", codec(type, struct).get(), segment);
    }

    /** {@code putAll$Point(scratch$, values, symbol$, index)}: a buffer argument's array copied into scratch memory. */
    CodeBlock putAll(TypeMirror arrayType, String scratch, String values, String symbol, int index) {
        return CodeBlock.of("$N($N, $N, $N, $L)", arrayCodec(arrayType).putAll(), scratch, values, symbol, index);
    }

    /** {@code getAll$Point(passed, values)}: replaces the array's elements by what C left in scratch memory. */
    CodeBlock getAll(TypeMirror arrayType, String passed, String values) {
        return CodeBlock.of("$N($N, $N)", arrayCodec(arrayType).getAll(), passed, values);
    }

    /** As {@link #getAll} for an array of records passed behind a pointer to {@code struct}. */
    CodeBlock pointerOutAll(TypeMirror arrayType, StructType struct, String passed, String values) {
        return CodeBlock.of("$N($N, $N)", codec(((ArrayType) arrayType).getComponentType(), struct).getAll(), passed,
                values);
    }

    /** {@code in$Point(scratch$, value, symbol$, index)}: a record behind a struct pointer, null as NULL. */
    CodeBlock pointerIn(TypeMirror type, StructType struct, String scratch, String value, String symbol, int index) {
        return CodeBlock.of("$N($N, $N, $N, $L)", codec(type, struct).pointerIn(), scratch, value, symbol, index);
    }

    /** {@code inAll$Point(scratch$, values, symbol$, index)}: an array of records behind a struct pointer. */
    CodeBlock pointerInAll(TypeMirror arrayType, StructType struct, String scratch, String values, String symbol,
            int index) {
        return CodeBlock.of("$N($N, $N, $N, $L)", codec(((ArrayType) arrayType).getComponentType(), struct)
                .pointerInAll(), scratch, values, symbol, index);
    }

    /** {@code out$Point(segment)}: the record a struct-pointer result points at, null for NULL. */
    CodeBlock pointerOut(TypeMirror type, StructType struct, String segment) {
        return CodeBlock.of("$N($N)", codec(type, struct).pointerOut(), segment);
    }

    /** The codec of a buffer's array of records, laid out by the element record's own {@code @NativeStruct}. */
    private Codec arrayCodec(TypeMirror arrayType) {
        TypeMirror element = ((ArrayType) arrayType).getComponentType();
        return codec(element, declared(element));
    }

    private Codec codec(TypeMirror type, StructType struct) {
        return codecs.get(key(type, struct));
    }

    /** The struct a {@code @NativeStruct} record declares. */
    private static StructType declared(TypeMirror record) {
        return StructMirrors.structOf(StructMirrors.record(record).orElseThrow()).signature().returnStruct();
    }

    /** A record and the struct it is copied as: its qualified name, then the struct. */
    private static String key(TypeMirror type, StructType struct) {
        return StructMirrors.record(type).orElseThrow().getQualifiedName() + " " + struct;
    }

    /**
     * At most how many constant-pool entries the codecs add to the binding class: each of a
     * codec's up to six methods (its name, descriptor, name-and-type and reference), and for each
     * field, nested ones too, the record accessor and the memory access that read or write it.
     */
    int constantsBound() {
        int constants = 0;
        for (Codec codec : codecs.values()) {
            constants += 6 * 4 + 8 + 8 * fields(codec.struct());
        }
        return constants;
    }

    private static int fields(StructType struct) {
        int count = 0;
        for (FieldType field : struct.fields()) {
            count += 1 + (field instanceof StructType nested ? fields(nested) : 0);
        }
        return count;
    }

    List<MethodSpec> methods() {
        List<MethodSpec> methods = new ArrayList<>();
        for (Codec codec : codecs.values()) {
            methods.add(putMethod(codec));
            methods.add(getMethod(codec));
            if (codec.arrays()) {
                methods.add(putAllMethod(codec));
            }
            // an array copied back: a buffer of records, or records behind a struct pointer
            if (codec.arrays() || codec.pointers().contains(Use.IN_ALL)) {
                methods.add(getAllMethod(codec));
            }
            if (codec.pointers().contains(Use.IN)) {
                methods.add(pointerInMethod(codec));
            }
            if (codec.pointers().contains(Use.IN_ALL)) {
                methods.add(pointerInAllMethod(codec));
            }
            if (codec.pointers().contains(Use.OUT)) {
                methods.add(pointerOutMethod(codec));
            }
        }
        return methods;
    }

    private MethodSpec putMethod(Codec codec) {
        MethodSpec.Builder put = MethodSpec.methodBuilder(codec.put())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(Carriers.SEGMENT, "segment$")
                .addParameter(long.class, "offset$")
                .addParameter(TypeName.get(codec.record().asType()), "value$")
                .addParameter(RuntimeTypes.NATIVE_SYMBOL, "symbol$")
                .addParameter(int.class, "index$")
                .addStatement("$T.struct(value$$, symbol$$, index$$)", ARGS);
        List<RecordComponentElement> components = StructMirrors.components(codec.record());
        for (int i = 0; i < components.size(); i++) {
            CodeBlock value = CodeBlock.of("value$$.$N()", components.get(i).getSimpleName().toString());
            long offset = codec.struct().offset(i);
            switch (codec.struct().fields().get(i)) {
                case FieldType.Scalar scalar -> put.addStatement("segment$$.set($T.$L, offset$$ + $LL, $L)",
                        VALUE_LAYOUT, layout(scalar.type()), offset,
                        scalarIn(scalar.type(), BindingReader.typeName(components.get(i).asType()), value, i));
                case FieldType.Array array -> put.addStatement(
                        "$T.copy($T.array($L, $L, symbol$$, index$$), 0, segment$$, $T.$L, offset$$ + $LL, $L)",
                        Carriers.SEGMENT, ARGS, value, array.length(), VALUE_LAYOUT, layout(array.element()), offset,
                        array.length());
                case StructType nested -> put.addStatement("$N(segment$$, offset$$ + $LL, $L, symbol$$, index$$)",
                        codec(components.get(i).asType(), nested).put(), offset, value);
            }
        }
        return put.build();
    }

    /**
     * Component {@code field} of Java type {@code javaType} as the carrier of its C {@code type}: a
     * wider integer range-checked by the runtime's field checks, a {@code long} address as a segment,
     * a segment checked to be native (null as NULL), as the compatibility path checks it.
     */
    private static CodeBlock scalarIn(NativeType type, String javaType, CodeBlock value, int field) {
        if (type == NativeType.POINTER || type == NativeType.FUNCTION) {
            return javaType.equals("long") ? CodeBlock.of("$T.ofAddress($L)", Carriers.SEGMENT, value)
                    : CodeBlock.of("$T.$L($L, symbol$$, index$$, $L)", ARGS,
                            type == NativeType.POINTER ? "pointerField" : "functionField", value, field);
        }
        boolean widened = javaType.equals("int") && type.byteSize() < 4
                || javaType.equals("long") && type == NativeType.U32;
        return widened ? CodeBlock.of("$T.$L($L, symbol$$, index$$, $L)", ARGS, type.cName(), value, field) : value;
    }

    /**
     * A field read with its carrier's layout as component type {@code javaType}: zero-extended for
     * u8 in {@code int} and u32 in {@code long}, an address for a pointer in {@code long}; Java
     * widens the others (i8 and i16 sign-extend, u16's {@code char} zero-extends).
     */
    private static CodeBlock scalarOut(NativeType type, String javaType, CodeBlock read) {
        if (type == NativeType.U8 && javaType.equals("int")) {
            return CodeBlock.of("$T.toUnsignedInt($L)", Byte.class, read);
        }
        if (type == NativeType.U32 && javaType.equals("long")) {
            return CodeBlock.of("$T.toUnsignedLong($L)", Integer.class, read);
        }
        if (type == NativeType.POINTER && javaType.equals("long")) {
            return CodeBlock.of("$L.address()", read);
        }
        return read;
    }

    private MethodSpec getMethod(Codec codec) {
        List<CodeBlock> values = new ArrayList<>();
        List<RecordComponentElement> components = StructMirrors.components(codec.record());
        for (int i = 0; i < components.size(); i++) {
            long offset = codec.struct().offset(i);
            values.add(switch (codec.struct().fields().get(i)) {
                case FieldType.Scalar scalar -> scalarOut(scalar.type(),
                        BindingReader.typeName(components.get(i).asType()),
                        CodeBlock.of("segment$$.get($T.$L, offset$$ + $LL)", VALUE_LAYOUT, layout(scalar.type()), offset));
                case FieldType.Array array -> CodeBlock.of("segment$$.asSlice(offset$$ + $LL, $LL).toArray($T.$L)",
                        offset, array.layout().byteSize(), VALUE_LAYOUT, layout(array.element()));
                case StructType nested -> CodeBlock.of("$N(segment$$, offset$$ + $LL)",
                        codec(components.get(i).asType(), nested).get(), offset);
            });
        }
        TypeName record = TypeName.get(codec.record().asType());
        return MethodSpec.methodBuilder(codec.get())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(record)
                .addParameter(Carriers.SEGMENT, "segment$")
                .addParameter(long.class, "offset$")
                .addStatement("return new $T($L)", record, CodeBlock.join(values, ", "))
                .build();
    }

    /** A C array of the struct, element {@code i} at {@code i * sizeof}; a null array is NULL. */
    private static MethodSpec putAllMethod(Codec codec) {
        return arrayInMethod(codec, codec.putAll(), false);
    }

    private static MethodSpec getAllMethod(Codec codec) {
        long size = codec.struct().layout().byteSize();
        return MethodSpec.methodBuilder(codec.getAll())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(Carriers.SEGMENT, "segment$")
                .addParameter(ArrayTypeName.of(TypeName.get(codec.record().asType())), "values$")
                .beginControlFlow("for (int i$$ = 0; values$$ != null && i$$ < values$$.length; i$$++)")
                .addStatement("values$$[i$$] = $N(segment$$, $LL * i$$)", codec.get(), size)
                .endControlFlow()
                .build();
    }

    private static MethodSpec pointerInMethod(Codec codec) {
        return MethodSpec.methodBuilder(codec.pointerIn())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(Carriers.SEGMENT)
                .addParameter(RuntimeTypes.SCRATCH, "scratch$")
                .addParameter(TypeName.get(codec.record().asType()), "value$")
                .addParameter(RuntimeTypes.NATIVE_SYMBOL, "symbol$")
                .addParameter(int.class, "index$")
                .beginControlFlow("if (value$$ == null)")
                .addStatement("return $T.NULL", Carriers.SEGMENT)
                .endControlFlow()
                .addStatement("$T segment$$ = scratch$$.allocate($LL)", Carriers.SEGMENT,
                        codec.struct().layout().byteSize())
                .addStatement("$N(segment$$, 0L, value$$, symbol$$, index$$)", codec.put())
                .addStatement("return segment$$")
                .build();
    }

    /** As {@link #putAllMethod}, with a null element as a zeroed struct: C may fill it. */
    private static MethodSpec pointerInAllMethod(Codec codec) {
        return arrayInMethod(codec, codec.pointerInAll(), true);
    }

    /**
     * Copies an array of records into scratch memory as a C array; a null element is put as the
     * record codec puts it (which refuses it) or, with {@code zeroNulls}, written as a zeroed struct.
     */
    private static MethodSpec arrayInMethod(Codec codec, String name, boolean zeroNulls) {
        long size = codec.struct().layout().byteSize();
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(Carriers.SEGMENT)
                .addParameter(RuntimeTypes.SCRATCH, "scratch$")
                .addParameter(ArrayTypeName.of(TypeName.get(codec.record().asType())), "values$")
                .addParameter(RuntimeTypes.NATIVE_SYMBOL, "symbol$")
                .addParameter(int.class, "index$")
                .beginControlFlow("if (values$$ == null)")
                .addStatement("return $T.NULL", Carriers.SEGMENT)
                .endControlFlow()
                .addStatement("$T segment$$ = scratch$$.allocate($LL * values$$.length)", Carriers.SEGMENT, size)
                .beginControlFlow("for (int i$$ = 0; i$$ < values$$.length; i$$++)");
        if (zeroNulls) {
            method.beginControlFlow("if (values$$[i$$] == null)")
                    .addStatement("segment$$.asSlice($LL * i$$, $LL).fill((byte) 0)", size, size)
                    .nextControlFlow("else");
        }
        method.addStatement("$N(segment$$, $LL * i$$, values$$[i$$], symbol$$, index$$)", codec.put(), size);
        if (zeroNulls) {
            method.endControlFlow();
        }
        return method.endControlFlow()
                .addStatement("return segment$$")
                .build();
    }

    private static MethodSpec pointerOutMethod(Codec codec) {
        return MethodSpec.methodBuilder(codec.pointerOut())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TypeName.get(codec.record().asType()))
                .addParameter(Carriers.SEGMENT, "segment$")
                .addStatement("return segment$$.address() == 0L ? null : $N(segment$$, 0L)", codec.get())
                .build();
    }

    /** The {@code ValueLayout} constant a scalar field is read and written with. */
    private static String layout(NativeType type) {
        return switch (type) {
            case BOOL -> "JAVA_BOOLEAN";
            case I8, U8 -> "JAVA_BYTE";
            case I16 -> "JAVA_SHORT";
            case U16 -> "JAVA_CHAR";
            case I32, U32 -> "JAVA_INT";
            case F32 -> "JAVA_FLOAT";
            case F64 -> "JAVA_DOUBLE";
            case POINTER, FUNCTION -> "ADDRESS";
            default -> "JAVA_LONG";
        };
    }
}
