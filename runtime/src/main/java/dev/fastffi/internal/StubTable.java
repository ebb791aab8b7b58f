package dev.fastffi.internal;

import dev.fastffi.internal.StubArenas.Stub;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;

/**
 * The stubs of callback objects by the objects' identity, held weakly: a lookup takes no lock and
 * allocates nothing. A {@code ConcurrentHashMap} cannot promise that: it compares keys through the
 * {@code equals} of a key object made for the lookup, which the JIT allocates as soon as one call
 * that object reaches is not inlined (the bin's chain walk, taken rarely, is not).
 *
 * <p>Chains are never changed once published: a change under the lock publishes a new head, so a
 * lookup sees a whole chain, old or new. An old one can only hold entries of objects that are gone,
 * which no live object matches, or miss one just added, which {@link #putIfAbsent} finds again.
 */
final class StubTable {
    /** An object's stub; {@code hash} is the object's identity hash, kept for when the object is gone. */
    private record Entry(Reference<Object> key, int hash, Stub stub, Entry next) {}

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Entry[].class);
    private static final int FIRST_CAPACITY = 64;

    private volatile Entry[] slots = new Entry[FIRST_CAPACITY];
    /** Entries in {@link #slots}; guarded by {@code this}. */
    private int size;

    /** The stub of {@code target}, or null when it has none. */
    Stub get(Object target) {
        Entry[] table = slots;
        for (Entry e = head(table, System.identityHashCode(target)); e != null; e = e.next()) {
            if (e.key().refersTo(target)) {
                return e.stub();
            }
        }
        return null;
    }

    /**
     * Adds {@code stub} for the object {@code key} refers to, unless that object has a stub
     * already, which it returns; null when it added {@code stub}.
     */
    synchronized Stub putIfAbsent(Object target, Reference<Object> key, Stub stub) {
        Stub present = get(target);
        if (present != null) {
            return present;
        }
        if (size >= slots.length / 4 * 3) {
            grow();
        }
        int hash = System.identityHashCode(target);
        SLOT.setRelease(slots, index(slots, hash), new Entry(key, hash, stub, head(slots, hash)));
        size++;
        return null;
    }

    /** Removes the entry of {@code key}, whose object may be gone; returns its stub, or null when it has none. */
    synchronized Stub remove(Reference<?> key, int hash) {
        Entry head = head(slots, hash);
        for (Entry e = head; e != null; e = e.next()) {
            if (e.key() == key) {
                SLOT.setRelease(slots, index(slots, hash), without(head, e));
                size--;
                return e.stub();
            }
        }
        return null;
    }

    /** Removes the entries of every object that is gone; returns their stubs. */
    synchronized List<Stub> removeGone() {
        List<Stub> removed = new ArrayList<>();
        Entry[] table = slots;
        for (int i = 0; i < table.length; i++) {
            Entry head = table[i];
            for (Entry e = head; e != null; e = e.next()) {
                if (e.key().refersTo(null)) {
                    head = without(head, e);
                    removed.add(e.stub());
                }
            }
            SLOT.setRelease(table, i, head);
        }
        size -= removed.size();
        return removed;
    }

    synchronized int size() {
        return size;
    }

    /** The chain {@code head} without {@code gone}: the entries before it copied, those after it shared. */
    private static Entry without(Entry head, Entry gone) {
        if (head == gone) {
            return gone.next();
        }
        return new Entry(head.key(), head.hash(), head.stub(), without(head.next(), gone));
    }

    private void grow() {
        Entry[] old = slots;
        Entry[] grown = new Entry[old.length * 2];
        for (Entry head : old) {
            for (Entry e = head; e != null; e = e.next()) {
                int i = index(grown, e.hash());
                grown[i] = new Entry(e.key(), e.hash(), e.stub(), grown[i]);
            }
        }
        // the volatile write publishes the new chains whole
        slots = grown;
    }

    private static Entry head(Entry[] table, int hash) {
        return (Entry) SLOT.getAcquire(table, index(table, hash));
    }

    private static int index(Entry[] table, int hash) {
        return (hash ^ (hash >>> 16)) & (table.length - 1);
    }
}
