package dev.fastffi.it.jar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.DynamicFunction;
import dev.fastffi.FastFfi;
import dev.fastffi.FfiException;
import dev.fastffi.Library;
import dev.fastffi.it.jar.bound.InJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture library packed into a jar and loaded from it: through the class loader of a bound
 * interface and through the thread's context class loader, extracted once into the cache, shared
 * by class loaders, and the failure when the cache directory cannot be written.
 */
class ClasspathLibraryTest {
    @TempDir
    Path directory;

    @Test
    void anInterfaceOfTheJarsClassLoaderBindsTheLibraryInsideTheJar() throws Exception {
        Path jar = FixtureJar.create(directory);
        Path cache = directory.resolve("cache");
        FixtureJar.withCache(cache, () -> {
            try (URLClassLoader loader = FixtureJar.loaderOf(jar)) {
                Class<?> iface = loader.loadClass(InJar.class.getName());
                assertSame(loader, iface.getClassLoader());
                assertNull(ClassLoader.getSystemClassLoader().getResource(FixtureJar.RESOURCE),
                        "only the jar's class loader sees the library");
                Adder adder = (Adder) FastFfi.load(iface);
                assertEquals(5, adder.add_i32(2, 3));
            }
            Path extracted = FixtureJar.extracted(cache);
            assertEquals(List.of(extracted), FixtureJar.filesIn(cache));
            assertArrayEquals(Files.readAllBytes(FixtureJar.fixture()), Files.readAllBytes(extracted));
        });
    }

    @Test
    void loadAsksTheInterfacesClassLoaderNotTheContextClassLoader() throws Exception {
        Path jar = FixtureJar.create(directory);
        FixtureJar.withCache(directory.resolve("cache"), () -> {
            try (URLClassLoader loader = FixtureJar.plainLoader(jar)) {
                FfiException e = assertThrows(FfiException.class,
                        () -> withContextLoader(loader, () -> FastFfi.load(InJar.class)));
                assertEquals(FfiException.Code.LIBRARY_NOT_FOUND, e.code());
                assertEquals("LIBRARY_NOT_FOUND: none of the candidates could be loaded; tried " + FixtureJar.SHOWN
                        + " (no such resource in class loader 'app')", e.getMessage());
            }
        });
    }

    @Test
    void classLoadersSeeingDifferentFilesUnderOneNameGetALibraryEach() throws Exception {
        byte[] fixture = Files.readAllBytes(FixtureJar.fixture());
        // bytes after the end of an ELF file change its hash but not what it loads as
        byte[] padded = Arrays.copyOf(fixture, fixture.length + 1);
        Path one = FixtureJar.create(directory.resolve("one.jar"), FixtureJar.RESOURCE, fixture);
        Path two = FixtureJar.create(directory.resolve("two.jar"), FixtureJar.RESOURCE, padded);
        Path cache = directory.resolve("cache");
        FixtureJar.withCache(cache, () -> {
            try (URLClassLoader first = FixtureJar.loaderOf(one); URLClassLoader second = FixtureJar.loaderOf(two)) {
                assertEquals(3, ((Adder) FastFfi.load(first.loadClass(InJar.class.getName()))).add_i32(1, 2));
                assertEquals(7, ((Adder) FastFfi.load(second.loadClass(InJar.class.getName()))).add_i32(3, 4));
            }
        });
        assertEquals(List.of(FixtureJar.extracted(cache, FixtureJar.FILE_NAME, fixture),
                        FixtureJar.extracted(cache, FixtureJar.FILE_NAME, padded)).stream().sorted().toList(),
                FixtureJar.filesIn(cache));
    }

    @Test
    void aLibraryForAnotherMachineIsLibraryNotFoundSayingSo() throws Exception {
        byte[] junk = Files.readAllBytes(FixtureJar.fixture());
        // e_machine, at offset 18 of the ELF header: 183 is AArch64
        junk[18] = (byte) 183;
        junk[19] = 0;
        String resource = "native/" + FixtureJar.PLATFORM + "/libjunk.so";
        Path jar = FixtureJar.create(directory.resolve("junk.jar"), resource, junk);
        Path cache = directory.resolve("cache");
        FixtureJar.withCache(cache, () -> {
            try (URLClassLoader loader = FixtureJar.plainLoader(jar)) {
                FfiException e = assertThrows(FfiException.class,
                        () -> withContextLoader(loader, () -> Library.open("classpath:native/{platform}/libjunk.so")));
                assertEquals(FfiException.Code.LIBRARY_NOT_FOUND, e.code());
                assertEquals("LIBRARY_NOT_FOUND: none of the candidates could be loaded; tried classpath:" + resource
                        + " (extracted to " + FixtureJar.extracted(cache, "libjunk.so", junk) + ", which the dynamic"
                        + " loader refused: it is not a library for " + FixtureJar.PLATFORM
                        + " or a library it needs is missing)", e.getMessage());
            }
        });
    }

    @Test
    void libraryOpenFindsTheResourceThroughTheContextClassLoader() throws Exception {
        Path jar = FixtureJar.create(directory);
        FixtureJar.withCache(directory.resolve("cache"), () -> {
            try (URLClassLoader loader = FixtureJar.plainLoader(jar);
                    Library library = withContextLoader(loader, () -> Library.open(FixtureJar.CANDIDATE))) {
                assertEquals(FixtureJar.SHOWN, library.name());
                assertEquals(7, library.bind(Adder.class).add_i32(3, 4));
                assertEquals(9, library.function("add_i32", "i32(i32, i32)").invoke(4, 5));
            }
        });
    }

    @Test
    void aLeadingSlashNamesTheSameResource() throws Exception {
        Path jar = FixtureJar.create(directory);
        FixtureJar.withCache(directory.resolve("cache"), () -> {
            try (URLClassLoader loader = FixtureJar.plainLoader(jar);
                    Library library = withContextLoader(loader, () -> Library.open("classpath:/" + FixtureJar.RESOURCE))) {
                assertEquals(FixtureJar.SHOWN, library.name());
                assertEquals(3, library.bind(Adder.class).add_i32(1, 2));
            }
        });
    }

    @Test
    void aSecondLoadReusesTheExtractedFileWithoutWritingItAgain() throws Exception {
        Path jar = FixtureJar.create(directory);
        Path cache = directory.resolve("cache");
        FixtureJar.withCache(cache, () -> {
            try (URLClassLoader loader = FixtureJar.plainLoader(jar)) {
                withContextLoader(loader, () -> Library.open(FixtureJar.CANDIDATE)).close();
                Path extracted = FixtureJar.extracted(cache);
                Object inode = Files.readAttributes(extracted, BasicFileAttributes.class).fileKey();
                FileTime modified = Files.getLastModifiedTime(extracted);
                try (Library again = withContextLoader(loader, () -> Library.open(FixtureJar.CANDIDATE))) {
                    assertEquals(11, again.bind(Adder.class).add_i32(5, 6));
                }
                assertEquals(inode, Files.readAttributes(extracted, BasicFileAttributes.class).fileKey());
                assertEquals(modified, Files.getLastModifiedTime(extracted));
                assertEquals(List.of(extracted), FixtureJar.filesIn(cache));
            }
        });
    }

    @Test
    void interfacesOfTwoClassLoadersOverOneJarBothWork() throws Exception {
        Path jar = FixtureJar.create(directory);
        Path cache = directory.resolve("cache");
        FixtureJar.withCache(cache, () -> {
            try (URLClassLoader first = FixtureJar.loaderOf(jar); URLClassLoader second = FixtureJar.loaderOf(jar)) {
                Class<?> one = first.loadClass(InJar.class.getName());
                Class<?> two = second.loadClass(InJar.class.getName());
                assertNotSame(one, two);
                assertEquals(3, ((Adder) FastFfi.load(one)).add_i32(1, 2));
                assertEquals(30, ((Adder) FastFfi.load(two)).add_i32(10, 20));
            }
            assertEquals(List.of(FixtureJar.extracted(cache)), FixtureJar.filesIn(cache));
        });
    }

    @Test
    void twoClassLoadersExtractingAtOnceShareOneFile() throws Exception {
        Path jar = FixtureJar.create(directory);
        Path cache = directory.resolve("cache");
        FixtureJar.withCache(cache, () -> {
            try (URLClassLoader first = FixtureJar.plainLoader(jar); URLClassLoader second = FixtureJar.plainLoader(jar);
                    ExecutorService threads = Executors.newFixedThreadPool(2)) {
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Library> one = threads.submit(() -> openAfter(start, first));
                Future<Library> two = threads.submit(() -> openAfter(start, second));
                try (Library a = one.get(60, TimeUnit.SECONDS); Library b = two.get(60, TimeUnit.SECONDS)) {
                    assertEquals(3, a.bind(Adder.class).add_i32(1, 2));
                    assertEquals(7, b.bind(Adder.class).add_i32(3, 4));
                }
            }
            assertEquals(List.of(FixtureJar.extracted(cache)), FixtureJar.filesIn(cache));
        });
    }

    /**
     * Calls go through {@code DynamicFunction}s, which keep nothing of a closed library alive, so
     * that the closed one is really released while the other is used.
     */
    @Test
    void closingTheLibraryOfOneClassLoaderLeavesTheOtherWorking() throws Exception {
        Path jar = FixtureJar.create(directory);
        Path cache = directory.resolve("cache");
        FixtureJar.withCache(cache, () -> {
            String extracted = FixtureJar.extracted(cache).toString();
            try (URLClassLoader first = FixtureJar.plainLoader(jar); URLClassLoader second = FixtureJar.plainLoader(jar)) {
                WeakReference<Library> kept = openCallAndKeep(second, keptAdd -> {
                    collect(openCallAndClose(first));
                    // the closed library is released after it was collected; the dynamic loader
                    // counted both opens of the one file, so the other stays mapped and callable
                    for (int i = 0; i < 100; i++) {
                        System.gc();
                        assertEquals(i + 1, keptAdd.invoke(i, 1));
                    }
                    assertTrue(mapped(extracted), "the library that is still open stays mapped");
                });
                collect(kept);
                collectUntil(() -> !mapped(extracted), "the library is unmapped once both are closed and collected");
            }
        });
    }

    @Test
    void aCacheDirectoryThatCannotBeCreatedIsLibraryNotFoundNamingTheProperty() throws Exception {
        Path jar = FixtureJar.create(directory);
        // tests run as root, whom permissions do not stop: a directory below a regular file cannot exist for anyone
        Path cache = Files.createFile(directory.resolve("regular-file")).resolve("cache");
        FixtureJar.withCache(cache, () -> {
            try (URLClassLoader loader = FixtureJar.plainLoader(jar)) {
                FfiException e = assertThrows(FfiException.class,
                        () -> withContextLoader(loader, () -> Library.open(FixtureJar.CANDIDATE)));
                assertEquals(FfiException.Code.LIBRARY_NOT_FOUND, e.code());
                assertEquals("LIBRARY_NOT_FOUND: none of the candidates could be loaded; tried " + FixtureJar.SHOWN
                        + " (could not be extracted into " + cache + ": Not a directory; " + FixtureJar.ADVICE + ")",
                        e.getMessage());
            }
        });
        assertFalse(Files.exists(cache));
    }

    @Test
    void aMissingResourceIsLibraryNotFoundNamingTheClassLoaders() throws Exception {
        Path jar = FixtureJar.create(directory);
        try (URLClassLoader loader = FixtureJar.plainLoader(jar)) {
            FfiException e = assertThrows(FfiException.class,
                    () -> withContextLoader(loader, () -> Library.open("classpath:native/{platform}/libmissing.so")));
            assertEquals(FfiException.Code.LIBRARY_NOT_FOUND, e.code());
            assertEquals("LIBRARY_NOT_FOUND: none of the candidates could be loaded; tried classpath:native/"
                    + FixtureJar.PLATFORM + "/libmissing.so (no such resource in class loader 'jar' or class loader 'app')",
                    e.getMessage());
        }
    }

    @Test
    void aMissingResourceFallsThroughToTheNextCandidate() throws Exception {
        try (Library library = Library.open("classpath:native/{platform}/libmissing.so",
                FixtureJar.fixture().toString())) {
            assertEquals(FixtureJar.fixture().toString(), library.name());
            assertTrue(library.isOpen());
        }
    }

    /** Opens the library through {@code loader}, hands {@code meanwhile} its {@code add_i32}, then closes it. */
    private static WeakReference<Library> openCallAndKeep(ClassLoader loader, Consumer<DynamicFunction> meanwhile) {
        Library library = withContextLoader(loader, () -> Library.open(FixtureJar.CANDIDATE));
        meanwhile.accept(library.function("add_i32", "i32(i32, i32)"));
        library.close();
        return new WeakReference<>(library);
    }

    private static void collect(WeakReference<?> reference) {
        collectUntil(() -> reference.get() == null, "the closed library is collected");
    }

    /** Runs the garbage collector until {@code done}; a bounded number of times, so a leak fails rather than hangs. */
    private static void collectUntil(BooleanSupplier done, String what) {
        for (int i = 0; i < 1000 && !done.getAsBoolean(); i++) {
            System.gc();
            Thread.yield();
        }
        assertTrue(done.getAsBoolean(), what);
    }

    private static boolean mapped(String file) {
        try {
            return Files.readString(Path.of("/proc/self/maps")).contains(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WeakReference<Library> openCallAndClose(ClassLoader loader) {
        Library library = withContextLoader(loader, () -> Library.open(FixtureJar.CANDIDATE));
        assertEquals(1, library.function("add_i32", "i32(i32, i32)").invoke(0, 1));
        library.close();
        return new WeakReference<>(library);
    }

    private static Library openAfter(CyclicBarrier start, ClassLoader loader) throws Exception {
        start.await(60, TimeUnit.SECONDS);
        return withContextLoader(loader, () -> Library.open(FixtureJar.CANDIDATE));
    }

    private static <T> T withContextLoader(ClassLoader loader, Supplier<T> body) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return body.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
