package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.annotations.NativeStruct;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.ParseResult;
import dev.fastffi.model.Signature;
import dev.fastffi.model.StructRecords;
import dev.fastffi.model.StructType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Records at run time, as the processor sees them at compile time: the struct names a method may
 * use (its {@code @NativeStruct} parameter and result types, and theirs), and each record's check
 * against the struct it stands for.
 */
final class StructClasses {
    private StructClasses() {}

    /** The structs named by {@code @NativeStruct} records among the method's parameter and result types. */
    static Map<String, StructType> names(Method method) {
        Map<String, StructType> names = new TreeMap<>();
        Stream.concat(Arrays.stream(method.getParameterTypes()), Stream.of(method.getReturnType()))
                .forEach(type -> collect(type, names));
        return names;
    }

    private static void collect(Class<?> type, Map<String, StructType> names) {
        NativeStruct struct = type.getAnnotation(NativeStruct.class);
        if (type.isRecord() && struct != null && !names.containsKey(type.getSimpleName())) {
            names.put(type.getSimpleName(), structOf(type));
        }
    }

    /** The struct a {@code @NativeStruct} record declares; names in it are its components' records. */
    static StructType structOf(Class<?> record) {
        Map<String, StructType> names = new TreeMap<>();
        for (RecordComponent component : record.getRecordComponents()) {
            collect(component.getType(), names);
        }
        String text = record.getAnnotation(NativeStruct.class).value();
        String where = "@NativeStruct(\"" + text + "\") on " + record.getName();
        ParseResult parsed = Signature.tryParse(text + "()", names);
        if (!parsed.isValid()) {
            throw new FfiException(FfiException.Code.INVALID_SIGNATURE, where + ": " + parsed.error().describe());
        }
        if (parsed.signature().returnType() != NativeType.STRUCT) {
            throw new FfiException(FfiException.Code.INVALID_SIGNATURE, where
                    + " is not a struct; write its fields in braces, e.g. '{f64, f64}'");
        }
        return parsed.signature().returnStruct();
    }

    /** Why {@code type} cannot stand for {@code struct}, or null when it can. */
    static String mismatch(StructType struct, Class<?> type) {
        if (!type.isRecord()) {
            return type.getSimpleName() + " is not a record; a struct is passed as a record matching " + struct;
        }
        List<StructRecords.Mismatch> mismatches = StructRecords.check(struct, view(type));
        return mismatches.isEmpty() ? null : mismatches.get(0).message();
    }

    static StructRecords.RecordView view(Class<?> record) {
        List<StructRecords.Component> components = Arrays.stream(record.getRecordComponents())
                .map(c -> new StructRecords.Component(c.getName(), NativeMethod.typeName(c.getType()),
                        c.getType().isRecord() ? view(c.getType()) : null))
                .toList();
        return new StructRecords.RecordView() {
            @Override
            public String name() {
                return record.getSimpleName();
            }

            @Override
            public List<StructRecords.Component> components() {
                return components;
            }
        };
    }
}
