package dev.fastffi.internal;

import dev.fastffi.FastFfi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The directory libraries from the class path are extracted into, each file as
 * {@code <cache>/<sha256 of its content>/<its file name>}, so that every version has a path of its
 * own and the dynamic loader and messages still see the original file name.
 *
 * <p>A file only ever appears under its final name by an atomic rename of a complete, flushed
 * temporary file written next to it, so no process can load a partial file. Several processes
 * extracting the same library at once each write their own temporary file and the last rename
 * wins, with identical content; inside one JVM a lock per target makes the later caller reuse the
 * first one's file, and two copies of fastffi in one JVM, each with its own locks, are as safe as
 * two processes. An existing file is reused only when its content hashes to its directory's
 * name: something other than fastffi may have truncated or edited it, and loading a damaged
 * library can crash the process, while the check reads a file that is about to be mapped anyway.
 *
 * <p>A process killed while writing leaves its temporary file. Each extraction removes this
 * library's temporary files in its directory that are older than {@link #STALE}, which no
 * extraction still writes: the rest may be another process's, in the middle of its write.
 */
final class LibraryCache {
    /** The system property that chooses the cache directory. */
    static final String PROPERTY = FastFfi.LIBRARY_CACHE_PROPERTY;

    /** How old a temporary file is before no extraction can still be writing it: one takes seconds at most. */
    static final Duration STALE = Duration.ofHours(1);

    private static final String TEMPORARY_SUFFIX = ".tmp";
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();
    private static final int BUFFER = 64 * 1024;

    private LibraryCache() {}

    /** The cache directory of this JVM: the property, else the user's cache directory. */
    static Path directory() {
        return directory(System::getProperty, System::getenv);
    }

    /**
     * The cache directory for these system properties and environment variables: the value of
     * {@value #PROPERTY} when set, else {@code fastffi} in the user's cache directory:
     * {@code $XDG_CACHE_HOME} or {@code ~/.cache} on Linux and other Unix systems,
     * {@code ~/Library/Caches} on macOS, {@code %LOCALAPPDATA%} on Windows.
     */
    static Path directory(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String chosen = properties.apply(PROPERTY);
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        String os = String.valueOf(properties.apply("os.name")).toLowerCase(Locale.ROOT);
        String home = properties.apply("user.home");
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Path.of(home, "Library", "Caches", "fastffi");
        }
        if (os.startsWith("windows")) {
            String local = environment.apply("LOCALAPPDATA");
            return present(local) ? Path.of(local, "fastffi") : Path.of(home, "AppData", "Local", "fastffi");
        }
        // the XDG base directory rules ignore a relative path
        String xdg = environment.apply("XDG_CACHE_HOME");
        return present(xdg) && xdg.startsWith("/") ? Path.of(xdg, "fastffi") : Path.of(home, ".cache", "fastffi");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Where {@code content} of a library named {@code fileName} is, or is to be, extracted in {@code cache}. */
    static Path target(Path cache, String fileName, byte[] sha256) {
        return cache.resolve(HexFormat.of().formatHex(sha256)).resolve(fileName);
    }

    /**
     * The path of the library {@code resource} opens, named {@code fileName}, in {@code cache}:
     * the file already there when its content is right, else a new one.
     *
     * @throws IOException when the resource cannot be read or the file cannot be written
     */
    static Path extract(Path cache, String fileName, Resource resource) throws IOException {
        byte[] hash = hash(resource);
        Path target = target(cache, fileName, hash);
        synchronized (LOCKS.computeIfAbsent(target, path -> new Object())) {
            // before a first extraction the directory does not exist yet, and there is nothing to remove
            removeStale(target.getParent(), fileName);
            if (holds(target, hash)) {
                return target;
            }
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), fileName + ".", TEMPORARY_SUFFIX);
            try {
                write(resource, temporary, hash);
                moveIntoPlace(temporary, target, hash);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return target;
        }
    }

    /**
     * Deletes {@code fileName}'s temporary files in {@code directory} last written before
     * {@link #STALE}; a file that cannot be read or deleted stays, since the library is what matters.
     */
    private static void removeStale(Path directory, String fileName) {
        Instant before = Instant.now().minus(STALE);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory,
                file -> isTemporary(file.getFileName().toString(), fileName))) {
            for (Path file : files) {
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException e) {
                    // another process removed or replaced it, or it is not ours to delete
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // the directory cannot be listed: nothing to clean
        }
    }

    /** Whether {@code name} is what {@link Files#createTempFile} names a temporary copy of {@code fileName}. */
    private static boolean isTemporary(String name, String fileName) {
        return name.length() > fileName.length() + 1 + TEMPORARY_SUFFIX.length()
                && name.startsWith(fileName + ".") && name.endsWith(TEMPORARY_SUFFIX);
    }

    /** Opens the content of a library afresh on every call, as a class path resource does. */
    @FunctionalInterface
    interface Resource {
        InputStream open() throws IOException;
    }

    private static void write(Resource resource, Path temporary, byte[] hash) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = resource.open();
                FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) != -1; ) {
                digest.update(buffer, 0, n);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            out.force(true);
        }
        if (!MessageDigest.isEqual(hash, digest.digest())) {
            throw new IOException("the resource changed while it was being extracted");
        }
        readableByAll(temporary);
    }

    /** Renames the complete file to its final name; another process may have put the same content there first. */
    private static void moveIntoPlace(Path temporary, Path target, byte[] hash) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // some file systems refuse to rename over a file, and Windows over a library another
            // process has loaded; either way the file there is fine when its content is
            if (!holds(target, hash)) {
                throw e;
            }
        }
    }

    /** Temporary files are private to their owner; a library in a shared cache must be readable by every user of it. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** Whether {@code file} exists and its content hashes to {@code hash}. */
    static boolean holds(Path file, byte[] hash) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return MessageDigest.isEqual(hash, hash(() -> Files.newInputStream(file)));
        } catch (IOException e) {
            return false;
        }
    }

    static byte[] hash(Resource resource) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = resource.open()) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) != -1; ) {
                digest.update(buffer, 0, n);
            }
        }
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
