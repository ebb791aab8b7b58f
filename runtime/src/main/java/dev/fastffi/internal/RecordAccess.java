package dev.fastffi.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * The accessors and canonical constructor of one record class, looked up once per class for the
 * compatibility path's struct conversions.
 */
final class RecordAccess {
    private static final ClassValue<RecordAccess> CACHE = new ClassValue<>() {
        @Override
        protected RecordAccess computeValue(Class<?> type) {
            return new RecordAccess(type);
        }
    };

    private final Class<?>[] types;
    private final Method[] accessors;
    private final Constructor<?> constructor;

    private RecordAccess(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        types = new Class<?>[components.length];
        accessors = new Method[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
        }
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
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
                values[i] = accessors[i].invoke(record);
            }
        } catch (ReflectiveOperationException e) {
            throw Rethrow.unchecked(e);
        }
        return values;
    }

    Object create(Object[] values) {
        try {
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw Rethrow.unchecked(e);
        }
    }
}
