/**
 * Runs the suite and writes {@code benchmarks/results/}: the raw JMH JSON, a Markdown report of
 * ns/op, ratios to hand-written FFM and allocation, an SVG chart, and the targets checked.
 */
package dev.fastffi.benchmarks.report;
