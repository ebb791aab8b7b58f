package dev.fastffi;

import dev.fastffi.internal.ErrnoState;

/** errno as captured right after calls declared with {@code errno = true}. */
public final class Errno {
    private Errno() {}

    /**
     * The errno the calling thread's last {@code errno = true} call left, or 0 before the first.
     * Calls without {@code errno = true} leave it unchanged, as does everything the JVM does.
     */
    public static int last() {
        return ErrnoState.last();
    }
}
