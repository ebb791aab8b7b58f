package dev.fastffi.it.importer;

import static dev.fastffi.it.importer.ImportedSources.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.CallPath;
import dev.fastffi.FastFfi;
import dev.fastffi.NativeMemory;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** zlib.h and sqlite3.h from the system imported whole, compiled with the processor and called against the real libraries. */
class ImportedSystemLibrariesTest {
    private static boolean fastPathEnabled() {
        return !"false".equalsIgnoreCase(System.getProperty(FastFfi.FAST_PROPERTY));
    }

    @Test
    void importedZlibComputesTheCrc32CheckValue() throws Throwable {
        ImportedSources zlib = ImportedSources.importAndCompile("dev.fastffi.it.imported.zlib",
                "-l", "libz.so.1", "-l", "z", "/usr/include/zlib.h");
        Class<?> type = zlib.type("Zlib");
        Object binding = FastFfi.load(type);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment data = arena.allocateFrom("123456789");
            long crc = (Long) call(binding, type, "crc32", 0L, data, 9);
            assertEquals("cbf43926", HexFormat.of().toHexDigits((int) crc));
        }
        assertEquals("1.", ((String) call(binding, type, "zlibVersion")).substring(0, 2));
        assertEquals(-2, type.getField("Z_STREAM_ERROR").get(null));
        assertEquals(fastPathEnabled() ? CallPath.FAST : CallPath.COMPAT, FastFfi.describe(type).stream()
                .filter(plan -> plan.method().equals("crc32")).findFirst().orElseThrow().path());
    }

    @Test
    void importedSqlite3RunsAQueryInMemory() throws Throwable {
        ImportedSources sqlite = ImportedSources.importAndCompile("dev.fastffi.it.imported.sqlite3",
                "-l", "libsqlite3.so.0", "-l", "sqlite3", "--strip-prefix", "sqlite3_",
                "--optional", "sqlite3_(win32_.*|snapshot_.*|mutex_(not)?held|stmt_scanstatus.*)", "/usr/include/sqlite3.h");
        Class<?> type = sqlite.type("Sqlite3");
        Object db = FastFfi.load(type);
        int ok = (Integer) type.getField("SQLITE_OK").get(null);
        int row = (Integer) type.getField("SQLITE_ROW").get(null);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment handle = arena.allocate(ValueLayout.ADDRESS);
            assertEquals(ok, call(db, type, "open", ":memory:", handle));
            MemorySegment connection = handle.get(ValueLayout.ADDRESS, 0);
            assertEquals(ok, call(db, type, "exec", connection,
                    "create table t(x integer, s text); insert into t values (42, 'forty-two')", null,
                    MemorySegment.NULL, MemorySegment.NULL));
            MemorySegment statement = arena.allocate(ValueLayout.ADDRESS);
            assertEquals(ok, call(db, type, "prepare_v2", connection, "select x * 2, s from t", -1, statement,
                    MemorySegment.NULL));
            MemorySegment query = statement.get(ValueLayout.ADDRESS, 0);
            assertEquals(row, call(db, type, "step", query));
            assertEquals(84L, call(db, type, "column_int64", query, 0));
            MemorySegment text = (MemorySegment) call(db, type, "column_text", query, 1);
            assertEquals("forty-two", NativeMemory.string(text));
            assertEquals(ok, call(db, type, "finalize_", query));
            assertEquals(ok, call(db, type, "close", connection));
        }
        assertTrue(sqlite.result.functions() > 250, () -> sqlite.result.functions() + " functions bound");
        assertEquals(sqlite.result.functions(), FastFfi.describe(type).size());
        // FAST is every method without a String (a temporary copy) and without variadic arguments
        long withoutStrings = Arrays.stream(type.getDeclaredMethods()).filter(m -> !m.isVarArgs()
                && m.getReturnType() != String.class && !Arrays.asList(m.getParameterTypes()).contains(String.class)).count();
        assertEquals(fastPathEnabled() ? withoutStrings : 0, ImportedSources.fastCount(type));
    }
}
