/**
 * Not API: the per-thread scratch memory that buffer and string arguments are copied into for one
 * call. Public only so that generated code can call it; it changes without notice.
 */
package dev.fastffi.internal.memory;
