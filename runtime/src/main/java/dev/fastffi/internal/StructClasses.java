package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.annotations.NativeStruct;
import dev.fastffi.model.JavaTypes;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.ParseResult;
import dev.fastffi.model.Signature;
import dev.fastffi.model.StructRecords;
import dev.fastffi.model.StructRules;
import dev.fastffi.model.StructType;
import dev.fastffi.model.Violation;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Records at run time, as the processor sees them at compile time: each {@code @NativeStruct}
 * record's struct, checked by the model's {@link StructRules}, and the view of a record that the
 * model's rules check against a struct.
 */
final class StructClasses {
    private StructClasses() {}

    /** Parses the record's {@code @NativeStruct} value; names in it are its components' records. */
    static ParseResult parse(Class<?> record) {
        return parse(record, new HashSet<>());
    }

    /** As {@link #parse(Class)}; a record being parsed already ({@code inside}) is left out, so one that holds itself ends. */
    private static ParseResult parse(Class<?> record, Set<Class<?>> inside) {
        inside.add(record);
        Map<String, StructType> names = new TreeMap<>();
        for (RecordComponent component : record.getRecordComponents()) {
            Class<?> type = component.getType();
            if (type.isRecord() && type.isAnnotationPresent(NativeStruct.class) && !inside.contains(type)) {
                ParseResult nested = parse(type, inside);
                if (nested.isValid() && nested.signature().returnType() == NativeType.STRUCT) {
                    names.putIfAbsent(type.getSimpleName(), nested.signature().returnStruct());
                }
            }
        }
        inside.remove(record);
        return Signature.tryParse(record.getAnnotation(NativeStruct.class).value() + "()", names);
    }

    /** What the model's rules find wrong with a {@code @NativeStruct} record, as sentences. */
    static List<String> problems(Class<?> record) {
        return StructRules.check(record.getAnnotation(NativeStruct.class).value(), parse(record), view(record))
                .stream().map(Violation::text).toList();
    }

    /**
     * The struct a {@code @NativeStruct} record declares.
     *
     * @throws FfiException {@code INVALID_SIGNATURE} naming the record when it breaks a rule
     */
    static StructType structOf(Class<?> record) {
        List<String> problems = problems(record);
        if (!problems.isEmpty()) {
            throw new FfiException(FfiException.Code.INVALID_SIGNATURE, record.getSimpleName() + ": "
                    + String.join("\n", problems));
        }
        return parse(record).signature().returnStruct();
    }

    /** As {@link NativeMethod#typeName}, with a callback interface named as the type table does. */
    private static String componentName(Class<?> type) {
        return CallbackType.isCallback(type) ? JavaTypes.CALLBACK : NativeMethod.typeName(type);
    }

    static StructRecords.RecordView view(Class<?> record) {
        return view(record, new HashSet<>());
    }

    /** The record's view; a component's record the view is {@code inside} already is {@link StructRecords#itself}. */
    private static StructRecords.RecordView view(Class<?> record, Set<Class<?>> inside) {
        inside.add(record);
        List<StructRecords.Component> components = Arrays.stream(record.getRecordComponents())
                .map(c -> new StructRecords.Component(c.getName(), componentName(c.getType()),
                        !c.getType().isRecord() ? null
                                : inside.contains(c.getType()) ? StructRecords.itself(c.getType().getSimpleName())
                                : view(c.getType(), inside)))
                .toList();
        inside.remove(record);
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
