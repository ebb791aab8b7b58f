package dev.fastffi;

/**
 * How one method of a native interface is called, as {@link FastFfi#describe} reports it.
 *
 * @param method the Java method name
 * @param signature the C signature in canonical form
 * @param path FAST or COMPAT
 * @param reason why, in words a user can act on
 */
public record CallPlan(String method, String signature, CallPath path, String reason) {}
