package dev.fastffi.model;

import java.lang.foreign.AddressLayout;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How many arguments the platform's linker takes. FFM links a downcall to a method handle, and a
 * method handle has at most 255 parameter slots, of which the linker keeps three for itself:
 * 252 remain. An argument of more than 4 bytes takes two slots (a {@code long} or {@code double}),
 * a smaller one takes one, and a struct by value is spread over one argument per 8 bytes (2 slots
 * each, 1 for a last piece of 4 bytes or less). Capturing errno, a struct result and a variadic
 * call each take one more {@code long}: on JDK 25 x86-64 Linux that admits 252 {@code i32}, 126
 * {@code i64} or 63 {@code {i64, i64}} arguments, and one slot more is refused.
 *
 * <p>A critical call ({@code Linker.Option.critical(true)}, which lets C read the Java heap) passes
 * each address as a heap object and an offset, 3 slots: a pointer, buffer, string or struct
 * pointer argument, errno's capture segment, and the buffer of a struct result C returns in memory
 * (more than 16 bytes) each take 3, so 84 pointer arguments are the most it links. The rule counts
 * by C type and the annotation, one limit whatever the path: a pointer passed as a Java
 * {@code long} (FFM takes it as 2) and a method on the compatibility path (linked without
 * critical) count 3 per address too.
 *
 * <p>A struct result is not spread over slots, but linking one costs time and memory in its
 * size: FFM looks at every element of a struct it passes by value to classify it, which for a
 * struct of megabytes takes seconds and can exhaust the heap. No struct result of more than
 * {@link #MAX_STRUCT_RESULT} bytes is linked; a C caller keeps a struct result in its own stack
 * frame, so a C API that returns more than that by value is one few C programs could call either.
 */
public final class ArgumentSlots {
    /** The argument slots of one downcall. */
    public static final int LIMIT = 252;
    /** What to do about a call with too many arguments. */
    public static final String ADVICE = "pass some arguments in memory, e.g. as a buffer or a struct pointer";
    /**
     * The largest struct C returns in registers on x86-64 and AArch64; a larger one comes back
     * through a buffer the caller passes, an address.
     */
    private static final long REGISTER_RESULT = 16;
    /** The largest struct a call returns by value: 1 MiB. */
    public static final long MAX_STRUCT_RESULT = 1 << 20;

    private ArgumentSlots() {}

    /**
     * The slots one argument of {@code type} takes; {@code struct} is its fields when it is a
     * struct, and {@code critical} when the call is linked with heap access. A long: a struct of
     * gigabytes needs more slots than an {@code int} counts.
     */
    public static long of(NativeType type, StructType struct, boolean critical) {
        if (type == NativeType.STRUCT) {
            long size = struct.layout().byteSize();
            return size / 8 * 2 + (size % 8 == 0 ? 0 : size % 8 > 4 ? 2 : 1);
        }
        if (critical && type.valueLayout() instanceof AddressLayout) {
            return 3;
        }
        return type.valueLayout().byteSize() > 4 ? 2 : 1;
    }

    /**
     * The slots a call of {@code signature} takes with {@code types} as its arguments: the fixed
     * ones and, for a variadic call, those given for the variadic part (promoted as C promotes them).
     */
    public static long of(Signature signature, List<NativeType> types, boolean errno, boolean critical) {
        int address = critical ? 3 : 2;
        long slots = (errno ? address : 0) + (signature.variadic() ? 2 : 0);
        if (signature.returnType() == NativeType.STRUCT) {
            slots += signature.returnStruct().layout().byteSize() > REGISTER_RESULT ? address : 2;
        }
        for (int i = 0; i < types.size(); i++) {
            slots += of(types.get(i), i < signature.arity() && types.get(i) == NativeType.STRUCT
                    ? signature.struct(i) : null, critical);
        }
        return errno ? Math.max(slots, errnoHandback(signature, types)) : slots;
    }

    /**
     * The slots of the handle that hands errno back after the call, beyond the address and the
     * capture segment (which the linker's count holds too): every argument at its Java carrier, a
     * struct result's allocator, what the call threw and what it returned. That is fewer than the
     * linker's count unless the result is a {@code long} or {@code double}: then numbers alone fill
     * the 255 slots of a method handle one argument sooner.
     */
    private static long errnoHandback(Signature signature, List<NativeType> types) {
        long slots = 1 + javaSlots(signature.returnType()) + (signature.returnType() == NativeType.STRUCT ? 1 : 0);
        for (NativeType type : types) {
            slots += javaSlots(type);
        }
        return slots;
    }

    private static int javaSlots(NativeType type) {
        Class<?> carrier = type.carrier();
        return carrier == void.class ? 0 : carrier == long.class || carrier == double.class ? 2 : 1;
    }

    /**
     * What is wrong with a call of {@code signature} with {@code types}, if its arguments need more
     * slots than {@link #LIMIT} or its struct result is larger than {@link #MAX_STRUCT_RESULT}: what
     * a message says after the signature, ending with what to do instead.
     */
    public static Optional<String> problem(Signature signature, List<NativeType> types, boolean errno,
            boolean critical) {
        long result = signature.returnType() == NativeType.STRUCT ? signature.returnStruct().layout().byteSize() : 0;
        if (result > MAX_STRUCT_RESULT) {
            return Optional.of("returns a struct of " + bytes(result)
                    + " bytes by value, more than the " + bytes(MAX_STRUCT_RESULT) + " fastffi passes that way (to"
                    + " link a call, FFM looks at every element of such a struct, which for one of megabytes takes"
                    + " seconds and can exhaust the heap); return a pointer to the struct instead");
        }
        long slots = of(signature, types, errno, critical);
        if (slots <= LIMIT) {
            return Optional.empty();
        }
        return Optional.of("has " + Message.count(types.size(), "argument") + ", more than the platform's linker"
                + " takes: they need " + slots + " argument slots and it has " + LIMIT + " (at most " + LIMIT
                + " arguments of 4 bytes or less, or " + LIMIT / 2 + " of 8 bytes; a struct by value takes 2 per 8"
                + " bytes, and errno, a struct result and variadic arguments 2 more (errno 3 when the result is"
                + " an 8-byte number)"
                + (critical ? "; with critical = true an address, errno and a struct result of more than "
                        + REGISTER_RESULT + " bytes take 3" : "") + "); " + ADVICE);
    }

    private static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** As {@link #problem(Signature, List, boolean, boolean)} for the fixed arguments of {@code signature}. */
    public static Optional<String> problem(Signature signature, boolean errno, boolean critical) {
        return problem(signature, signature.parameters(), errno, critical);
    }
}
