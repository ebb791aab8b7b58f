package dev.fastffi.it.robustness;

import dev.fastffi.DynamicFunction;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.NativeMemory;
import dev.fastffi.Upcall;
import dev.fastffi.it.robustness.owned.Callbacks.Binary;
import dev.fastffi.it.robustness.owned.Callbacks.Count;
import dev.fastffi.it.robustness.owned.Callbacks.IntOp;
import dev.fastffi.it.robustness.owned.Callbacks.MixedOp;
import dev.fastffi.it.robustness.owned.Callbacks.Poke;
import dev.fastffi.it.robustness.owned.Callbacks.PointOp;
import dev.fastffi.it.robustness.owned.Callbacks.Widen;
import dev.fastffi.it.robustness.owned.Mixed;
import dev.fastffi.it.robustness.owned.OwnedMemory.Padded;
import dev.fastffi.it.robustness.owned.Point;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link MemoryDriver} through {@code DynamicFunction.invoke} with inline struct signatures, and
 * views from {@code Library.function(Class, MemorySegment)}. An owned result is what a caller of
 * {@code invoke} does by hand: read it, then pass it to the free function unless it is NULL.
 */
final class InvokeDriver implements MemoryDriver {
    private static final String POINT = "{i32, i32}";

    private final Library library;
    private final Map<String, DynamicFunction> functions = new ConcurrentHashMap<>();
    private final DynamicFunction libcFree = Library.system().function("free", "void(pointer)");

    InvokeDriver(Library library) {
        this.library = library;
    }

    private Object call(String symbol, String signature, Object... args) {
        return functions.computeIfAbsent(symbol + " " + signature, key -> library.function(symbol, signature))
                .invoke(args);
    }

    @Override
    public int sum(int x, int y) {
        return (Integer) call("sp_sum", "i32(" + POINT + "*)", new Point(x, y));
    }

    @Override
    public int sumNull() {
        return (Integer) call("sp_sum", "i32(" + POINT + "*)", (Object) null);
    }

    @Override
    public int sumAt(MemorySegment point) {
        return (Integer) call("sp_sum", "i32(" + POINT + "*)", point);
    }

    @Override
    public double total(byte tag, double value) {
        return (Double) call("sp_padded_total", "f64({u8, f64}*)", new Padded(tag, value));
    }

    @Override
    public double totalAt(MemorySegment padded) {
        return (Double) call("sp_padded_total", "f64({u8, f64}*)", padded);
    }

    @Override
    public String move(int x, int y, int dx, int dy) {
        Point[] point = {new Point(x, y)};
        call("sp_move", "void(" + POINT + "*, i32, i32)", point, dx, dy);
        return point[0].toString();
    }

    @Override
    public String fill(int[][] points, int n) {
        Point[] records = points == null ? null : new Point[points.length];
        for (int i = 0; records != null && i < records.length; i++) {
            records[i] = points[i] == null ? null : new Point(points[i][0], points[i][1]);
        }
        Object zero = call("sp_fill", "i32(" + POINT + "*, i32)", records, n);
        return zero + " " + Arrays.toString(records);
    }

    @Override
    public String fillThenCallFailing(int n) {
        Point[] points = new Point[n];
        Poke failing = () -> {
            throw new IllegalStateException("poke");
        };
        try {
            call("sp_fill_then_call", "void(" + POINT + "*, i32, function)", points, n, failing);
            return "returned " + Arrays.toString(points);
        } catch (FfiException e) {
            return MemoryDriver.failure(e) + " " + Arrays.toString(points);
        }
    }

    @Override
    public String origin() {
        return String.valueOf(read((MemorySegment) call("sp_static", POINT + "*()")));
    }

    @Override
    public String originAt() {
        MemorySegment origin = (MemorySegment) call("sp_static", POINT + "*()");
        return MemoryDriver.segment(origin) + " " + NativeMemory.read(Point.class, origin);
    }

    @Override
    public String none() {
        return String.valueOf(read((MemorySegment) call("sp_null", POINT + "*()")));
    }

    @Override
    public String noneAt() {
        MemorySegment none = (MemorySegment) call("sp_null", POINT + "*()");
        return (none == MemorySegment.NULL ? "NULL " : "") + MemoryDriver.segment(none);
    }

    private static Point read(MemorySegment point) {
        return point.equals(MemorySegment.NULL) ? null : NativeMemory.read(Point.class, point);
    }

    @Override
    public String create(int x, int y) {
        return owned("sp_release", x, y);
    }

    @Override
    public String createFreedByLibc(int x, int y) {
        return owned("free", x, y);
    }

    private String owned(String free, int x, int y) {
        MemorySegment created = (MemorySegment) call("sp_new", POINT + "*(i32, i32)", x, y);
        Point point = read(created);
        free(free, created);
        return String.valueOf(point);
    }

    private void free(String free, MemorySegment address) {
        if (!address.equals(MemorySegment.NULL)) {
            (free.equals("free") ? libcFree : library.function(free, "void(pointer)")).invoke(address);
        }
    }

    @Override
    public String greeting(String name) {
        MemorySegment greeting = (MemorySegment) call("sp_greeting", "pointer(string)", name);
        String text = greeting.equals(MemorySegment.NULL) ? null : NativeMemory.string(greeting);
        free("sp_release", greeting);
        return text;
    }

    @Override
    public int freeCount() {
        return (Integer) call("sp_free_count", "i32()");
    }

    @Override
    public int nullFreeCount() {
        return (Integer) call("sp_null_free_count", "i32()");
    }

    /** Dynamic functions have no owned results, so nothing names a free function to look up. */
    @Override
    public void bindMissingFree() {
        throw new UnsupportedOperationException("invoke has no owned results");
    }

    @Override
    public String open(String name, MemorySegment before) {
        MemorySegment[] handle = {before};
        MemorySegment[] original = handle.clone();
        Object result = call("pa_open", "i32(string, buffer)", name, handle);
        return result + " " + MemoryDriver.segments(original, handle);
    }

    @Override
    public String swap(MemorySegment[] pair) {
        MemorySegment[] original = pair.clone();
        call("pa_swap", "void(buffer)", (Object) pair);
        return MemoryDriver.segments(original, pair);
    }

    @Override
    public String fillSlots(MemorySegment[] slots, int n) {
        MemorySegment[] original = slots.clone();
        call("pa_fill", "void(buffer, i32)", slots, n);
        return MemoryDriver.segments(original, slots);
    }

    @Override
    public long sumSlots(MemorySegment[] slots, int n) {
        return (Long) call("pa_sum", "i64(buffer, i32)", slots, n);
    }

    @Override
    public int argc(String[] argv) {
        return (Integer) call("pa_argc", "i32(buffer)", (Object) argv);
    }

    @Override
    public String join(String[] argv, int n, int capacity) {
        byte[] out = new byte[capacity];
        long length = (Long) call("pa_join", "i64(buffer, i32, buffer, i64)", argv, n, out, (long) capacity);
        return length + " " + (length < 0 ? "" : new String(out, 0, (int) length, StandardCharsets.UTF_8));
    }

    /** A function result typed as a callback is null for NULL, and a view of any other address. */
    @Override
    public String binary(int which, int a, int b) {
        MemorySegment address = (MemorySegment) call("cb_binary_op", "function(i32)", which);
        return address.equals(MemorySegment.NULL) ? "null" : binaryAt(address, a, b);
    }

    @Override
    public String binaryFromAddress(int which, int a, int b) {
        return binaryAt((MemorySegment) call("cb_binary_op", "function(i32)", which), a, b);
    }

    private String binaryAt(MemorySegment address, int a, int b) {
        Binary view = library.function(Binary.class, address);
        return view.apply(a, b) + " " + view;
    }

    @Override
    public long widen(int x, long y) {
        return library.function(Widen.class, (MemorySegment) call("cb_widen_op", "function()")).widen(x, y);
    }

    @Override
    public long count(String text) {
        return library.function(Count.class, (MemorySegment) call("cb_count_op", "function()")).count(text);
    }

    @Override
    public String swapView(int left, int right) {
        PointOp swap = library.function(PointOp.class, (MemorySegment) call("cb_swap_op", "function()"));
        return swap.apply(new Point(left, right)) + " " + swap;
    }

    @Override
    public long pairCall(int left, int right, int mode, boolean upcall) {
        PointOp op = point -> switch (mode) {
            case 0 -> new Point(point.y(), point.x() * 2);
            case 1 -> null;
            default -> throw new IllegalStateException("no pair " + point);
        };
        String signature = "i64(function, i32, i32)";
        if (!upcall) {
            return (Long) call("cb_pair_call", signature, op, left, right);
        }
        try (Upcall<PointOp> registered = Upcall.of(PointOp.class, op)) {
            return (Long) call("cb_pair_call", signature, registered, left, right);
        }
    }

    @Override
    public double mixedCall(double x, int tag, long n, int k, int mode) {
        MixedOp op = (mixed, by) -> switch (mode) {
            case 0 -> new Mixed(mixed.x() * by, (byte) (mixed.tag() + 1), mixed.n() + by);
            case 1 -> null;
            default -> throw new IllegalStateException("no mixed " + mixed);
        };
        try (Upcall<MixedOp> registered = Upcall.of(MixedOp.class, op)) {
            return (Double) call("cb_mixed_call", "f64(function, f64, u8, i64, i32)", registered, x, tag, n, k);
        }
    }

    @Override
    public int keepAndCall(int slot, int k, int others, int x) {
        IntOp kept = plus(k);
        call("cb_keep", "void(i32, function)", slot, kept);
        for (int i = 0; i < others; i++) {
            if ((Integer) call("cb_apply", "i32(function, i32)", plus(i), x) != x + i) {
                throw new AssertionError("a transient callback adding " + i + " did not add it");
            }
        }
        int result = callKept(slot, x);
        Reference.reachabilityFence(kept);
        return result;
    }

    @Override
    public WeakReference<Object> keepAndForget(int slot) {
        IntOp forgotten = plus(9);
        call("cb_keep", "void(i32, function)", slot, forgotten);
        if (callKept(slot, 1) != 10) {
            throw new AssertionError("the kept callback did not add 9");
        }
        return new WeakReference<>(forgotten);
    }

    @Override
    public int callKept(int slot, int x) {
        return (Integer) call("cb_call_kept", "i32(i32, i32)", slot, x);
    }

    @Override
    public void forget(int slot) {
        call("cb_keep", "void(i32, function)", slot, null);
    }

    private static IntOp plus(int k) {
        return x -> x + k;
    }
}
