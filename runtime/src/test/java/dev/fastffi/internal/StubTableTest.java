package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.fastffi.internal.StubArenas.Stub;
import java.lang.foreign.MemorySegment;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table of stubs by object identity, with objects "gone" by clearing their keys. */
class StubTableTest {
    private final StubTable table = new StubTable();
    private final List<Object> objects = new ArrayList<>();
    private final List<WeakReference<Object>> keys = new ArrayList<>();
    private final List<Stub> stubs = new ArrayList<>();

    /** Adds {@code count} objects, each with a stub of its own address. */
    private void add(int count) {
        for (int i = 0; i < count; i++) {
            Object object = new Object();
            WeakReference<Object> key = new WeakReference<>(object);
            Stub stub = new Stub(MemorySegment.ofAddress(objects.size() + 1), null, null, null);
            assertNull(table.putIfAbsent(object, key, stub));
            objects.add(object);
            keys.add(key);
            stubs.add(stub);
        }
    }

    @Test
    void everyObjectFindsItsOwnStubAsTheTableGrows() {
        add(5_000);
        assertEquals(5_000, table.size());
        for (int i = 0; i < objects.size(); i++) {
            assertSame(stubs.get(i), table.get(objects.get(i)));
        }
        assertNull(table.get(new Object()));
    }

    @Test
    void anObjectThatHasAStubKeepsIt() {
        add(1);
        Stub other = new Stub(MemorySegment.ofAddress(99), null, null, null);
        assertSame(stubs.get(0), table.putIfAbsent(objects.get(0), new WeakReference<>(objects.get(0)), other));
        assertSame(stubs.get(0), table.get(objects.get(0)));
        assertEquals(1, table.size());
    }

    @Test
    void aKeyWhoseObjectIsGoneFindsItsEntryByTheHashItKept() {
        add(3_000);
        for (int i = 0; i < objects.size(); i += 2) {
            int hash = System.identityHashCode(objects.get(i));
            keys.get(i).clear();
            assertSame(stubs.get(i), table.remove(keys.get(i), hash));
            assertNull(table.remove(keys.get(i), hash), "removed once");
        }
        assertEquals(1_500, table.size());
        for (int i = 0; i < objects.size(); i++) {
            assertSame(i % 2 == 0 ? null : stubs.get(i), table.get(objects.get(i)));
        }
    }

    @Test
    void removingTheGoneTakesExactlyTheClearedKeysFromEveryPlaceInTheirChains() {
        add(3_000);
        Set<Stub> cleared = new HashSet<>();
        for (int i = 0; i < objects.size(); i += 3) {
            keys.get(i).clear();
            cleared.add(stubs.get(i));
        }
        assertEquals(cleared, new HashSet<>(table.removeGone()));
        assertEquals(2_000, table.size());
        for (int i = 0; i < objects.size(); i++) {
            assertSame(i % 3 == 0 ? null : stubs.get(i), table.get(objects.get(i)));
        }
        assertEquals(List.of(), table.removeGone());
    }
}
