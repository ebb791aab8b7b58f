package dev.fastffi.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;

/**
 * The accessors and canonical constructor of one record class, looked up once per class for the
 * compatibility path's struct conversions, as handles {@link UserAccess} can reach also in a
 * package its module keeps to itself.
 */
final class RecordAccess {
    private static final ClassValue<RecordAccess> CACHE = new ClassValue<>() {
        @Override
        protected RecordAccess computeValue(Class<?> type) {
            return new RecordAccess(type);
        }
    };

    private final Class<?>[] types;
    /** Per component, {@code (Object) -> Object}. */
    private final MethodHandle[] accessors;
    /** {@code (Object[]) -> Object}: the canonical constructor, spread. */
    private final MethodHandle constructor;

    private RecordAccess(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        MethodHandles.Lookup lookup = UserAccess.lookup(type);
        types = new Class<?>[components.length];
        accessors = new MethodHandle[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                accessors[i] = lookup.unreflect(components[i].getAccessor())
                        .asType(MethodType.methodType(Object.class, Object.class));
            }
            constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types))
                    .asSpreader(Object[].class, types.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException(type + " has no canonical constructor fastffi can call", e);
        }
    }

    static RecordAccess of(Class<?> record) {
        return CACHE.get(record);
    }

    /** The component types, in order. */
    Class<?>[] types() {
        return types.clone();
    }

    Object[] values(Record record) {
        Object[] values = new Object[accessors.length];
        try {
            for (int i = 0; i < accessors.length; i++) {
                values[i] = (Object) accessors[i].invokeExact((Object) record);
            }
        } catch (Throwable t) {
            throw Rethrow.unchecked(t);
        }
        return values;
    }

    Object create(Object[] values) {
        try {
            return (Object) constructor.invokeExact(values);
        } catch (Throwable t) {
            throw Rethrow.unchecked(t);
        }
    }
}
