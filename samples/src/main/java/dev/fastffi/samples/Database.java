package dev.fastffi.samples;

import dev.fastffi.FastFfi;
import java.util.ArrayList;
import java.util.List;

/** A tiny JDBC-free wrapper over {@link Sqlite3}: what a user builds on top of a binding. */
public final class Database implements AutoCloseable {
    /** A row of the demo table. */
    public record Person(long id, String name) {}

    /** An SQLite error, with the message {@code sqlite3_errmsg} gave. */
    public static final class SqliteException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SqliteException(String message) {
            super(message);
        }
    }

    private static final Sqlite3 SQLITE = FastFfi.load(Sqlite3.class);

    private final long handle;

    private Database(long handle) {
        this.handle = handle;
    }

    /** Opens an in-memory database. */
    public static Database inMemory() {
        long[] handle = new long[1];
        int rc = SQLITE.sqlite3_open(":memory:", handle);
        Database database = new Database(handle[0]);
        database.check(rc, "open");
        return database;
    }

    /** Runs one statement that returns no rows. */
    public void execute(String sql) {
        long statement = prepare(sql);
        try {
            step(statement);
        } finally {
            SQLITE.sqlite3_finalize(statement);
        }
    }

    /** Inserts a row with bound parameters. */
    public void insert(long id, String name) {
        long statement = prepare("INSERT INTO person (id, name) VALUES (?, ?)");
        try {
            check(SQLITE.sqlite3_bind_int64(statement, 1, id), "bind id");
            check(SQLITE.sqlite3_bind_text(statement, 2, name, -1, Sqlite3.TRANSIENT), "bind name");
            step(statement);
        } finally {
            SQLITE.sqlite3_finalize(statement);
        }
    }

    /** Every row, ordered by id. */
    public List<Person> people() {
        long statement = prepare("SELECT id, name FROM person ORDER BY id");
        try {
            List<Person> people = new ArrayList<>();
            while (step(statement)) {
                people.add(new Person(SQLITE.sqlite3_column_int64(statement, 0),
                        SQLITE.sqlite3_column_text(statement, 1)));
            }
            return people;
        } finally {
            SQLITE.sqlite3_finalize(statement);
        }
    }

    /** The SQLite version, e.g. {@code 3.40.1}. */
    public static String version() {
        return SQLITE.sqlite3_libversion();
    }

    @Override
    public void close() {
        check(SQLITE.sqlite3_close(handle), "close");
    }

    private long prepare(String sql) {
        long[] statement = new long[1];
        check(SQLITE.sqlite3_prepare_v2(handle, sql, -1, statement, null), "prepare \"" + sql + "\"");
        return statement[0];
    }

    /** Steps once: true when a row is ready, false when done. */
    private boolean step(long statement) {
        int rc = SQLITE.sqlite3_step(statement);
        if (rc == Sqlite3.ROW || rc == Sqlite3.DONE) {
            return rc == Sqlite3.ROW;
        }
        throw error(rc, "step");
    }

    private void check(int rc, String what) {
        if (rc != Sqlite3.OK) {
            throw error(rc, what);
        }
    }

    private SqliteException error(int rc, String what) {
        return new SqliteException(what + " failed (" + rc + "): " + SQLITE.sqlite3_errmsg(handle));
    }
}
