package dev.fastffi.benchmarks.report;

import java.util.List;
import java.util.Optional;

/** One row group of the report: a benchmark class, with its {@code @Param} value if it has one. */
record Case(String benchmark, String param) implements Comparable<Case> {
    /** A known benchmark class: its label ({@code %s} is the parameter) and what hand-written FFM does in it. */
    private record Kind(String benchmark, String label, String baseline) {}

    private static final String PLAIN = "static final handle, invokeExact";
    private static final List<Kind> KINDS = List.of(
            new Kind("NoArgBenchmark", "no-arg call", PLAIN),
            new Kind("AddBenchmark", "i32 add(i32, i32)", PLAIN),
            new Kind("MulBenchmark", "f64 mul(f64, f64)", PLAIN),
            new Kind("U64Benchmark", "u64 xor(u64, u64)", PLAIN),
            new Kind("BufferCopyBenchmark", "byte[%s] copied", "confined arena per call, copy in and back"),
            new Kind("BufferCriticalBenchmark", "byte[%s] critical", "critical(true), MemorySegment.ofArray"),
            new Kind("StringBenchmark", "strlen, 16-char String", "confined arena per call, allocateFrom"),
            new Kind("ErrnoBenchmark", "errno call", "captureCallState, per-thread capture segment"),
            new Kind("CallbackBenchmark", "qsort 64 ints, Java comparator", "upcallStub, native segment"),
            new Kind("StructBenchmark", "16 B struct {f64, i64} in and out", "reused argument segment and result allocator"),
            new Kind("BufferCopyThreadsBenchmark", "byte[64] copied, 2 threads", "confined arena per call, copy in and back"),
            new Kind("StringThreadsBenchmark", "strlen, 16-char String, 2 threads", "confined arena per call, allocateFrom"),
            new Kind("VirtualThreadBenchmark", "virtual thread per task: byte[64] + strlen", "confined arena per call"),
            new Kind("PrototypeAddBenchmark", "prototype: add, step by step", PLAIN),
            new Kind("PrototypeInvokeBenchmark", "prototype: invoke(Object...) on add", PLAIN),
            new Kind("PrototypeStringBenchmark", "prototype: strlen of a String", "confined arena per call, allocateFrom"));

    String label() {
        return kind().map(k -> k.label().formatted(param))
                .orElse(benchmark + (param.isEmpty() ? "" : " " + param));
    }

    /** What hand-written FFM, the denominator of every ratio, does in this case. */
    String baseline() {
        return kind().map(Kind::baseline).orElse("");
    }

    private Optional<Kind> kind() {
        return KINDS.stream().filter(k -> k.benchmark().equals(benchmark)).findFirst();
    }

    private int rank() {
        return kind().map(KINDS::indexOf).orElse(KINDS.size());
    }

    @Override
    public int compareTo(Case other) {
        int byKind = Integer.compare(rank(), other.rank());
        if (byKind != 0) {
            return byKind;
        }
        int byName = benchmark.compareTo(other.benchmark);
        return byName != 0 ? byName : Long.compare(number(param), number(other.param));
    }

    private static long number(String param) {
        return param.matches("\\d+") ? Long.parseLong(param) : 0;
    }
}
