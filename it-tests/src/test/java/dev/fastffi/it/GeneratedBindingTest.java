package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.FastFfi;
import dev.fastffi.Library;
import dev.fastffi.internal.Bindings;
import dev.fastffi.model.Eligibility;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The processor ran on the test interfaces: a generated class exists for each, {@code bind} uses
 * it, and {@code describe} reports each method FAST or COMPAT as the type table says (behaviour 9).
 * Under {@code -Dfastffi.fast=false} every method is COMPAT for that reason instead (behaviour 10).
 */
class GeneratedBindingTest {
    private static Library library;

    @BeforeAll
    static void open() {
        library = Fixture.open();
    }

    @AfterAll
    static void close() {
        library.close();
    }

    @ParameterizedTest
    @ValueSource(classes = {Basics.class, NarrowIntegers.class, WideIntegers.class, Floats.class, Pointers.class,
        BoxedScalars.class, RawRegister.class, ArrayBuffers.class, CriticalArrayBuffers.class, MemoryBuffers.class,
        CompatBuffers.class, Utf8Strings.class})
    void processorGeneratedAClassImplementingTheInterface(Class<?> iface) throws ClassNotFoundException {
        Class<?> generated = Class.forName(iface.getName() + Bindings.SUFFIX, false, iface.getClassLoader());
        assertTrue(iface.isAssignableFrom(generated), generated + " should implement " + iface);
    }

    @ParameterizedTest
    @ValueSource(classes = {Basics.class, BoxedScalars.class, ArrayBuffers.class, Utf8Strings.class})
    void bindReturnsAnInstanceOfTheGeneratedClassUnlessTheFastPathIsOff(Class<?> iface) throws ClassNotFoundException {
        Class<?> generated = Class.forName(iface.getName() + Bindings.SUFFIX);
        if (Fixture.fastPathEnabled()) {
            // an interface with direct methods gets the generated class defined again, hidden, for its library
            Class<?> bound = library.bind(iface).getClass();
            if (bound.isHidden()) {
                assertTrue(bound.getName().startsWith(generated.getName() + "/"), bound::getName);
            } else {
                assertSame(generated, bound);
            }
        } else {
            assertNotSame(generated, library.bind(iface).getClass(), "generated classes hold the fast paths");
        }
    }

    @ParameterizedTest
    @ValueSource(classes = {Basics.class, NarrowIntegers.class, WideIntegers.class, Floats.class, Pointers.class,
        ArrayBuffers.class, CriticalArrayBuffers.class, MemoryBuffers.class})
    void describeReportsEveryMethodWithFastTypesAsFast(Class<?> iface) {
        List<CallPlan> plans = FastFfi.describe(iface);
        assertEquals(methodNames(iface), plans.stream().map(CallPlan::method).collect(Collectors.toSet()));
        for (CallPlan plan : plans) {
            assertPlan(CallPath.FAST, Eligibility.FAST_REASON, plan);
        }
    }

    @Test
    void describeSaysWhyStringArgumentsAndResultsAreCompat() {
        Map<String, CallPlan> plans = byMethod(Utf8Strings.class);
        assertPlan(CallPath.COMPAT, "argument 0 is String: strings need a temporary UTF-8 copy; pass a byte[] with"
                + " a trailing 0 as 'buffer' to stay fast", plans.get("byteLength"));
        assertPlan(CallPath.COMPAT, "the result is String: a string result is decoded into a new String; declare"
                + " the result as 'pointer' to stay fast", plans.get("staticUtf8"));
        for (CallPlan plan : plans.values()) {
            assertEquals(CallPath.COMPAT, plan.path(), plan::method);
        }
    }

    @Test
    void describeNamesTheBoxedArgumentOfACompatBufferMethod() {
        assertPlan(CallPath.COMPAT, "argument 1 is Long: boxed values are on the compatibility path; use long to"
                + " stay fast", byMethod(CompatBuffers.class).get("sumI8"));
        assertPlan(CallPath.COMPAT, "argument 0 is BigInteger: BigInteger values are on the compatibility path;"
                + " use long to stay fast", byMethod(BoxedScalars.class).get("echoUsize"));
    }

    @Test
    void describeGivesAliasesTheirCanonicalName() {
        assertEquals("void(buffer, usize)", byMethod(ArrayBuffers.class).get("incrementShorts").signature());
        assertEquals("string()", byMethod(Utf8Strings.class).get("staticAscii").signature());
        assertEquals("i32(string, buffer, usize)", byMethod(Utf8Strings.class).get("equalsBytes").signature());
    }

    @Test
    void describeReportsEveryBoxedMethodAsCompatAndSaysWhy() {
        List<CallPlan> plans = FastFfi.describe(BoxedScalars.class);
        assertEquals(methodNames(BoxedScalars.class), plans.stream().map(CallPlan::method).collect(Collectors.toSet()));
        for (CallPlan plan : plans) {
            assertEquals(CallPath.COMPAT, plan.path(), plan::method);
            assertFalse(plan.reason() == null || plan.reason().isBlank(), plan.method() + " has no reason");
        }
    }

    @Test
    void describeJudgesEachMethodOfAMixedInterfaceOnItsOwn() {
        Map<String, CallPlan> plans = byMethod(RawRegister.class);
        assertPlan(CallPath.COMPAT, "argument 0 is Integer: boxed values are on the compatibility path; use int to"
                + " stay fast", plans.get("u8Boxed"));
        assertPlan(CallPath.FAST, Eligibility.FAST_REASON, plans.get("u8"));
        assertPlan(CallPath.FAST, Eligibility.FAST_REASON, plans.get("u8FromInt"));
        assertPlan(CallPath.FAST, Eligibility.FAST_REASON, plans.get("bool"));
    }

    @Test
    void describeGivesEachMethodItsSignature() {
        Map<String, CallPlan> plans = byMethod(NarrowIntegers.class);
        assertEquals("u8(u8)", plans.get("echoU8AsInt").signature());
        assertEquals("i32(i8, u8, i16, u16)", plans.get("sumNarrow").signature());
        assertEquals("u64(u64)", byMethod(BoxedScalars.class).get("echoU64").signature());
    }

    /** Asserts {@code path} and {@code reason}, or COMPAT for the run-time switch when the fast path is off. */
    private static void assertPlan(CallPath path, String reason, CallPlan plan) {
        if (Fixture.fastPathEnabled()) {
            assertEquals(path, plan.path(), () -> plan.method() + ": " + plan.reason());
            assertEquals(reason, plan.reason(), plan::method);
        } else {
            assertEquals(CallPath.COMPAT, plan.path(), plan::method);
            assertEquals(Fixture.FAST_DISABLED_REASON, plan.reason(), plan::method);
        }
    }

    /** The plans by method name; overloads share a name, so only methods without overloads are looked up. */
    private static Map<String, CallPlan> byMethod(Class<?> iface) {
        return FastFfi.describe(iface).stream()
                .collect(Collectors.toMap(CallPlan::method, Function.identity(), (first, second) -> first));
    }

    private static Set<String> methodNames(Class<?> iface) {
        return Arrays.stream(iface.getDeclaredMethods()).map(Method::getName).collect(Collectors.toSet());
    }
}
