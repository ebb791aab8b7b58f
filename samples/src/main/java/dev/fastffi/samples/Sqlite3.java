package dev.fastffi.samples;

import dev.fastffi.annotations.NativeFunction;
import dev.fastffi.annotations.NativeLibrary;
import java.lang.foreign.MemorySegment;

/**
 * The part of SQLite's C API a small program needs. Out-parameters such as {@code sqlite3 **}
 * are one-element {@code long[]} buffers that C writes the handle's address into, or one-element
 * {@code MemorySegment[]} buffers that come back holding the handle as a segment ({@link #open}).
 */
@NativeLibrary({"libsqlite3.so.0", "sqlite3"})
public interface Sqlite3 {
    int OK = 0;
    int ROW = 100;
    int DONE = 101;
    /** {@code SQLITE_TRANSIENT}: SQLite copies bound text before the call returns. */
    long TRANSIENT = -1;

    @NativeFunction("string()")
    String sqlite3_libversion();

    @NativeFunction("i32(string, buffer)")
    int sqlite3_open(String filename, long[] database);

    @NativeFunction("i32(pointer)")
    int sqlite3_close(long database);

    /** {@code sqlite3_open} with the handle as a segment: {@code database[0]} is the new connection. */
    @NativeFunction(value = "i32(string, buffer)", symbol = "sqlite3_open")
    int open(String filename, MemorySegment[] database);

    /** {@code sqlite3_close} of a handle {@link #open} gave. */
    @NativeFunction(value = "i32(pointer)", symbol = "sqlite3_close")
    int close(MemorySegment database);

    @NativeFunction("string(pointer)")
    String sqlite3_errmsg(long database);

    @NativeFunction("i32(pointer, string, i32, buffer, pointer)")
    int sqlite3_prepare_v2(long database, String sql, int bytes, long[] statement, MemorySegment tail);

    @NativeFunction("i32(pointer, i32, i64)")
    int sqlite3_bind_int64(long statement, int index, long value);

    @NativeFunction("i32(pointer, i32, string, i32, pointer)")
    int sqlite3_bind_text(long statement, int index, String text, int bytes, long destructor);

    @NativeFunction("i32(pointer)")
    int sqlite3_step(long statement);

    @NativeFunction("i64(pointer, i32)")
    long sqlite3_column_int64(long statement, int column);

    @NativeFunction("string(pointer, i32)")
    String sqlite3_column_text(long statement, int column);

    @NativeFunction("i32(pointer)")
    int sqlite3_finalize(long statement);
}
