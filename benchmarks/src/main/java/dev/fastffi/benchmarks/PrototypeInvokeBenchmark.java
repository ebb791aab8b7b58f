package dev.fastffi.benchmarks;

import dev.fastffi.DynamicFunction;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Not a mechanism: a proposed shape for {@code DynamicFunction.invoke(Object...)} on {@code add},
 * measured against what ships. Excluded from the default run; see README.md, "Tuning".
 */
@State(Scope.Thread)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PrototypeInvokeBenchmark {
    /**
     * When every argument already is its carrier's box, call an erased exact handle through an
     * arity switch; anything else goes to the existing conversions. A record, so that the JIT
     * treats its fields as constants and inlines the handle; small, so that it inlines at all.
     */
    record ErasedCall(MethodHandle generic, List<Class<?>> boxes, DynamicFunction fallback) {
        static ErasedCall of(DynamicFunction function) {
            MethodHandle exact = function.handle();
            List<Class<?>> boxes = exact.type().wrap().parameterList();
            return new ErasedCall(exact.asType(MethodType.genericMethodType(boxes.size())), boxes, function);
        }

        Object invoke(Object... args) {
            if (!carriers(args)) {
                return fallback.invoke(args);
            }
            try {
                return switch (args.length) {
                    case 0 -> generic.invokeExact();
                    case 1 -> generic.invokeExact(args[0]);
                    case 2 -> generic.invokeExact(args[0], args[1]);
                    case 3 -> generic.invokeExact(args[0], args[1], args[2]);
                    default -> fallback.invoke(args);
                };
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        private boolean carriers(Object[] args) {
            if (args == null || args.length != boxes.size()) {
                return false;
            }
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null || args[i].getClass() != boxes.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** How DynamicFunction would hold it: a plain final field, which the JIT does not treat as a constant. */
    static final class PlainHolder {
        private final ErasedCall call;

        PlainHolder(ErasedCall call) {
            this.call = call;
        }

        Object invoke(Object... args) {
            return call.invoke(args);
        }
    }

    private static final ErasedCall ADD = ErasedCall.of(Fastffi.ADD);
    private static final PlainHolder ADD_IN_PLAIN_CLASS = new PlainHolder(ADD);

    int a = 40;
    int b = 2;

    @Benchmark
    public int ffm() throws Throwable {
        return (int) HandWritten.ADD.invokeExact(a, b);
    }

    @Benchmark
    public Object dynamicInvoke() {
        return Fastffi.ADD.invoke(a, b);
    }

    @Benchmark
    public Object erasedRecordArity() {
        return ADD.invoke(a, b);
    }

    @Benchmark
    public Object erasedRecordArityInPlainClass() {
        return ADD_IN_PLAIN_CLASS.invoke(a, b);
    }
}
