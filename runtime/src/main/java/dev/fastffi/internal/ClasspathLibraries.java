package dev.fastffi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Library candidates that are class path resources, {@code classpath:native/{platform}/libfoo.so}:
 * the resource name is absolute whether or not it starts with {@code /}, {@code {platform}} is
 * this JVM's {@link Platform} name, and the resource is extracted into the {@link LibraryCache}
 * before it is loaded from there.
 */
final class ClasspathLibraries {
    static final String PREFIX = "classpath:";

    private static final String ADVICE = "set -D" + LibraryCache.PROPERTY
            + "=<a writable directory on a file system that allows executables>";

    private ClasspathLibraries() {}

    /** The resource name of a {@code classpath:} candidate, as {@code ClassLoader.getResource} takes it. */
    static String resourceName(String candidate, String platform) {
        String name = candidate.substring(PREFIX.length()).replace(Platform.PLACEHOLDER, platform);
        return name.startsWith("/") ? name.substring(1) : name;
    }

    /** The candidate as messages show it, with {@code {platform}} expanded. */
    static String shown(String candidate) {
        return PREFIX + resourceName(candidate, Platform.current());
    }

    /** The URL of the candidate's resource in the first of {@code loaders} that has it, or null. */
    static URL find(String candidate, List<ClassLoader> loaders) {
        String name = resourceName(candidate, Platform.current());
        return owner(name, loaders).map(loader -> loader.getResource(name)).orElse(null);
    }

    private static Optional<ClassLoader> owner(String name, List<ClassLoader> loaders) {
        return loaders.stream().filter(loader -> loader.getResource(name) != null).findFirst();
    }

    /**
     * The extracted file of the candidate's resource, found in the first of {@code loaders} that
     * has it; empty after adding the reason to {@code failures}.
     */
    static Optional<Path> extract(String candidate, List<ClassLoader> loaders, List<String> failures) {
        String name = resourceName(candidate, Platform.current());
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        ClassLoader owner = owner(name, loaders).orElse(null);
        if (owner == null || fileName.isEmpty()) {
            failures.add(shown(candidate) + " (no such resource in " + describe(loaders) + ")");
            return Optional.empty();
        }
        Path cache = LibraryCache.directory().toAbsolutePath();
        try {
            return Optional.of(LibraryCache.extract(cache, fileName, () -> open(owner, name)));
        } catch (IOException | RuntimeException e) {
            failures.add(shown(candidate) + " (could not be extracted into " + cache + ": "
                    + reason(e, cache) + "; " + ADVICE + ")");
            return Optional.empty();
        }
    }

    /** Why the extracted {@code file} of {@code candidate} did not load, for the list of failures. */
    static String loadFailure(String candidate, Path file) {
        return loadFailure(candidate, file, Mounts.of(file));
    }

    /** As {@link #loadFailure(String, Path)}, with the mount of {@code file}, empty when unknown. */
    static String loadFailure(String candidate, Path file, Optional<Mounts.Mount> mount) {
        String where = shown(candidate) + " (extracted to " + file + ", ";
        if (mount.isPresent() && mount.get().noexec()) {
            return where + "which cannot be mapped executable: the file system at " + mount.get().point()
                    + " is mounted noexec; " + ADVICE + ")";
        }
        String refused = where + "which the dynamic loader refused: it is not a library for " + Platform.current()
                + " or a library it needs is missing";
        // without the mount table noexec cannot be ruled out
        return refused + (mount.isPresent() ? ")" : "; if " + file.getParent() + " is on a file system mounted noexec"
                + ", " + ADVICE + ")");
    }

    private static InputStream open(ClassLoader loader, String name) throws IOException {
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("the resource " + name + " disappeared while it was being extracted");
        }
        return in;
    }

    /** The cause of a failed extraction, naming the file it concerns unless that is the cache directory itself. */
    private static String reason(Exception e, Path directory) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return (directory.toString().equals(f.getFile()) ? "" : f.getFile() + ": ") + f.getReason();
        }
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }

    private static String describe(List<ClassLoader> loaders) {
        List<String> names = new ArrayList<>();
        for (ClassLoader loader : loaders) {
            names.add(loader.getName() != null ? "class loader '" + loader.getName() + "'" : loader.toString());
        }
        return String.join(" or ", names);
    }
}
