package dev.fastffi.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declares a record as a C struct passed by value; signatures may use the record's simple name. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NativeStruct {
    /** The struct layout, for example {@code "{f64, f64}"}. */
    String value();
}
