/**
 * Not API: the runtime half of generated bindings (linking, closed-library checks, argument
 * conversions, the compatibility path). Exported only so that generated code can call it; it
 * changes without notice.
 */
package dev.fastffi.internal;
