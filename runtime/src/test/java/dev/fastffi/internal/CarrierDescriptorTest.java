package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.fastffi.model.NativeType;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A generated site links a signature without structs or byte arguments from its carriers alone,
 * without the signature parser: the descriptor it reads from them must be the one the parsed
 * signature gives, for every C type at every carrier generated code passes it as.
 */
class CarrierDescriptorTest {
    /** A C type at one carrier a generated FAST method passes it as. */
    private record Carried(NativeType type, Class<?> carrier) {}

    @Test
    void everyReturnAndUpToTwoArgumentsOfEveryTypeAndCarrierReadTheParsedDescriptor() {
        List<Carried> arguments = carried(true);
        List<Carried> results = carried(false);
        results.add(new Carried(NativeType.VOID, void.class));
        int compared = 0;
        for (Carried result : results) {
            compared += compare(result, List.of());
            for (Carried first : arguments) {
                compared += compare(result, List.of(first));
                for (Carried second : arguments) {
                    compared += compare(result, List.of(first, second));
                }
            }
        }
        long others = arguments.stream().filter(a -> a.carrier() != byte.class).count();
        assertEquals(results.size() * (1 + others + others * others), compared);
    }

    @Test
    void aByteArgumentTakesTheParsedPathSinceAU8OneMayBeWidened() {
        assertNull(ConstantAddresses.byCarriers("i32(u8)", MethodType.methodType(int.class, byte.class)));
        assertNull(ConstantAddresses.byCarriers("i32(i8)", MethodType.methodType(int.class, byte.class)));
        assertNotNull(ConstantAddresses.byCarriers("u8(i32)", MethodType.methodType(byte.class, int.class)));
    }

    @Test
    void aStructByValueOrByPointerTakesTheParsedPath() {
        assertNull(ConstantAddresses.byCarriers("f64({f64, f64})", MethodType.methodType(double.class, MemorySegment.class)));
        assertNull(ConstantAddresses.byCarriers("{i32, i32}*(pointer)",
                MethodType.methodType(MemorySegment.class, MemorySegment.class)));
    }

    @Test
    void aPointerPassedAsAnAddressIsALong() {
        assertEquals(FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG),
                ConstantAddresses.byCarriers("pointer(pointer)", MethodType.methodType(long.class, long.class)));
    }

    @Test
    void everyCarrierDescriptorReadsAsTheJdkReadsIt() {
        List<Class<?>> carriers = List.of(int.class, long.class, double.class, float.class, boolean.class, byte.class,
                short.class, char.class, MemorySegment.class);
        int compared = 0;
        for (Class<?> result : concat(carriers, void.class)) {
            compared += readsAsTheJdk(MethodType.methodType(result));
            for (Class<?> first : carriers) {
                for (Class<?> second : carriers) {
                    compared += readsAsTheJdk(MethodType.methodType(result, first, second, first));
                }
            }
        }
        assertEquals(10 * (1 + 9 * 9), compared);
    }

    @Test
    void aDescriptorOfAnyOtherClassIsLeftToTheJdk() {
        for (MethodType type : List.of(MethodType.methodType(String.class, int.class),
                MethodType.methodType(int.class, MemorySegment.class, Object.class),
                MethodType.methodType(int.class, int[].class), MethodType.methodType(MemorySegment[].class))) {
            readsAsTheJdk(type);
        }
    }

    private static int readsAsTheJdk(MethodType type) {
        String descriptor = type.toMethodDescriptorString();
        assertEquals(MethodType.fromMethodDescriptorString(descriptor, null), ConstantAddresses.carriers(descriptor),
                descriptor);
        return 1;
    }

    private static List<Class<?>> concat(List<Class<?>> carriers, Class<?> last) {
        List<Class<?>> all = new ArrayList<>(carriers);
        all.add(last);
        return all;
    }

    /** 1 when {@code arguments} were read from their carriers (and matched), 0 when they take the parsed path. */
    private static int compare(Carried result, List<Carried> arguments) {
        StringBuilder signature = new StringBuilder(result.type().cName()).append('(');
        List<Class<?>> carriers = new ArrayList<>();
        for (Carried argument : arguments) {
            signature.append(carriers.isEmpty() ? "" : ", ").append(argument.type().cName());
            carriers.add(argument.carrier());
        }
        String text = signature.append(')').toString();
        MethodType type = MethodType.methodType(result.carrier(), carriers);
        FunctionDescriptor read = ConstantAddresses.byCarriers(text, type);
        if (carriers.contains(byte.class)) {
            assertNull(read, text + " " + type);
            return 0;
        }
        assertEquals(Downcalls.descriptor(Signatures.parse(text), type, true), read, text + " " + type);
        return 1;
    }

    /** Every C type but void and structs at each carrier it can have on the fast path. */
    private static List<Carried> carried(boolean argument) {
        List<Carried> all = new ArrayList<>();
        for (NativeType type : NativeType.values()) {
            if (type == NativeType.VOID || type.hasStruct() || (!argument && type == NativeType.BUFFER)) {
                continue;
            }
            all.add(new Carried(type, type.carrier()));
            if (type == NativeType.POINTER || type == NativeType.BUFFER) {
                all.add(new Carried(type, long.class));
            }
        }
        return all;
    }
}
