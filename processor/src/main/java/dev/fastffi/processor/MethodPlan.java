package dev.fastffi.processor;

import dev.fastffi.internal.signature.Signature;

/**
 * A validated method and the path it takes: wholly fast or wholly compatibility, never half.
 *
 * @param reason why the method is on the compatibility path; empty when it is fast
 */
record MethodPlan(NativeMethod method, Signature signature, boolean fast, String reason) {}
