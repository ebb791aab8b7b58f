package dev.fastffi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FastFfi;
import dev.fastffi.annotations.NativeFunction;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin's classes can be unloaded after it used fastffi: the runtime, loaded by the parent
 * class loader as a plugin host or an application server loads it, keeps nothing that reaches the
 * plugin's class loader once the plugin's bindings, views and callbacks are unreachable.
 */
class ClassLoaderUnloadTest {
    private static final String PLUGIN = """
            package plugin;

            import dev.fastffi.FastFfi;
            import dev.fastffi.Library;
            import dev.fastffi.NativeMemory;
            import dev.fastffi.Upcall;
            import dev.fastffi.annotations.NativeCallback;
            import dev.fastffi.annotations.NativeFunction;
            import java.lang.foreign.MemorySegment;
            import java.util.concurrent.CompletableFuture;

            public final class Plugin implements Runnable {
                @NativeCallback("i32(pointer, pointer)")
                public interface Compare {
                    int compare(MemorySegment a, MemorySegment b);
                }

                public interface LibC {
                    @NativeFunction("i32(i32)")
                    int abs(int x);

                    @NativeFunction("usize(string)")
                    long strlen(String s);

                    @NativeFunction("void(pointer, usize, usize, function)")
                    void qsort(MemorySegment base, long count, long size, Upcall<Compare> compare);

                    @NativeFunction(value = "void(pointer, usize, usize, function)", symbol = "qsort")
                    void qsortWith(MemorySegment base, long count, long size, Compare compare);

                    @NativeFunction(value = "i32(i32)", symbol = "abs")
                    CompletableFuture<Integer> absLater(int x);
                }

                @Override
                public void run() {
                    LibC global = FastFfi.load(LibC.class);
                    check(global.abs(-3) == 3 && global.strlen("four") == 4, "global");
                    check(global.absLater(-5).join() == 5, "asynchronous");
                    Library libc = Library.system();
                    try (var arena = java.lang.foreign.Arena.ofConfined();
                            Upcall<Compare> compare = Upcall.of(Compare.class,
                                    (a, b) -> Byte.compare(NativeMemory.bytes(a, 1)[0], NativeMemory.bytes(b, 1)[0]))) {
                        LibC bound = libc.bind(LibC.class);
                        MemorySegment values = arena.allocateFrom(java.lang.foreign.ValueLayout.JAVA_BYTE, (byte) 3,
                                (byte) 1, (byte) 2);
                        bound.qsort(values, 3, 1, compare);
                        check(values.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0) == 1, "callback");
                        // a lambda that captures is a new object, whose stub the runtime keeps for a while after it
                        int sign = -1;
                        global.qsortWith(values, 3, 1,
                                (a, b) -> sign * Byte.compare(NativeMemory.bytes(a, 1)[0], NativeMemory.bytes(b, 1)[0]));
                        check(values.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0) == 3, "transient callback");
                        check(FastFfi.describe(LibC.class).size() == 5, "describe");
                    }
                    try (Library own = Library.open("libc.so.6")) {
                        check(own.bind(LibC.class).abs(-7) == 7, "closeable");
                    }
                }

                private static void check(boolean ok, String what) {
                    if (!ok) {
                        throw new AssertionError(what);
                    }
                }
            }
            """;

    @TempDir
    Path directory;

    /**
     * The plugin runs in a JVM of its own, which clears soft references at every collection: the
     * JDK keeps method-handle forms of a plugin's types in soft caches, which it empties only when
     * memory runs short, and those are not the runtime's to hold. The stub of the plugin's
     * transient callback, which keeps the plugin's interface, goes by time: a few seconds in grace,
     * a few more spare; then the thread that let it go ends.
     */
    @Test
    void aPluginsClassLoaderIsCollectedAfterItsBindingsAreUnreachable() throws Exception {
        Path classes = compile();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:SoftRefLRUPolicyMSPerMB=0", "--enable-native-access=ALL-UNNAMED",
                // both paths: the suite runs again with every call on the compatibility path
                "-Dfastffi.fast=" + System.getProperty("fastffi.fast", "true"),
                "-cp", System.getProperty("java.class.path"), Host.class.getName(), classes.toString());
        Process host = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(host.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(host.waitFor(2, TimeUnit.MINUTES), "the host did not finish");
        assertEquals(0, host.exitValue(), output);
        assertTrue(output.contains("plugin ran\nplugin unloaded\nno callback-stub thread"), output);
    }

    /** A plugin host: runs the plugin in a class loader of its own, then waits for that loader to be collected. */
    public static final class Host {
        private Host() {}

        public static void main(String[] args) throws Exception {
            WeakReference<ClassLoader> loader = runPlugin(Path.of(args[0]));
            System.out.println("plugin ran");
            for (int i = 0; i < 1_500 && loader.get() != null; i++) {
                System.gc();
                Thread.sleep(20);
            }
            System.out.println(loader.get() == null ? "plugin unloaded" : "the runtime still reaches the plugin's class loader");
            for (int i = 0; i < 250 && stubThreadRuns(); i++) {
                Thread.sleep(20);
            }
            System.out.println(stubThreadRuns() ? "the callback-stub thread still runs" : "no callback-stub thread");
        }

        /** Whether the runtime's thread that lets go of the stubs of transient callbacks runs. */
        private static boolean stubThreadRuns() {
            return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("fastffi-callback-stubs"));
        }

        /** Runs the plugin, with its loader as the thread's context loader; returns a weak reference to that loader. */
        private static WeakReference<ClassLoader> runPlugin(Path classes) throws Exception {
            ClassLoader host = Host.class.getClassLoader();
            URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, host);
            Thread.currentThread().setContextClassLoader(loader);
            try {
                ((Runnable) loader.loadClass("plugin.Plugin").getConstructor().newInstance()).run();
            } finally {
                Thread.currentThread().setContextClassLoader(host);
            }
            loader.close();
            return new WeakReference<>(loader);
        }
    }

    /** The plugin compiled with the processor, as a plugin's own build would. */
    private Path compile() throws Exception {
        Path sources = Files.createDirectories(directory.resolve("src/plugin"));
        Path source = Files.writeString(sources.resolve("Plugin.java"), PLUGIN);
        Path classes = Files.createDirectories(directory.resolve("classes"));
        String path = TestJavac.processorPath();
        TestJavac.compile(List.of("-proc:full", "-processorpath", path, "-classpath", path, "-d", classes.toString()),
                List.of(source));
        assertTrue(Files.exists(classes.resolve("plugin/Plugin$LibC$FastFfi.class")), "the processor ran");
        return classes;
    }
}
