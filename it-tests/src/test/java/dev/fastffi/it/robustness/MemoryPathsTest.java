package dev.fastffi.it.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.CallPath;
import dev.fastffi.CallPlan;
import dev.fastffi.FastFfi;
import dev.fastffi.it.robustness.CompiledCopies.Kind;
import dev.fastffi.it.robustness.owned.OwnedMemory;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each of {@link MemoryPaths}'s drivers takes the path it is named for, so that comparing them compares paths. */
class MemoryPathsTest {
    @Test
    void theGeneratedBindingIsFastWhereTheTypesAreUnlessTheFastPathIsOff() {
        Map<String, CallPlan> plans = plans(OwnedMemory.class);
        CallPath fast = Robust.fastPathEnabled() ? CallPath.FAST : CallPath.COMPAT;
        for (String method : List.of("sum", "sumAt", "move", "fill", "origin", "originAt", "create", "swap",
                "fillSlots", "binary", "swapOp", "pairCall", "mixedCall")) {
            assertEquals(fast, plans.get(method).path(), method);
        }
        assertEquals(CallPath.COMPAT, plans.get("argc").path());
        assertEquals(CallPath.COMPAT, plans.get("greeting").path());
    }

    @Test
    void theCompiledCompatCopyIsGeneratedAndCompatEverywhere() {
        Class<?> iface = CompiledCopies.type(Kind.COMPILED_COMPAT, "OwnedMemory");
        String reason = Robust.fastPathEnabled()
                ? "compiled with -Afastffi.fast=false, which puts every method on the compatibility path"
                : "-D" + FastFfi.FAST_PROPERTY + "=false puts every call on the compatibility path";
        for (CallPlan plan : FastFfi.describe(iface)) {
            assertEquals(CallPath.COMPAT, plan.path(), plan::method);
            assertEquals(reason, plan.reason(), plan::method);
        }
        try (MemoryPaths paths = new MemoryPaths()) {
            // -Dfastffi.fast=false binds every interface as a proxy, generated or not
            Object bound = paths.library.bind(iface);
            assertEquals(!Robust.fastPathEnabled(), Proxy.isProxyClass(bound.getClass()));
            if (Robust.fastPathEnabled()) {
                assertEquals(iface.getName() + "$FastFfi", bound.getClass().getName());
            }
        }
    }

    @Test
    void theUnprocessedCopyIsAProxy() {
        Class<?> iface = CompiledCopies.type(Kind.UNPROCESSED, "OwnedMemory");
        for (CallPlan plan : FastFfi.describe(iface)) {
            assertEquals(CallPath.COMPAT, plan.path(), plan::method);
        }
        try (MemoryPaths paths = new MemoryPaths()) {
            assertTrue(Proxy.isProxyClass(paths.library.bind(iface).getClass()));
        }
    }

    private static Map<String, CallPlan> plans(Class<?> iface) {
        return FastFfi.describe(iface).stream()
                .collect(Collectors.toMap(CallPlan::method, Function.identity(), (a, b) -> a));
    }
}
