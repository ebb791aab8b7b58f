package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache directory's defaults, given properties and environment, and extraction into it. */
class LibraryCacheTest {
    private static final byte[] CONTENT = "not really a library".getBytes(StandardCharsets.UTF_8);
    private static final String CONTENT_SHA256 = sha256Hex(CONTENT);

    @TempDir
    Path cache;

    private static Path directory(Map<String, String> properties, Map<String, String> environment) {
        return LibraryCache.directory(properties::get, environment::get);
    }

    @Test
    void thePropertyChoosesTheDirectoryOnEverySystem() {
        assertEquals(Path.of("/opt/cache"), directory(
                Map.of("fastffi.library.cache", "/opt/cache", "os.name", "Linux", "user.home", "/home/u"),
                Map.of("XDG_CACHE_HOME", "/xdg")));
        assertEquals(Path.of("/opt/cache"), directory(
                Map.of("fastffi.library.cache", "/opt/cache", "os.name", "Mac OS X", "user.home", "/Users/u"), Map.of()));
    }

    @Test
    void linuxUsesXdgCacheHomeOrDotCache() {
        Map<String, String> linux = Map.of("os.name", "Linux", "user.home", "/home/u");
        assertEquals(Path.of("/xdg/fastffi"), directory(linux, Map.of("XDG_CACHE_HOME", "/xdg")));
        assertEquals(Path.of("/home/u/.cache/fastffi"), directory(linux, Map.of()));
        assertEquals(Path.of("/home/u/.cache/fastffi"), directory(linux, Map.of("XDG_CACHE_HOME", "relative/dir")),
                "a relative XDG_CACHE_HOME is ignored");
        assertEquals(Path.of("/home/u/.cache/fastffi"),
                directory(Map.of("os.name", "Linux", "user.home", "/home/u", "fastffi.library.cache", " "), Map.of()),
                "a blank property is unset");
    }

    @Test
    void macOsUsesLibraryCaches() {
        assertEquals(Path.of("/Users/u/Library/Caches/fastffi"),
                directory(Map.of("os.name", "Mac OS X", "user.home", "/Users/u"), Map.of("XDG_CACHE_HOME", "/xdg")));
    }

    @Test
    void windowsUsesLocalAppData() {
        Map<String, String> windows = Map.of("os.name", "Windows 11", "user.home", "C:\\Users\\u");
        assertEquals(Path.of("C:\\Users\\u\\AppData\\Local", "fastffi"),
                directory(windows, Map.of("LOCALAPPDATA", "C:\\Users\\u\\AppData\\Local")));
        assertEquals(Path.of("C:\\Users\\u", "AppData", "Local", "fastffi"), directory(windows, Map.of()));
    }

    @Test
    void aResourceIsExtractedUnderItsContentHashWithItsOwnFileName() throws IOException {
        Path file = LibraryCache.extract(cache, "libdemo.so", () -> new ByteArrayInputStream(CONTENT));
        assertEquals(cache.resolve(CONTENT_SHA256).resolve("libdemo.so"), file);
        assertArrayEquals(CONTENT, Files.readAllBytes(file));
        assertEquals(List.of(file), filesIn(cache), "no temporary file is left behind");
    }

    @Test
    void aSecondExtractionReusesTheFileWithoutWritingIt() throws IOException {
        Path first = LibraryCache.extract(cache, "libdemo.so", () -> new ByteArrayInputStream(CONTENT));
        Object inode = Files.readAttributes(first, BasicFileAttributes.class).fileKey();
        AtomicInteger opened = new AtomicInteger();
        Path second = LibraryCache.extract(cache, "libdemo.so", () -> {
            opened.incrementAndGet();
            return new ByteArrayInputStream(CONTENT);
        });
        assertEquals(first, second);
        assertEquals(inode, Files.readAttributes(second, BasicFileAttributes.class).fileKey());
        assertEquals(1, opened.get(), "the resource is read once, to hash it, and not again to write it");
    }

    @Test
    void aDamagedFileUnderTheHashIsReplaced() throws IOException {
        Path file = LibraryCache.extract(cache, "libdemo.so", () -> new ByteArrayInputStream(CONTENT));
        Files.write(file, new byte[] {1, 2, 3});
        Path again = LibraryCache.extract(cache, "libdemo.so", () -> new ByteArrayInputStream(CONTENT));
        assertEquals(file, again);
        assertArrayEquals(CONTENT, Files.readAllBytes(again));
        assertEquals(List.of(file), filesIn(cache));
    }

    @Test
    void anotherProcessFinishingTheSameFileFirstIsNoFailure() throws IOException {
        Path target = cache.resolve(CONTENT_SHA256).resolve("libdemo.so");
        AtomicInteger opened = new AtomicInteger();
        Path file = LibraryCache.extract(cache, "libdemo.so", () -> {
            if (opened.getAndIncrement() == 1) {
                // between this process's check and its rename, the other one puts its copy in place
                Files.write(target, CONTENT);
            }
            return new ByteArrayInputStream(CONTENT);
        });
        assertEquals(target, file);
        assertArrayEquals(CONTENT, Files.readAllBytes(file));
        assertEquals(List.of(target), filesIn(cache));
    }

    @Test
    void differentContentGoesToADifferentDirectory() throws IOException {
        Path one = LibraryCache.extract(cache, "libdemo.so", () -> new ByteArrayInputStream(CONTENT));
        Path two = LibraryCache.extract(cache, "libdemo.so", () -> new ByteArrayInputStream(new byte[] {7}));
        assertNotEquals(one.getParent(), two.getParent());
        assertEquals(2, filesIn(cache).size());
    }

    @Test
    void aResourceThatChangesWhileBeingExtractedLeavesNoFile() {
        AtomicInteger opened = new AtomicInteger();
        IOException e = assertThrows(IOException.class, () -> LibraryCache.extract(cache, "libdemo.so",
                () -> new ByteArrayInputStream(opened.getAndIncrement() == 0 ? CONTENT : new byte[] {7})));
        assertEquals("the resource changed while it was being extracted", e.getMessage());
        assertEquals(List.of(), filesIn(cache));
    }

    @Test
    void aTemporaryFileLeftByAKilledExtractionIsRemovedByTheNextOne() throws IOException {
        Path directory = Files.createDirectories(cache.resolve(CONTENT_SHA256));
        Path target = directory.resolve("libdemo.so");
        Path killed = stale(Files.createFile(directory.resolve("libdemo.so.1234.tmp")));
        Path writing = Files.createFile(directory.resolve("libdemo.so.5678.tmp"));
        Path otherName = stale(Files.createFile(directory.resolve("libother.so.1234.tmp")));
        Path notOurs = stale(Files.createFile(directory.resolve("libdemo.so.notes")));

        Path file = LibraryCache.extract(cache, "libdemo.so", () -> new ByteArrayInputStream(CONTENT));

        assertEquals(target, file);
        assertEquals(List.of(target, writing, otherName, notOurs).stream().sorted().toList(), filesIn(cache),
                "only this library's temporary file that no extraction can still be writing goes: "
                        + killed + " is older than " + LibraryCache.STALE.toHours() + " h");
    }

    @Test
    void aTemporaryFileLeftBesideAnExtractedLibraryIsRemovedWhenTheLibraryIsReused() throws IOException {
        Path file = LibraryCache.extract(cache, "libdemo.so", () -> new ByteArrayInputStream(CONTENT));
        stale(Files.createFile(file.resolveSibling("libdemo.so.1234.tmp")));

        assertEquals(file, LibraryCache.extract(cache, "libdemo.so", () -> new ByteArrayInputStream(CONTENT)));
        assertEquals(List.of(file), filesIn(cache));
    }

    /** Sets {@code file}'s modification time to just past the age at which no extraction can still be writing it. */
    private static Path stale(Path file) throws IOException {
        Instant past = Instant.now().minus(LibraryCache.STALE).minusSeconds(60);
        Files.setLastModifiedTime(file, FileTime.from(past));
        return file;
    }

    @Test
    void aCacheUnderARegularFileCannotBeWritten() throws IOException {
        Path file = Files.createFile(cache.resolve("file"));
        assertThrows(IOException.class,
                () -> LibraryCache.extract(file.resolve("cache"), "libdemo.so", () -> new ByteArrayInputStream(CONTENT)));
    }

    private static List<Path> filesIn(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
