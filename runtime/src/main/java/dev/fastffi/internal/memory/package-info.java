/**
 * Not API: the scratch memory that buffer and string arguments are copied into for one call, per
 * platform thread, or lent to the call from a shared pool on a virtual thread. Public only so that generated code can call it; it changes without notice.
 */
package dev.fastffi.internal.memory;
