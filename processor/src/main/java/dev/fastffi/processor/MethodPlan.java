package dev.fastffi.processor;

import dev.fastffi.model.MethodCheck;
import dev.fastffi.model.Signature;

/**
 * A validated method and the path it takes: wholly fast or wholly compatibility, never half.
 *
 * @param direct whether the generated body calls the method's own handle with {@code invokeExact}:
 *     every FAST method, and a COMPAT one whose only non-fast types are {@code String} arguments,
 *     which are copied into scratch memory as buffers are; every other COMPAT method
 *     calls {@code CompatFunction}
 * @param reason why the method is on the compatibility path; empty when it is fast
 * @param text the signature written out as {@link Signature#toString()} writes it, which generated
 *     code hands back to the runtime's parser; kept, since the generator needs it several times
 *     for each of what may be thousands of methods
 * @param display the signature as people read it, with the struct names the annotation gave, for
 *     the generated Javadoc
 */
record MethodPlan(NativeMethod method, Signature signature, boolean fast, boolean direct, String reason, String text,
        String display) {
    /** The plan the rules made for {@code method}. */
    MethodPlan(NativeMethod method, MethodCheck.Plan plan) {
        this(method, plan.signature(), plan.fast(), plan.direct(), plan.reason(), plan.signature().toString(),
                plan.display());
    }
}
