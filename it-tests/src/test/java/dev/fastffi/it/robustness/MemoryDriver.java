package dev.fastffi.it.robustness;

import dev.fastffi.FfiException;
import java.lang.foreign.MemorySegment;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The operations on memory C owns, lends or keeps, each returning only JDK types (numbers, text,
 * segments) so that the outcomes of every path compare with {@code equals}: the generated binding
 * of {@code owned.OwnedMemory}, its copies compiled with {@code -Afastffi.fast=false} and without
 * the processor, and {@code DynamicFunction.invoke}.
 */
public interface MemoryDriver {
    /** The fixture's callback slots this driver keeps callbacks in, apart from those of other tests. */
    int FIRST_SLOT = 10;

    int sum(int x, int y);

    int sumNull();

    int sumAt(MemorySegment point);

    double total(byte tag, double value);

    double totalAt(MemorySegment padded);

    /** Moves a one-element array: an out-parameter; returns the element C wrote. */
    String move(int x, int y, int dx, int dy);

    /** Lends {@code points} (a null row is a null element, a null array is NULL) and returns C's result and the array after. */
    String fill(int[][] points, int n);

    /** Lends {@code n} points to a function that calls back a Java object that throws; returns the failure and the array after. */
    String fillThenCallFailing(int n);

    String origin();

    String originAt();

    String none();

    String noneAt();

    String create(int x, int y);

    String createFreedByLibc(int x, int y);

    String greeting(String name);

    int freeCount();

    int nullFreeCount();

    /** Binds an interface whose owned result names a free function no library has. */
    void bindMissingFree();

    /** Opens {@code name} with a one-element out-parameter holding {@code before}; returns the result and what C wrote. */
    String open(String name, MemorySegment before);

    String swap(MemorySegment[] pair);

    String fillSlots(MemorySegment[] slots, int n);

    long sumSlots(MemorySegment[] slots, int n);

    int argc(String[] argv);

    /** Joins through an output buffer of {@code capacity} bytes; returns the length and the text. */
    String join(String[] argv, int n, int capacity);

    /** Calls C's binary operation {@code which} on {@code a} and {@code b}, or says it is NULL; with the view's text. */
    String binary(int which, int a, int b);

    /** As {@link #binary}, through a view of the address the fixture returned. */
    String binaryFromAddress(int which, int a, int b);

    long widen(int x, long y);

    long count(String text);

    String swapView(int left, int right);

    /** cb_pair_call with a callback that transforms (mode 0), returns null (1) or throws (2). */
    long pairCall(int left, int right, int mode, boolean upcall);

    /** cb_mixed_call with a callback that transforms (mode 0), returns null (1) or throws (2). */
    double mixedCall(double x, int tag, long n, int k, int mode);

    /** Keeps a callback adding {@code k} in {@code slot}, makes {@code others} calls with other callback objects, then calls the kept one. */
    int keepAndCall(int slot, int k, int others, int x);

    /** Keeps a new callback adding 9 in {@code slot} and returns a weak reference to it, the only one left. */
    WeakReference<Object> keepAndForget(int slot);

    int callKept(int slot, int x);

    void forget(int slot);

    /** A segment array after a call, element by element: the same object as before, the NULL constant, or address and size. */
    static String segments(MemorySegment[] before, MemorySegment[] after) {
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < after.length; i++) {
            MemorySegment element = after[i];
            if (element == before[i]) {
                elements.add("same");
            } else if (element == MemorySegment.NULL) {
                elements.add("NULL");
            } else {
                elements.add(element == null ? "null" : segment(element));
            }
        }
        return elements.toString();
    }

    /** A returned segment: address and size. */
    static String segment(MemorySegment segment) {
        return segment == null ? "null" : "0x" + Long.toHexString(segment.address()) + "/" + segment.byteSize();
    }

    /** An exception a driver caught: code, message and the chain of causes. */
    static String failure(FfiException e) {
        StringBuilder text = new StringBuilder(e.code() + " " + e.getMessage());
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            text.append(" <- ").append(cause.getClass().getName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
