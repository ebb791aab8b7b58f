/**
 * The fastffi annotation processor: it reads every interface with {@code @NativeFunction} methods,
 * validates it against the runtime's signature model and generates one Panama binding class for it.
 */
package dev.fastffi.processor;
