/**
 * fastffi at the scale of a large C API: javac with and without the processor on one interface of
 * N functions, and {@code FastFfi.load} of its binding in a fresh JVM
 * ({@link dev.fastffi.benchmarks.scale.ProcessorScaleProbe}).
 */
package dev.fastffi.benchmarks.scale;
