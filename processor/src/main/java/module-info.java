/**
 * The fastffi annotation processor. It runs from the processor path or, as this named module, from
 * the processor module path; it exports nothing.
 *
 * <p>JavaPoet is relocated into this module's jar (under {@code dev.fastffi.processor.internal}),
 * so the published processor needs no JavaPoet of its own and cannot clash with another version on
 * the same processor path. The {@code requires static} on it only serves compiling and documenting
 * the module before relocation. AutoService writes the services file at compile time; its
 * annotation is not kept for run time, so the module needs it only to compile. javac's syntax trees
 * ({@code jdk.compiler}) are read where the compiler is javac, which has that module anyway.
 */
@SuppressWarnings("requires-automatic") // JavaPoet's and AutoService's jars name their modules only in the manifest
module dev.fastffi.processor {
    requires java.compiler;
    requires static jdk.compiler;
    requires dev.fastffi.model;
    requires static com.palantir.javapoet;
    requires static com.google.auto.service;

    provides javax.annotation.processing.Processor
            with dev.fastffi.processor.FastFfiProcessor, dev.fastffi.processor.LocalInterfaceProcessor;
}
