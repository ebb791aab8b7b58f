package dev.fastffi.samples;

import dev.fastffi.CallPlan;
import dev.fastffi.DynamicFunction;
import dev.fastffi.Errno;
import dev.fastffi.FastFfi;
import dev.fastffi.Library;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.Locale;

/** The README's demo: binds libm, libc and zlib, prints what it called, and which calls are fast. */
public final class Demo {
    private static final long SPEED_MILLIS = 300;

    private Demo() {}

    public static void main(String[] args) {
        System.out.printf("fastffi demo on Java %s (%s %s)%n%n", Runtime.version(),
                System.getProperty("os.name"), System.getProperty("os.arch"));
        libm();
        libc();
        zlib();
        sqlite();
        ownedMemory();
        dynamic();
        plans(LibM.class);
        plans(LibC.class);
        plans(LibCMemory.class);
        plans(Zlib.class);
        speed();
    }

    /** A few hundred milliseconds per path: indicative only; benchmarks/ has the JMH numbers. */
    private static void speed() {
        section("abs(int) through each path, " + SPEED_MILLIS + " ms each (indicative only: see benchmarks/ for JMH)");
        LibC c = FastFfi.load(LibC.class);
        DynamicFunction abs = Library.system().function("abs", "i32(i32)");
        MethodHandle exact = abs.handle();
        timed("generated FAST binding", i -> c.abs(-i));
        timed("DynamicFunction.handle()", i -> {
            try {
                return (int) exact.invokeExact(-i);
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        });
        timed("generated COMPAT (boxed)", i -> c.absBoxed(-i));
        timed("DynamicFunction.invoke()", i -> (Integer) abs.invoke(-i));
    }

    private static void timed(String path, IntUnaryOperator call) {
        long sum = 0;
        long calls = 0;
        long end = System.nanoTime() + SPEED_MILLIS * 1_000_000;
        long start = System.nanoTime();
        long now;
        do {
            for (int i = 0; i < 10_000; i++) {
                sum += call.applyAsInt(i);
            }
            calls += 10_000;
            now = System.nanoTime();
        } while (now < end);
        show(path, String.format(Locale.ROOT, "%6.1f ns/call (checksum %d)", (now - start) / (double) calls, sum));
    }

    private static void libm() {
        LibM m = FastFfi.load(LibM.class);
        section("libm, bound with FastFfi.load(LibM.class)");
        show("cos(0.0)", m.cos(0.0));
        show("cosf(0.5f)", m.cosf(0.5f));
        show("pow(2.0, 10.0)", m.pow(2.0, 10.0));
        show("sqrt(-1.0)", m.sqrt(-1.0));
        show("floorBoxed(2.7)", m.floorBoxed(2.7));
        int[] exponent = new int[1];
        double mantissa = m.frexp(48.0, exponent);
        show("frexp(48.0, int[1])", mantissa + " * 2^" + exponent[0]);
    }

    private static void libc() {
        LibC c = FastFfi.load(LibC.class);
        section("libc, bound with FastFfi.load(LibC.class) (no @NativeLibrary: the process and libc)");
        show("getpid()", c.getpid() + " (ProcessHandle says " + ProcessHandle.current().pid() + ")");
        show("abs(-42)", c.abs(-42));
        show("labs(Long.MIN_VALUE + 1)", c.labs(Long.MIN_VALUE + 1));
        show("htonl(0x01020304L)", "0x" + Long.toHexString(c.htonl(0x01020304L)));
        try (Arena arena = Arena.ofConfined()) {
            show("strlen(arena.allocateFrom(..))", c.strlen(arena.allocateFrom("fastffi")));
        }
        show("strlenOf(\"héllo\")", c.strlenOf("héllo") + " (UTF-8 bytes)");
        show("getenv(\"NO_SUCH_VARIABLE\")", c.getenv("NO_SUCH_VARIABLE"));
        show("qsort(.., Upcall<Comparator32>)", Arrays.toString(Sorting.sortDescending(new int[] {3, 1, 4, 1, 5, 9, 2, 6})));
        int fd = c.open("/no/such/file", 0);
        show("open(\"/no/such/file\") errno", fd + ", Errno.last() = " + Errno.last() + " (ENOENT is 2)");
        byte[] text = new byte[64];
        int length = c.snprintf(text, text.length, "%s has %d functions, pi is %.3f", "libc", 1500, Math.PI);
        show("snprintf(.., \"%s %d %.3f\", ..)", new String(text, 0, length, StandardCharsets.UTF_8));
    }

    private static void zlib() {
        try (Library library = Library.open("libz.so.1", "z"); Arena arena = Arena.ofConfined()) {
            Zlib zlib = library.bind(Zlib.class);
            section("zlib, bound with Library.open(\"libz.so.1\", \"z\") -> " + library.name());
            byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
            show("crc32(0, byte[9], 9)", "0x" + Long.toHexString(zlib.crc32(0, check, check.length)));
            MemorySegment data = arena.allocateFrom("123456789");
            show("adler32(1, segment, 9)", "0x" + Long.toHexString(zlib.adler32(1, data, 9)));
            show("compressBound(1 MiB)", zlib.compressBound(1 << 20));
        }
        byte[] text = "fastffi ".repeat(512).getBytes(StandardCharsets.US_ASCII);
        byte[] compressed = Compression.compress(text);
        boolean same = Arrays.equals(text, Compression.uncompress(compressed, text.length));
        show("compress2/uncompress 4 KiB", compressed.length + " bytes compressed, round trip "
                + (same ? "exact" : "BROKEN"));
    }

    private static void sqlite() {
        section("sqlite3 " + Database.version() + ", bound with FastFfi.load(Sqlite3.class)");
        try (Database db = Database.inMemory()) {
            db.execute("CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            db.insert(1, "Ada Lovelace");
            db.insert(2, "Grace Hopper");
            show("SELECT id, name FROM person", db.people());
            try {
                db.execute("SELEKT nothing");
            } catch (Database.SqliteException e) {
                show("bad SQL", e.getMessage());
            }
        }
    }

    private static void ownedMemory() {
        LibCMemory c = FastFfi.load(LibCMemory.class);
        section("memory that C owns: struct pointers, owned strings, out-parameters, function pointers");
        LibCMemory.Tm[] filled = new LibCMemory.Tm[1];
        LibCMemory.Tm returned = c.gmtime_r(new long[] {365L * 86_400}, filled);
        show("gmtime_r(365 days, Tm[1])", String.format(Locale.ROOT, "%d-%02d-%02d, day %d of the year; "
                + "filled[0].equals(result) is %b", 1900 + returned.year(), returned.mon() + 1, returned.mday(),
                returned.yday(), filled[0].equals(returned)));
        show("strdup(\"owned by C\"), free=\"free\"", c.strdup("owned by C"));
        Sqlite3 sqlite = FastFfi.load(Sqlite3.class);
        MemorySegment[] database = new MemorySegment[1];
        int status = sqlite.open(":memory:", database);
        show("sqlite3_open(.., MemorySegment[1])", "status " + status + ", handle 0x"
                + Long.toHexString(database[0].address()) + ", closed with status " + sqlite.close(database[0]));
        Library libc = Library.system();
        LibCMemory.LongFunction labs = libc.function(LibCMemory.LongFunction.class, libc.find("labs").orElseThrow());
        show("find(\"labs\") as LongFunction", "apply(-5) = " + labs.apply(-5));
    }

    private static void dynamic() {
        section("a signature known only at run time: Library.system().function(\"labs\", \"i64(i64)\")");
        DynamicFunction labs = Library.system().function("labs", "i64(i64)");
        show("invoke(-7L)", labs.invoke(-7L));
        try {
            show("handle().invokeExact(-8L)", (long) labs.handle().invokeExact(-8L));
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static void plans(Class<?> iface) {
        section("FastFfi.describe(" + iface.getSimpleName() + ".class)");
        List<CallPlan> plans = FastFfi.describe(iface);
        int methodWidth = plans.stream().mapToInt(p -> p.method().length()).max().orElse(0);
        int signatureWidth = plans.stream().mapToInt(p -> p.signature().length()).max().orElse(0);
        String row = "  %-" + methodWidth + "s  %-" + signatureWidth + "s  %-6s  %s%n";
        for (CallPlan plan : plans) {
            System.out.printf(Locale.ROOT, row, plan.method(), plan.signature(), plan.path(), plan.reason());
        }
    }

    private static void section(String title) {
        System.out.printf("%n%s%n", title);
    }

    private static void show(String call, Object result) {
        System.out.printf(Locale.ROOT, "  %-30s = %s%n", call, result);
    }
}
