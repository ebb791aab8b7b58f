/**
 * JMH benchmarks: the same C functions called through fastffi's paths, hand-written FFM, JNA,
 * jnr-ffi and JNI, one class per case and one method per mechanism. Run and read them as
 * benchmarks/README.md says.
 */
package dev.fastffi.benchmarks;
