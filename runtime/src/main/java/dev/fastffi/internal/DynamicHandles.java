package dev.fastffi.internal;

import dev.fastffi.model.NativeType;
import dev.fastffi.model.Signature;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Builds the exact handle of {@code DynamicFunction.handle()}: pointer checks, call, then the check
 * for a callback that failed during the call; what FFM throws to refuse an argument leaves as the
 * {@code INVALID_ARGUMENT} every other path throws. While the library is open the address is bound in, a
 * constant to the JIT, behind the library's switch point, which {@code close()} invalidates before
 * it returns, so that every later call reads the address from its symbol and throws before any
 * native code runs; closing the library also retargets the handle to that reading one, so a handle
 * kept after close holds no address and does not keep the library loaded.
 */
public final class DynamicHandles {
    private static final MethodHandle OPEN;
    private static final MethodHandle POINTER;
    private static final MethodHandle STRUCT;
    private static final MethodHandle CHECK_FAILURES;
    private static final MethodHandle RETHROW;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            OPEN = lookup.findVirtual(NativeSymbol.class, "open", MethodType.methodType(MemorySegment.class));
            POINTER = lookup.findStatic(Args.class, "pointer", MethodType.methodType(MemorySegment.class,
                    MemorySegment.class, NativeSymbol.class, int.class));
            STRUCT = lookup.findStatic(Args.class, "struct", MethodType.methodType(Object.class,
                    Object.class, NativeSymbol.class, int.class)).asType(MethodType.methodType(MemorySegment.class,
                    MemorySegment.class, NativeSymbol.class, int.class));
            CHECK_FAILURES = lookup.findStatic(UpcallFailures.class, "check",
                    MethodType.methodType(void.class, NativeSymbol.class));
            RETHROW = lookup.findStatic(Rethrow.class, "unchecked", MethodType.methodType(RuntimeException.class,
                    Throwable.class, NativeSymbol.class, Object[].class)).asFixedArity();
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private DynamicHandles() {}

    /** A handle of type {@link Downcalls#carriers} that calls {@code symbol}'s address; one per symbol and errno flag. */
    public static MethodHandle exact(NativeSymbol symbol, boolean errno) {
        MethodHandle linked = symbol.linkedDynamicHandle(errno);
        if (linked != null) {
            return linked;
        }
        Signature signature = symbol.signature();
        MethodHandle handle = Downcalls.linkCapturing(signature, Downcalls.carriers(signature), errno);
        for (int i = 0; i < signature.arity(); i++) {
            // the address comes first, then a struct result's allocator, as FFM puts them
            int at = 1 + i + (signature.returnType() == NativeType.STRUCT ? 1 : 0);
            MethodHandle argumentCheck = signature.parameter(i) == NativeType.STRUCT ? STRUCT : POINTER;
            if (signature.parameter(i).carrier() == MemorySegment.class) {
                handle = MethodHandles.filterArguments(handle, at,
                        MethodHandles.insertArguments(argumentCheck, 1, symbol, i));
            }
        }
        MethodHandle check = CHECK_FAILURES.bindTo(symbol);
        Class<?> result = handle.type().returnType();
        handle = MethodHandles.filterReturnValue(handle, result == void.class
                ? check : MethodHandles.foldArguments(MethodHandles.identity(result), check));
        handle = MethodHandles.catchException(handle, Throwable.class, rethrow(symbol, handle.type()));
        MethodHandle calling = handle;
        MethodHandle closed = MethodHandles.foldArguments(calling, 0, OPEN.bindTo(symbol));
        return symbol.dynamicHandle(errno, closed, () -> symbol.library().addresses().untilClosed(
                MethodHandles.insertArguments(calling, 0, symbol.address()), closed));
    }

    /**
     * The handler of what a handle of {@code type} (the address, a struct result's allocator, then
     * the arguments) throws. FFM refuses a segment of a closed arena, or confined to another
     * thread, with its own exceptions before any native code runs; they leave as every other path
     * words them, naming the argument, which is boxed only then.
     */
    private static MethodHandle rethrow(NativeSymbol symbol, MethodType type) {
        int leading = type.parameterCount() - symbol.signature().arity();
        MethodType arguments = type.dropParameterTypes(0, leading).insertParameterTypes(0, Throwable.class)
                .changeReturnType(RuntimeException.class);
        MethodHandle named = MethodHandles.insertArguments(RETHROW, 1, symbol)
                .asCollector(Object[].class, symbol.signature().arity()).asType(arguments);
        MethodHandle thrown = MethodHandles.filterReturnValue(named,
                MethodHandles.throwException(type.returnType(), RuntimeException.class));
        return MethodHandles.dropArguments(thrown, 1, type.parameterList().subList(0, leading));
    }
}
