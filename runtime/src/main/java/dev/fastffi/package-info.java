/**
 * fastffi's public API: open libraries, bind annotated interfaces, call functions whose signature
 * is known only at run time. Every failure is an {@link dev.fastffi.FfiException} with a code.
 */
package dev.fastffi;
