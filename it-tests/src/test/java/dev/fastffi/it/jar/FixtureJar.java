package dev.fastffi.it.jar;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.fastffi.FastFfi;
import dev.fastffi.it.jar.bound.InJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** The C fixture packed into a jar as {@code native/<platform>/libfastffi_fixture.so}, and class loaders over it. */
final class FixtureJar {
    static final String FILE_NAME = "libfastffi_fixture.so";
    static final String PLATFORM = "linux-x86-64";
    static final String RESOURCE = "native/" + PLATFORM + "/" + FILE_NAME;
    static final String CANDIDATE = "classpath:native/{platform}/" + FILE_NAME;
    static final String SHOWN = "classpath:" + RESOURCE;
    static final String ADVICE = "set -D" + FastFfi.LIBRARY_CACHE_PROPERTY
            + "=<a writable directory on a file system that allows executables>";

    private FixtureJar() {}

    /** The fixture the build compiled. */
    static Path fixture() {
        String path = System.getProperty("fastffi.fixture");
        assertNotNull(path, "system property fastffi.fixture is not set; run the tests through Maven");
        return Path.of(path);
    }

    /** Writes a jar holding only the fixture under {@link #RESOURCE} into {@code directory}. */
    static Path create(Path directory) throws IOException {
        return create(directory.resolve("fixture.jar"), RESOURCE, Files.readAllBytes(fixture()));
    }

    /** Writes {@code jar} holding only {@code content} as {@code resource}, with entries for its folders. */
    static Path create(Path jar, String resource, byte[] content) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (int slash = resource.indexOf('/'); slash >= 0; slash = resource.indexOf('/', slash + 1)) {
                out.putNextEntry(new JarEntry(resource.substring(0, slash + 1)));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(resource));
            out.write(content);
            out.closeEntry();
        }
        return jar;
    }

    /** Where {@code content} is extracted in {@code cache}: under its SHA-256. */
    static Path extracted(Path cache, String fileName, byte[] content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content);
            return cache.resolve(HexFormat.of().formatHex(hash)).resolve(fileName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plain class loader over {@code jar} whose parent is the application class loader. */
    static URLClassLoader plainLoader(Path jar) {
        return new URLClassLoader("jar", new URL[] {url(jar)}, FixtureJar.class.getClassLoader());
    }

    /**
     * A class loader over {@code jar} and this module's test classes that defines the package of
     * {@link InJar} itself, so {@code InJar} and its generated binding belong to it, while every
     * other class comes from the application class loader as usual.
     */
    static URLClassLoader loaderOf(Path jar) {
        URL testClasses;
        try {
            testClasses = InJar.class.getProtectionDomain().getCodeSource().getLocation().toURI().toURL();
        } catch (URISyntaxException | MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        return new URLClassLoader("jar-and-bound", new URL[] {url(jar), testClasses}, FixtureJar.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.startsWith(InJar.class.getPackageName() + ".")) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : findClass(name);
                }
            }
        };
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the fixture is extracted in {@code cache}: under the SHA-256 of its content. */
    static Path extracted(Path cache) {
        try {
            return extracted(cache, FILE_NAME, Files.readAllBytes(fixture()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file below {@code directory}, temporary ones included. */
    static List<Path> filesIn(Path directory) {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code body} with {@code -Dfastffi.library.cache} set to {@code cache}, then restores it. */
    static void withCache(Path cache, ThrowingRunnable body) throws Exception {
        String before = System.getProperty(FastFfi.LIBRARY_CACHE_PROPERTY);
        System.setProperty(FastFfi.LIBRARY_CACHE_PROPERTY, cache.toString());
        try {
            body.run();
        } finally {
            if (before == null) {
                System.clearProperty(FastFfi.LIBRARY_CACHE_PROPERTY);
            } else {
                System.setProperty(FastFfi.LIBRARY_CACHE_PROPERTY, before);
            }
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
