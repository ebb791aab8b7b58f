package dev.fastffi.it.robustness.owned;

import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.NativeMemory;
import dev.fastffi.Upcall;
import dev.fastffi.it.robustness.MemoryDriver;
import dev.fastffi.it.robustness.owned.Callbacks.Binary;
import dev.fastffi.it.robustness.owned.Callbacks.IntOp;
import dev.fastffi.it.robustness.owned.Callbacks.MixedOp;
import dev.fastffi.it.robustness.owned.Callbacks.Poke;
import dev.fastffi.it.robustness.owned.Callbacks.PointOp;
import dev.fastffi.it.robustness.owned.OwnedMemory.Padded;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@link MemoryDriver} through a binding of {@link OwnedMemory}: generated when this source is
 * compiled with the processor, on whichever path the processor chose.
 */
public final class Driver implements MemoryDriver {
    private final Library library;
    private final OwnedMemory memory;

    public Driver(Library library) {
        this.library = library;
        this.memory = library.bind(OwnedMemory.class);
    }

    @Override
    public int sum(int x, int y) {
        return memory.sum(new Point(x, y));
    }

    @Override
    public int sumNull() {
        return memory.sum(null);
    }

    @Override
    public int sumAt(MemorySegment point) {
        return memory.sumAt(point);
    }

    @Override
    public double total(byte tag, double value) {
        return memory.total(new Padded(tag, value));
    }

    @Override
    public double totalAt(MemorySegment padded) {
        return memory.totalAt(padded);
    }

    @Override
    public String move(int x, int y, int dx, int dy) {
        Point[] point = {new Point(x, y)};
        memory.move(point, dx, dy);
        return point[0].toString();
    }

    @Override
    public String fill(int[][] points, int n) {
        Point[] records = points == null ? null : new Point[points.length];
        for (int i = 0; records != null && i < records.length; i++) {
            records[i] = points[i] == null ? null : new Point(points[i][0], points[i][1]);
        }
        int zero = memory.fill(records, n);
        return zero + " " + Arrays.toString(records);
    }

    @Override
    public String fillThenCallFailing(int n) {
        Point[] points = new Point[n];
        Poke failing = () -> {
            throw new IllegalStateException("poke");
        };
        try {
            memory.fillThenCall(points, n, failing);
            return "returned " + Arrays.toString(points);
        } catch (FfiException e) {
            return MemoryDriver.failure(e) + " " + Arrays.toString(points);
        }
    }

    @Override
    public String origin() {
        return String.valueOf(memory.origin());
    }

    @Override
    public String originAt() {
        MemorySegment origin = memory.originAt();
        return MemoryDriver.segment(origin) + " " + NativeMemory.read(Point.class, origin);
    }

    @Override
    public String none() {
        return String.valueOf(memory.none());
    }

    @Override
    public String noneAt() {
        MemorySegment none = memory.noneAt();
        return (none == MemorySegment.NULL ? "NULL " : "") + MemoryDriver.segment(none);
    }

    @Override
    public String create(int x, int y) {
        return String.valueOf(memory.create(x, y));
    }

    @Override
    public String createFreedByLibc(int x, int y) {
        return String.valueOf(memory.createFreedByLibc(x, y));
    }

    @Override
    public String greeting(String name) {
        return memory.greeting(name);
    }

    @Override
    public int freeCount() {
        return memory.freeCount();
    }

    @Override
    public int nullFreeCount() {
        return memory.nullFreeCount();
    }

    @Override
    public void bindMissingFree() {
        library.bind(MissingFree.class);
    }

    @Override
    public String open(String name, MemorySegment before) {
        MemorySegment[] handle = {before};
        MemorySegment[] original = handle.clone();
        int result = memory.open(name, handle);
        return result + " " + MemoryDriver.segments(original, handle);
    }

    @Override
    public String swap(MemorySegment[] pair) {
        MemorySegment[] original = pair.clone();
        memory.swap(pair);
        return MemoryDriver.segments(original, pair);
    }

    @Override
    public String fillSlots(MemorySegment[] slots, int n) {
        MemorySegment[] original = slots.clone();
        memory.fillSlots(slots, n);
        return MemoryDriver.segments(original, slots);
    }

    @Override
    public long sumSlots(MemorySegment[] slots, int n) {
        return memory.sumSlots(slots, n);
    }

    @Override
    public int argc(String[] argv) {
        return memory.argc(argv);
    }

    @Override
    public String join(String[] argv, int n, int capacity) {
        byte[] out = new byte[capacity];
        long length = memory.join(argv, n, out, capacity);
        return length + " " + (length < 0 ? "" : new String(out, 0, (int) length, StandardCharsets.UTF_8));
    }

    @Override
    public String binary(int which, int a, int b) {
        return applied(memory.binary(which), a, b);
    }

    @Override
    public String binaryFromAddress(int which, int a, int b) {
        MemorySegment address = memory.binaryAddress(which);
        return applied(library.function(Binary.class, address), a, b);
    }

    private static String applied(Binary view, int a, int b) {
        return view == null ? "null" : view.apply(a, b) + " " + view;
    }

    @Override
    public long widen(int x, long y) {
        return memory.widen().widen(x, y);
    }

    @Override
    public long count(String text) {
        return memory.count().count(text);
    }

    @Override
    public String swapView(int left, int right) {
        PointOp swap = memory.swapOp();
        return swap.apply(new Point(left, right)) + " " + swap;
    }

    @Override
    public long pairCall(int left, int right, int mode, boolean upcall) {
        PointOp op = point -> switch (mode) {
            case 0 -> new Point(point.y(), point.x() * 2);
            case 1 -> null;
            default -> throw new IllegalStateException("no pair " + point);
        };
        if (!upcall) {
            return memory.pairCallTransient(op, left, right);
        }
        try (Upcall<PointOp> registered = Upcall.of(PointOp.class, op)) {
            return memory.pairCall(registered, left, right);
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
            return memory.mixedCall(registered, x, tag, n, k);
        }
    }

    @Override
    public int keepAndCall(int slot, int k, int others, int x) {
        IntOp kept = plus(k);
        memory.keep(slot, kept);
        for (int i = 0; i < others; i++) {
            if (memory.applyTransient(plus(i), x) != x + i) {
                throw new AssertionError("a transient callback adding " + i + " did not add it");
            }
        }
        int result = memory.callKept(slot, x);
        Reference.reachabilityFence(kept);
        return result;
    }

    @Override
    public WeakReference<Object> keepAndForget(int slot) {
        IntOp forgotten = plus(9);
        memory.keep(slot, forgotten);
        if (memory.callKept(slot, 1) != 10) {
            throw new AssertionError("the kept callback did not add 9");
        }
        return new WeakReference<>(forgotten);
    }

    @Override
    public int callKept(int slot, int x) {
        return memory.callKept(slot, x);
    }

    @Override
    public void forget(int slot) {
        memory.keep(slot, null);
    }

    /** A new callback object on every call. */
    private static IntOp plus(int k) {
        return x -> x + k;
    }
}
