package dev.fastffi.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a functional interface as a C callback type with the given signature. Its one abstract
 * method may come from a generic interface it extends, with the types it binds there:
 * {@code interface Cmp extends Comparator<MemorySegment>} takes two segments.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NativeCallback {
    /** The C signature of the callback, for example {@code "i32(pointer, pointer)"}. */
    String value();
}
