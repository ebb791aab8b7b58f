package dev.fastffi.model;

import java.util.List;

/** What {@link MethodRules} found about one method: every violation and, when there is none, its plan. */
public record MethodCheck(List<Violation> violations, Plan plan) {

    /**
     * The path a method takes: wholly fast or wholly compatibility, never half.
     *
     * @param direct whether generated code calls the method's own handle with {@code invokeExact}:
     *     every FAST method, and a COMPAT one whose only non-fast types are {@code String} arguments,
     *     which are copied into scratch memory as buffers are; every other COMPAT method goes through
     *     the runtime's compatibility function
     * @param reason why the method is on the compatibility path; empty when it is fast
     * @param display the signature as people read it, a struct named by its record where the
     *     annotation named it so ({@link ParseResult#display()})
     */
    public record Plan(Signature signature, boolean fast, boolean direct, String reason, String display) {}

    public boolean isClean() {
        return violations.isEmpty();
    }
}
