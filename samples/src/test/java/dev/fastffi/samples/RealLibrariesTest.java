package dev.fastffi.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.Errno;
import dev.fastffi.FastFfi;
import dev.fastffi.Library;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealLibrariesTest {

    @Test
    void frexpWritesTheExponentIntoAnIntArray() {
        int[] exponent = new int[1];
        assertEquals(0.75, FastFfi.load(LibM.class).frexp(48.0, exponent));
        assertEquals(6, exponent[0]);
    }

    @Test
    void zlibRoundTripsRealDataThroughLengthOutParameters() {
        byte[] text = "fastffi compresses through zlib ".repeat(200).getBytes(StandardCharsets.US_ASCII);
        byte[] compressed = Compression.compress(text);
        assertTrue(compressed.length < text.length / 10, "compressed to " + compressed.length);
        assertArrayEquals(text, Compression.uncompress(compressed, text.length));
    }

    @Test
    void sqliteStoresAndQueriesRowsWithBoundParameters() {
        try (Database db = Database.inMemory()) {
            db.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            db.insert(2, "Grace Hopper");
            db.insert(1, "Ada Lovelace");
            db.insert(3, "Ünïcödé ✓");
            assertEquals(List.of(new Database.Person(1, "Ada Lovelace"), new Database.Person(2, "Grace Hopper"),
                    new Database.Person(3, "Ünïcödé ✓")), db.people());
        }
    }

    @Test
    void sqliteErrorMessageBecomesAJavaException() {
        try (Database db = Database.inMemory()) {
            Database.SqliteException e = assertThrows(Database.SqliteException.class, () -> db.execute("SELEKT 1"));
            assertEquals("prepare \"SELEKT 1\" failed (1): near \"SELEKT\": syntax error", e.getMessage());
        }
    }

    @Test
    void gmtimeFillsTheStructBehindItsPointerAndReturnsIt() {
        LibCMemory.Tm[] filled = new LibCMemory.Tm[1];
        LibCMemory.Tm returned = FastFfi.load(LibCMemory.class).gmtime_r(new long[] {365L * 86_400 + 3_723}, filled);
        assertEquals(List.of(71, 0, 1, 1, 2, 3, 5), List.of(returned.year(), returned.mon(), returned.mday(),
                returned.hour(), returned.min(), returned.sec(), returned.wday()));
        assertEquals(returned, filled[0]);
    }

    @Test
    void strdupReturnsTheCopyAndFreesIt() {
        assertEquals("owned by C ✓", FastFfi.load(LibCMemory.class).strdup("owned by C ✓"));
    }

    @Test
    void aFunctionPointerIsCalledThroughItsCallbackInterface() {
        Library libc = Library.system();
        LibCMemory.LongFunction labs = libc.function(LibCMemory.LongFunction.class, libc.find("labs").orElseThrow());
        assertEquals(Long.MAX_VALUE, labs.apply(-Long.MAX_VALUE));
    }

    @Test
    void qsortCallsTheJavaComparatorForEveryComparison() {
        assertArrayEquals(new int[] {9, 6, 5, 4, 3, 2, 1, 1}, Sorting.sortDescending(new int[] {3, 1, 4, 1, 5, 9, 2, 6}));
    }

    @Test
    void qsortTakesAComparatorOfSegments() {
        assertArrayEquals(new int[] {1, 1, 2, 3, 4, 5, 6, 9}, Sorting.sortAscending(new int[] {3, 1, 4, 1, 5, 9, 2, 6}));
    }

    @Test
    void openOfAMissingFileLeavesEnoentInErrno() {
        assertEquals(-1, FastFfi.load(LibC.class).open("/no/such/file/fastffi", 0));
        assertEquals(2, Errno.last());
    }

    @Test
    void snprintfFormatsThroughTheVariadicPath() {
        byte[] text = new byte[64];
        int length = FastFfi.load(LibC.class).snprintf(text, text.length, "%s=%d %.2f %c", "x", 42, 2.5, 'Z');
        assertEquals("x=42 2.50 Z", new String(text, 0, length, StandardCharsets.UTF_8));
    }

    @Test
    void sqliteOpensIntoASegmentOutParameterAndClosesIt() {
        Sqlite3 sqlite = FastFfi.load(Sqlite3.class);
        MemorySegment[] database = new MemorySegment[1];
        assertEquals(Sqlite3.OK, sqlite.open(":memory:", database));
        assertNotEquals(0L, database[0].address());
        assertEquals("not an error", sqlite.sqlite3_errmsg(database[0].address()));
        assertEquals(Sqlite3.OK, sqlite.close(database[0]));
    }

    @Test
    void sqliteReportsItsVersion() {
        assertTrue(Database.version().matches("3\\.\\d+\\.\\d+"), Database.version());
    }
}
