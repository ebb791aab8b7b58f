/**
 * Annotations that declare C functions, callbacks and structs on Java interfaces and records.
 * The fastffi annotation processor reads them at compile time; the runtime reads them when no
 * generated binding exists.
 */
package dev.fastffi.annotations;
