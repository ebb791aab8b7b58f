package dev.fastffi.processor;

import dev.fastffi.processor.MemberNames.Member;
import dev.fastffi.processor.NativeMethod.JavaParameter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How much of what the JVM limits the class generated for one interface would use, estimated from
 * its plan before anything is written. A method's code is at most 65,535 bytes, and a class has
 * fewer than 65,535 constant-pool entries. The constructor assigns each function's symbol field
 * and the static initializer each function's call site, and only they may assign those
 * {@code final} fields, so both grow by a statement per function: an interface of several
 * thousand functions can need more than one class holds. The processor reports that on the
 * interface rather than generate a class javac rejects with "code too large" or "too many
 * constants".
 *
 * <p>Each statement is counted at the most bytes javac gives it (an index past 127 takes
 * {@code sipush}, a constant past the first 255 takes {@code ldc_w}), and the constants at their
 * most, so that an estimate is never below the class javac writes; a test compiles bindings of
 * every kind of member and holds the estimates to that.
 */
final class ClassSize {
    /** The most bytes of code in one method, and one more than the most constant-pool entries. */
    static final int LIMIT = 65_535;

    /** {@code aload_0}, {@code sipush}, {@code aaload}, {@code putfield}/{@code putstatic}, and so on. */
    private static final int LOAD = 1;
    private static final int INDEX = 3;
    private static final int CONSTANT = 3;
    private static final int FIELD = 3;
    private static final int INVOKE = 3;
    private static final int NEW_ARRAY = INDEX + 3;
    /** One element of an array of constants: {@code dup}, the index, the constant, {@code aastore}. */
    private static final int ARRAY_ELEMENT = 1 + INDEX + CONSTANT + 1;

    /** Constant-pool entries every binding class has: its own and the runtime's classes and methods. */
    private static final int FIXED_CONSTANTS = 400;

    /** The estimates; see {@link ClassSize}. */
    record Estimate(int constructorBytes, int initializerBytes, int constants) {}

    private ClassSize() {}

    static Estimate of(BindingPlan plan) {
        List<Member> members = plan.members();
        int symbolChunks = plan.symbols().size();
        int siteChunks = plan.sites().size();
        int handleChunks = plan.handles().size();
        int libraries = BindingGenerator.libraryNames(plan.element()).map(List::size).orElse(0);

        // super(); return; then NativeSymbol[] symbols$ = binder.symbols(...chunks)
        long constructor = LOAD + INVOKE + 1;
        if (symbolChunks > 0) {
            constructor += LOAD + NEW_ARRAY + (long) ARRAY_ELEMENT * symbolChunks + INVOKE + LOAD;
        }
        // ADDRESSES$ = ConstantAddresses.of(MethodHandles.lookup()), the sites, the handles, register(...)
        long initializer = 1;
        if (siteChunks > 0) {
            initializer += INVOKE + INVOKE + FIELD + FIELD + NEW_ARRAY + (long) ARRAY_ELEMENT * siteChunks + INVOKE + LOAD;
        }
        if (handleChunks > 0) {
            initializer += NEW_ARRAY + (long) ARRAY_ELEMENT * handleChunks + INVOKE + LOAD;
        }
        initializer += INVOKE + CONSTANT + 2 + NEW_ARRAY + (long) ARRAY_ELEMENT * libraries + 3 + 1 + INVOKE + INVOKE;

        long constants = FIXED_CONSTANTS + 2L * (symbolChunks + siteChunks + handleChunks + libraries);
        Set<String> javaDescriptors = new HashSet<>();
        Set<String> carrierDescriptors = new HashSet<>();
        Set<String> userTypes = new HashSet<>();
        for (Member member : members) {
            MethodPlan method = member.plan();
            NativeMethod.Flags flags = method.method().flags();
            boolean free = !method.method().free().isEmpty();
            // the method's name, and its field's name, name-and-type and reference
            constants += 4;
            javaDescriptors.add(javaDescriptor(method.method()));
            userTypes.addAll(userTypes(method.method()));
            if (method.direct()) {
                // its site field: the name, name-and-type and reference, as for the symbol field
                constants += 3;
                carrierDescriptors.add(BindingGenerator.carriers(method));
                if (BindingGenerator.packable(method)) {
                    // this.f$ = symbols$[i]
                    constructor += LOAD + LOAD + INDEX + 1 + FIELD;
                } else {
                    // this.f$ = binder.symbol("f", "sig"), with its two strings
                    constructor += LOAD + LOAD + CONSTANT + CONSTANT + INVOKE + FIELD;
                    constants += 4;
                }
                if (free) {
                    // this.f$free = binder.free("free"): its field and string
                    constructor += LOAD + LOAD + CONSTANT + INVOKE + FIELD;
                    constants += 5;
                }
                // f$Handle = sites$[i]
                initializer += LOAD + INDEX + 1 + FIELD;
                if (method.method().async()) {
                    // the private body the pool runs, and the lambda that hands it over
                    constants += 12;
                }
            } else {
                // this.f$ = binder.compat("f", "sig"[, errno[, optional[, "free"]]])
                constructor += LOAD + LOAD + CONSTANT + CONSTANT + INVOKE + FIELD
                        + (free ? 1 + 1 + CONSTANT : flags.optional() || flags.errno() ? 1 : 0);
                constants += 4 + (free ? 2 : 0);
            }
        }
        // a descriptor's text; an invokeExact's text, name-and-type and reference; a class and its name
        constants += javaDescriptors.size() + 3L * carrierDescriptors.size() + 2L * userTypes.size();
        constants += plan.structs().constantsBound();
        return new Estimate(saturate(constructor), saturate(initializer), saturate(constants));
    }

    /** What of {@code estimate} is over the JVM's limits, as the middle of a sentence; empty when it fits. */
    static Optional<String> excess(Estimate estimate) {
        if (estimate.constructorBytes() > LIMIT) {
            return Optional.of("its constructor would need about " + number(estimate.constructorBytes())
                    + " bytes of code");
        }
        if (estimate.initializerBytes() > LIMIT) {
            return Optional.of("its static initializer would need about " + number(estimate.initializerBytes())
                    + " bytes of code");
        }
        if (estimate.constants() >= LIMIT) {
            return Optional.of("its constant pool would need about " + number(estimate.constants()) + " entries");
        }
        return Optional.empty();
    }

    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static int saturate(long n) {
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    /** The override's parameter and result types, which its descriptor is made of. */
    private static String javaDescriptor(NativeMethod method) {
        StringBuilder descriptor = new StringBuilder("(");
        for (JavaParameter parameter : method.parameters()) {
            descriptor.append(parameter.type()).append(';');
        }
        return descriptor.append(')').append(method.resultType()).append(method.async()).toString();
    }

    /** The declared (not primitive, not the JDK's) types the method names: each is a class constant. */
    private static Set<String> userTypes(NativeMethod method) {
        Set<String> types = new HashSet<>();
        for (JavaParameter parameter : method.parameters()) {
            types.add(parameter.type().toString());
        }
        types.add(method.resultType().toString());
        types.removeIf(type -> type.startsWith("java.") || !type.contains("."));
        return types;
    }
}
