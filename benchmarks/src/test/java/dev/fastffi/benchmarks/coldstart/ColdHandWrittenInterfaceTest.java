package dev.fastffi.benchmarks.coldstart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fastffi.FastFfi;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** The hand-written class behind the cold-start interface calls the same twenty C functions as fastffi's binding. */
class ColdHandWrittenInterfaceTest {
    @Test
    void everyFunctionReturnsWhatFastFfisBindingReturns() throws Exception {
        ColdLib fastffi = FastFfi.load(ColdLib.class);
        ColdLib handWritten = new ColdHandWrittenInterface();

        Method[] methods = ColdLib.class.getMethods();
        assertEquals(20, methods.length);
        for (Method method : methods) {
            Object[] args = new Object[method.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                args[i] = argument(method.getParameterTypes()[i], i);
            }
            assertEquals(method.invoke(fastffi, args), method.invoke(handWritten, args), method.getName());
        }
    }

    /** A value of {@code type} that differs per position, so that swapped arguments would show. */
    private static Object argument(Class<?> type, int position) {
        if (type == int.class) {
            return -7 + 5 * position;
        } else if (type == long.class) {
            return (1L << 40) + position;
        } else if (type == double.class) {
            return 1.25 - position;
        }
        return 2.5f * (position + 1);
    }
}
