package dev.fastffi;

/** Options of a {@link DynamicFunction}, the run-time counterparts of {@code @NativeFunction}'s flags. */
public enum CallOption {
    /** Capture errno right after every call; read it with {@link Errno#last()}. */
    ERRNO
}
