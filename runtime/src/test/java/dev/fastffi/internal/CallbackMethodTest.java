package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.model.CallbackRules.UnboundType;
import dev.fastffi.model.Violation;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A callback method's types as its interface instantiates them, through every kind of super-interface. */
class CallbackMethodTest {
    interface Segments extends Comparator<MemorySegment> {}

    interface Ordering<X> extends Comparator<X> {}

    interface ChainedSegments extends Ordering<MemorySegment> {}

    interface Swapped<X, Y> extends BiFunction<Y, X, String> {}

    interface LongThenInt extends Swapped<Integer, Long> {}

    interface ArrayTaker<E> extends Consumer<E[]> {}

    interface IntegerArrays extends ArrayTaker<Integer> {}

    @SuppressWarnings("rawtypes")
    interface RawOrdering extends Ordering {}

    interface OwnVariable<T> extends Comparator<T> {}

    interface BoundSegments extends Comparator<MemorySegment> {}

    interface Holder<X> extends BoundSegments {}

    /** Through raw Holder, even BoundSegments, which is not generic, is erased, as javac erases it. */
    @SuppressWarnings("rawtypes")
    interface RawHolder extends Holder {}

    interface OwnSource<R> extends Supplier<R> {}

    interface GenericMethod {
        <U> void take(U value);
    }

    private static CallbackMethod of(Class<?> iface) {
        Method method = Arrays.stream(iface.getMethods())
                .filter(m -> Modifier.isAbstract(m.getModifiers()) && !m.getName().equals("equals"))
                .findFirst().orElseThrow();
        return CallbackMethod.of(iface, method);
    }

    @Test
    void aTypeArgumentBindsTheSuperInterfacesVariable() {
        CallbackMethod compare = of(Segments.class);
        assertEquals(List.of(MemorySegment.class, MemorySegment.class), compare.parameterTypes());
        assertEquals(int.class, compare.returnType());
        assertEquals(List.of(), compare.unbound());
    }

    @Test
    void aTypeArgumentIsPassedDownAChainOfInterfaces() {
        assertEquals(List.of(MemorySegment.class, MemorySegment.class), of(ChainedSegments.class).parameterTypes());
    }

    @Test
    void typeArgumentsPassedOnInAnotherOrderFollowTheirVariables() {
        CallbackMethod apply = of(LongThenInt.class);
        assertEquals(List.of(Long.class, Integer.class), apply.parameterTypes());
        assertEquals(String.class, apply.returnType());
    }

    @Test
    void anArrayOfABoundVariableIsAnArrayOfItsClass() {
        assertEquals(List.of(Integer[].class), of(IntegerArrays.class).parameterTypes());
    }

    @Test
    void everyInterfaceAboveARawOneIsErased() {
        CallbackMethod compare = of(RawHolder.class);
        assertEquals(List.of(Object.class, Object.class), compare.parameterTypes());
        assertEquals(List.of(new UnboundType(0, "T", "java.util.Comparator"),
                new UnboundType(1, "T", "java.util.Comparator")), compare.unbound());
    }

    @Test
    void aRawSuperInterfaceLeavesTheVariableUnboundAsItsErasure() {
        CallbackMethod compare = of(RawOrdering.class);
        assertEquals(List.of(Object.class, Object.class), compare.parameterTypes());
        assertEquals(List.of(new UnboundType(0, "T", "java.util.Comparator"),
                new UnboundType(1, "T", "java.util.Comparator")), compare.unbound());
    }

    @Test
    void aTypeParameterOfTheCallbackInterfaceItselfIsUnbound() {
        assertEquals(List.of(new UnboundType(0, "T", "java.util.Comparator"),
                new UnboundType(1, "T", "java.util.Comparator")), of(OwnVariable.class).unbound());
    }

    @Test
    void aTypeParameterOfTheMethodIsUnbound() {
        assertEquals(List.of(new UnboundType(0, "U", GenericMethod.class.getCanonicalName())),
                of(GenericMethod.class).unbound());
    }

    @Test
    void anUnboundResultIsListedAsTheResult() {
        assertEquals(List.of(new UnboundType(Violation.RESULT, "T", "java.util.function.Supplier")),
                of(OwnSource.class).unbound());
    }
}
