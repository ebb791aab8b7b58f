package dev.fastffi.it.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Function pointers C returns, called through views (function results typed as callbacks, and
 * {@code Library.function(Class, MemorySegment)}), structs by value through callbacks, and
 * callback objects C keeps, on every path of {@link MemoryPaths}: the same values, failures and messages.
 */
class CallbackMemoryDifferentialTest {
    private static final int TRIES = 200;

    private static MemoryPaths paths;

    @BeforeAll
    static void open() {
        paths = new MemoryPaths();
    }

    @AfterEach
    void forgetKeptCallbacks() {
        for (int slot = MemoryDriver.FIRST_SLOT; slot < MemoryDriver.FIRST_SLOT + paths.drivers.size(); slot++) {
            paths.drivers.get("invoke").forget(slot);
        }
    }

    @AfterAll
    static void close() {
        paths.close();
    }

    /** How messages name the function pointer the fixture returns from {@code symbol}. */
    private static String pointer(String symbol, String signature, Object... args) {
        MemorySegment address = (MemorySegment) paths.library.function(symbol, signature).invoke(args);
        return paths.library.name() + " function pointer 0x" + Long.toHexString(address.address());
    }

    /** Two ints, a selector and a long. */
    record Inputs(int a, int b, int which, long wide) {}

    private static Samples<Inputs> inputs() {
        return Samples.of(List.of(new Inputs(Integer.MAX_VALUE, 1, 0, 0), new Inputs(Integer.MIN_VALUE, 1, 1, -1),
                new Inputs(0, 0, 2, Long.MIN_VALUE), new Inputs(256, -1, -1, 4_294_967_040L),
                new Inputs(-1, 255, 0, 1L << 32)),
                r -> new Inputs(Samples.anyInt(r), Samples.anyInt(r), r.nextInt(-1, 4), Samples.anyLong(r)));
    }

    @Test
    void viewsOfFunctionPointersCallAlikeOnEveryPath() {
        String adder = pointer("cb_binary_op", "function(i32)", 0);
        String subtractor = pointer("cb_binary_op", "function(i32)", 1);
        String swapper = pointer("cb_swap_op", "function()");
        inputs().forAll(TRIES, in -> {
            String expected = switch (in.which()) {
                case 0 -> "returned " + (in.a() + in.b()) + " Binary view of " + adder;
                case 1 -> "returned " + (in.a() - in.b()) + " Binary view of " + subtractor;
                default -> "returned null";
            };
            paths.assertAll(expected, "binary", d -> d.binary(in.which(), in.a(), in.b()));
            paths.assertAll(expected.equals("returned null") ? "threw INVALID_ARGUMENT INVALID_ARGUMENT: "
                    + paths.library.name() + " function(Binary, address): address is NULL, no function to call there"
                    : expected, "binaryFromAddress", d -> d.binaryFromAddress(in.which(), in.a(), in.b()));
            paths.assertAll("returned Point[x=" + in.b() + ", y=" + in.a() + "] PointOp view of " + swapper, "swapView",
                    d -> d.swapView(in.a(), in.b()));
        });
    }

    @Test
    void aViewRangeChecksAndWidensAlikeOnEveryPath() {
        String widen = pointer("cb_widen_op", "function()");
        inputs().forAll(TRIES, in -> {
            int x = Math.floorMod(in.a(), 300) - 20;
            String outcome = paths.same("widen", d -> d.widen(x, in.wide()));
            if (x >= 0 && x <= 255) {
                assertEquals("returned " + ((x + in.wide()) & 0xFFFF_FFFFL), outcome);
            } else {
                assertEquals("threw INVALID_ARGUMENT INVALID_ARGUMENT: " + widen + ", argument 0 (u8): " + x
                        + " is outside 0..255", outcome);
            }
        });
    }

    @Test
    void aViewPassesTextAlikeOnEveryPath() {
        String count = pointer("cb_count_op", "function()");
        Samples.of(List.of("", "h\u00e9llo", "\u65e5\u672c\ud83d\ude00", "a\0b"), CallbackMemoryDifferentialTest::text)
                .forAll(TRIES, text -> {
                    String outcome = paths.same("count", d -> d.count(text));
                    if (text.indexOf('\0') < 0) {
                        assertEquals("returned " + text.getBytes(StandardCharsets.UTF_8).length, outcome);
                    } else {
                        assertTrue(outcome.startsWith("threw INVALID_ARGUMENT INVALID_ARGUMENT: " + count
                                + ", argument 0 (string): "), outcome);
                    }
                });
    }

    private static String text(SplittableRandom r) {
        StringBuilder text = new StringBuilder();
        for (int i = r.nextInt(8); i > 0; i--) {
            text.appendCodePoint(r.nextInt(30) == 0 ? 0 : r.nextBoolean() ? r.nextInt(0x20, 0x7f)
                    : r.nextInt(0x80, 0x11_0000) & ~0x800);
        }
        return text.toString();
    }

    @Test
    void structsByValueThroughCallbacksAreAlikeOnEveryPath() {
        String nullResult = "a callback (PointOp.apply) returned null for the struct {i32, i32}; return a record of its"
                + " fields";
        inputs().forAll(TRIES, in -> {
            int mode = Math.floorMod(in.which(), 3);
            boolean upcall = in.wide() % 2 == 0;
            String outcome = paths.same("pairCall", d -> d.pairCall(in.a(), in.b(), mode, upcall));
            switch (mode) {
                case 0 -> assertEquals("returned " + ((long) in.b() * 1000 + in.a() * 2), outcome);
                case 1 -> assertTrue(outcome.startsWith("threw CALLBACK_FAILED ")
                        && outcome.endsWith(" <- dev.fastffi.FfiException: INVALID_ARGUMENT: " + nullResult), outcome);
                default -> assertTrue(outcome.startsWith("threw CALLBACK_FAILED ") && outcome.endsWith(
                        " <- java.lang.IllegalStateException: no pair Point[x=" + in.a() + ", y=" + in.b() + "]"),
                        outcome);
            }
        });
    }

    @Test
    void paddedStructsReturnedInMemoryAreAlikeOnEveryPath() {
        inputs().forAll(TRIES, in -> {
            double x = Double.longBitsToDouble(in.wide());
            int tag = Math.floorMod(in.a(), 262) - 3;
            int k = in.b() % 1000;
            long n = in.wide() >> 8;
            int mode = Math.floorMod(in.which(), 3);
            String outcome = paths.same("mixedCall", d -> d.mixedCall(x, tag, n, k, mode));
            if (tag < 0 || tag > 255) {
                assertEquals(paths.invalidArgument("cb_mixed_call", 2, "u8", tag + " is outside 0..255"), outcome);
            } else if (mode == 0) {
                assertEquals("returned " + MemoryPaths.f64(x * k + ((tag + 1) & 0xFF) + (double) (n + k)), outcome);
            } else {
                assertTrue(outcome.startsWith("threw CALLBACK_FAILED "), outcome);
            }
        });
    }

    @Test
    void aKeptCallbackOutlivesOtherCallbacksAlikeOnEveryPath() {
        Samples.of(List.of(0, -1, Integer.MAX_VALUE), Samples::anyInt).forAll(20, x -> {
            int slot = MemoryDriver.FIRST_SLOT;
            for (MemoryDriver driver : paths.drivers.values()) {
                int own = slot++;
                assertEquals(x + 1_000, driver.keepAndCall(own, 1_000, 50, x));
            }
            paths.same("callKept", d -> d.callKept(MemoryDriver.FIRST_SLOT, x));
        });
    }

    @Test
    void callingACollectedKeptCallbackFailsAlikeOnEveryPath() throws InterruptedException {
        Map<String, Integer> slots = new LinkedHashMap<>();
        List<WeakReference<Object>> watched = new ArrayList<>();
        int slot = MemoryDriver.FIRST_SLOT;
        for (Map.Entry<String, MemoryDriver> driver : paths.drivers.entrySet()) {
            slots.put(driver.getKey(), slot);
            watched.add(driver.getValue().keepAndForget(slot++));
        }
        assertTrue(collectUntil(() -> watched.stream().allMatch(w -> w.get() == null)));
        String outcome = MemoryPaths.same("callKept after collection", paths.drivers,
                d -> d.callKept(slots.get(nameOf(d)), 1));
        assertTrue(outcome.startsWith("threw CALLBACK_FAILED CALLBACK_FAILED: "), outcome);
        String collected = "C called the function pointer of a callback object (IntOp) that was garbage-collected;"
                + " Java must keep a reference to a callback object for as long as C keeps its pointer, or pass an"
                + " Upcall and close it once C is done with it";
        assertTrue(outcome.endsWith(" cb_call_kept: " + collected + "; it returned 0 to C <- "
                + "dev.fastffi.internal.UpcallStubs$Collected: " + collected), outcome);
    }

    private static String nameOf(MemoryDriver driver) {
        return paths.drivers.entrySet().stream().filter(e -> e.getValue() == driver).findFirst().orElseThrow().getKey();
    }

    /** Collects until {@code done} holds, at most 50 times, each time until the reference handler caught up. */
    private static boolean collectUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int round = 0; round < 50; round++) {
            ReferenceQueue<Object> queue = new ReferenceQueue<>();
            WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
            System.gc();
            queue.remove(1_000);
            Reference.reachabilityFence(sentinel);
            if (done.getAsBoolean()) {
                return true;
            }
        }
        return false;
    }
}
