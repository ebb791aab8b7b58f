package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.FastFfi;
import dev.fastffi.Library;
import dev.fastffi.internal.Bindings;
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
        BoxedScalars.class, RawRegister.class})
    void processorGeneratedAClassImplementingTheInterface(Class<?> iface) throws ClassNotFoundException {
        Class<?> generated = Class.forName(iface.getName() + Bindings.SUFFIX, false, iface.getClassLoader());
        assertTrue(iface.isAssignableFrom(generated), generated + " should implement " + iface);
    }

    @Test
    void bindReturnsAnInstanceOfTheGeneratedClass() throws ClassNotFoundException {
        Class<?> generated = Class.forName(Basics.class.getName() + Bindings.SUFFIX);
        assertSame(generated, library.bind(Basics.class).getClass());
        assertSame(Class.forName(BoxedScalars.class.getName() + Bindings.SUFFIX),
                library.bind(BoxedScalars.class).getClass());
    }

    @ParameterizedTest
    @ValueSource(classes = {Basics.class, NarrowIntegers.class, WideIntegers.class, Floats.class, Pointers.class})
    void describeReportsEveryMethodWithFastTypesAsFast(Class<?> iface) {
        List<CallPlan> plans = FastFfi.describe(iface);
        assertEquals(methodNames(iface), plans.stream().map(CallPlan::method).collect(Collectors.toSet()));
        for (CallPlan plan : plans) {
            assertEquals(CallPath.FAST, plan.path(), () -> plan.method() + ": " + plan.reason());
        }
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
        assertEquals(CallPath.COMPAT, plans.get("u8Boxed").path());
        assertEquals(CallPath.FAST, plans.get("u8").path());
        assertEquals(CallPath.FAST, plans.get("u8FromInt").path());
        assertEquals(CallPath.FAST, plans.get("bool").path());
    }

    @Test
    void describeGivesEachMethodItsSignature() {
        Map<String, CallPlan> plans = byMethod(NarrowIntegers.class);
        assertEquals("u8(u8)", plans.get("echoU8AsInt").signature());
        assertEquals("i32(i8, u8, i16, u16)", plans.get("sumNarrow").signature());
        assertEquals("u64(u64)", byMethod(BoxedScalars.class).get("echoU64").signature());
    }

    private static Map<String, CallPlan> byMethod(Class<?> iface) {
        return FastFfi.describe(iface).stream().collect(Collectors.toMap(CallPlan::method, Function.identity()));
    }

    private static Set<String> methodNames(Class<?> iface) {
        return Arrays.stream(iface.getDeclaredMethods()).map(Method::getName).collect(Collectors.toSet());
    }
}
