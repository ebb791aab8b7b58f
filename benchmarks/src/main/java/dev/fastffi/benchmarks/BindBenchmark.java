package dev.fastffi.benchmarks;

import dev.fastffi.Library;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Not a mechanism: what {@code Library.bind} of the benchmark interface costs. The first bind of an
 * interface to a library defines that library's binding class (a hidden class whose FAST methods
 * hold the library's addresses as constants); later binds to the same library reuse it.
 */
@State(Scope.Thread)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BindBenchmark {
    private static final String PATH = BenchNative.library().toString();

    /** A bind to a library that already has its binding class: the symbols looked up, one new object. */
    @Benchmark
    public Object bindAgain() {
        return Fastffi.LIBRARY.bind(BenchLib.class);
    }

    /** Open, first bind (the binding class defined), close. */
    @Benchmark
    public Object openBindClose() {
        try (Library library = Library.open(PATH)) {
            return library.bind(BenchLib.class);
        }
    }

    /** Open and close alone, to subtract from {@link #openBindClose}. */
    @Benchmark
    public Object openClose() {
        try (Library library = Library.open(PATH)) {
            return library;
        }
    }
}
