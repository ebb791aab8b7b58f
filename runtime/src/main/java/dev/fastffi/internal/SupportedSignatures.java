package dev.fastffi.internal;

import dev.fastffi.FfiException;
import dev.fastffi.internal.signature.NativeType;
import dev.fastffi.internal.signature.Signature;
import java.util.stream.Stream;

/** Parses signatures and refuses, by name, the C types whose calls this version cannot make yet. */
public final class SupportedSignatures {
    private SupportedSignatures() {}

    /** The parsed signature, or {@code INVALID_SIGNATURE} for bad syntax or a type not supported yet. */
    public static Signature parse(String text) {
        Signature signature = Signature.parse(text);
        if (signature.variadic()) {
            throw unsupported(text, "variadic functions ('...') are not supported yet");
        }
        Stream.concat(Stream.of(signature.returnType()), signature.parameters().stream())
                .filter(type -> !supported(type))
                .findFirst()
                .ifPresent(type -> {
                    throw unsupported(text, "'" + type.cName() + "' is not supported yet");
                });
        return signature;
    }

    /** Whether calls can carry {@code type} in this version: all but callbacks. */
    public static boolean supported(NativeType type) {
        return type.kind() != NativeType.Kind.FUNCTION;
    }

    private static FfiException unsupported(String text, String problem) {
        return new FfiException(FfiException.Code.INVALID_SIGNATURE, problem + " in \"" + text + "\"");
    }
}
