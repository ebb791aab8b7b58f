/**
 * Cold start: a twenty-function binding loaded in a fresh JVM and called once, through fastffi,
 * hand-written FFM and JNA, each run in its own process by {@link dev.fastffi.benchmarks.coldstart.ColdStart}.
 */
package dev.fastffi.benchmarks.coldstart;
