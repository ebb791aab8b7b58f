/**
 * JMH benchmarks: the same C functions called through fastffi's paths and through hand-written
 * FFM, in one run. Run with {@code mvn -Pbench -DskipTests package}.
 */
package dev.fastffi.benchmarks;
