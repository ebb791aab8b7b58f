/**
 * fastffi on virtual threads: a million short tasks, each one buffer call and one string call,
 * through fastffi and through hand-written FFM, each in a JVM of its own
 * ({@link dev.fastffi.benchmarks.vthreads.VirtualThreadProbe}).
 */
package dev.fastffi.benchmarks.vthreads;
