package dev.fastffi.processor;

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
 */
record MethodPlan(NativeMethod method, Signature signature, boolean fast, boolean direct, String reason, String text) {
    MethodPlan(NativeMethod method, Signature signature, boolean fast, boolean direct, String reason) {
        this(method, signature, fast, direct, reason, signature.toString());
    }
}
