package dev.fastffi.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the native library an interface binds to, as candidates tried in order.
 *
 * <p>A candidate is a path ({@code /opt/lib/libfoo.so}), a soname ({@code libz.so.1}) or a bare
 * name ({@code z}), which is also tried as {@code libz.so} and then as the installed versioned
 * soname such as {@code libz.so.1}. A candidate {@code classpath:native/{platform}/libfoo.so} is
 * a resource of the interface's class loader, extracted into a cache directory and loaded from
 * there (see {@code Library.open}). An interface without this annotation binds against the
 * process and the C library. Only interfaces take it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NativeLibrary {
    /** The candidate names, tried in order: at least one, and none blank (the processor reports either). */
    String[] value();
}
