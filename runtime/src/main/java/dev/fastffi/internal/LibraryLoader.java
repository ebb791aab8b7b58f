package dev.fastffi.internal;

import dev.fastffi.FfiException;
import java.io.File;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the candidates of {@code Library.open} into a loaded library: paths and sonames as given;
 * a bare name {@code z} as {@code libz.so} in {@code java.library.path}, then as the dynamic loader
 * finds {@code libz.so}, then as the installed versioned soname ({@code libz.so.1}), because the
 * unversioned name exists only with development packages and is sometimes a linker script
 * ({@code libm.so}) that {@code dlopen} cannot load; a {@code classpath:} resource as the file
 * {@link ClasspathLibraries} extracts it to.
 */
public final class LibraryLoader {
    private LibraryLoader() {}

    /**
     * Loads the first candidate that opens, or throws {@code LIBRARY_NOT_FOUND} listing every
     * attempt; {@code classpath:} candidates are looked up through the thread's context class
     * loader, then through the class loader of fastffi itself.
     */
    public static LibraryState open(boolean global, String... candidates) {
        return open(global, contextLoaders(), candidates);
    }

    /**
     * Loads the library of {@code iface}'s {@code @NativeLibrary} for the lifetime of the process;
     * {@code classpath:} candidates are looked up through {@code iface}'s class loader.
     */
    public static LibraryState openFor(Class<?> iface, String... candidates) {
        return open(true, List.of(loaderOf(iface)), candidates);
    }

    /**
     * What identifies the library {@link #openFor} loads: the candidates, each {@code classpath:}
     * one with the URL of the resource it finds, so that interfaces of two class loaders that see
     * different files under one resource name do not share a library.
     */
    public static List<String> identity(Class<?> iface, String... candidates) {
        List<String> identity = new ArrayList<>(candidates.length);
        for (String candidate : candidates) {
            identity.add(candidate != null && isResource(candidate)
                    ? candidate + " " + ClasspathLibraries.find(candidate, List.of(loaderOf(iface)))
                    : candidate);
        }
        return identity;
    }

    private static ClassLoader loaderOf(Class<?> iface) {
        ClassLoader loader = iface.getClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }

    private static List<ClassLoader> contextLoaders() {
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        ClassLoader own = LibraryLoader.class.getClassLoader();
        loaders.add(own != null ? own : ClassLoader.getSystemClassLoader());
        return List.copyOf(loaders);
    }

    private static LibraryState open(boolean global, List<ClassLoader> loaders, String... candidates) {
        if (candidates == null || candidates.length == 0) {
            throw new FfiException(FfiException.Code.LIBRARY_NOT_FOUND, "no library candidates were given");
        }
        Arena arena = global ? Arena.global() : Arena.ofAuto();
        List<String> failures = new ArrayList<>();
        for (String candidate : candidates) {
            if (candidate == null || candidate.isBlank()) {
                failures.add("'" + candidate + "' (not a library name)");
                continue;
            }
            if (isBareName(candidate) && !mappable(candidate)) {
                failures.add("'" + candidate + "' (too long for a library name)");
                continue;
            }
            if (isResource(candidate)) {
                Optional<LibraryState> loaded = ClasspathLibraries.extract(candidate, loaders, failures)
                        .flatMap(file -> tryLoadExtracted(candidate, file, arena, global, failures));
                if (loaded.isPresent()) {
                    return loaded.get();
                }
                continue;
            }
            for (String attempt : directAttempts(candidate)) {
                Optional<LibraryState> loaded = tryLoad(attempt, arena, global, failures);
                if (loaded.isPresent()) {
                    return loaded.get();
                }
            }
            // the directory scan costs tens of milliseconds, so it runs only once the rest failed
            Optional<String> versioned = versionedAttempt(candidate);
            if (versioned.isPresent()) {
                Optional<LibraryState> loaded = tryLoad(versioned.get(), arena, global, failures);
                if (loaded.isPresent()) {
                    return loaded.get();
                }
            }
        }
        throw new FfiException(FfiException.Code.LIBRARY_NOT_FOUND,
                "none of the candidates could be loaded; tried " + String.join(", ", failures));
    }

    /**
     * What is tried for one candidate before any directory is scanned, in order: the candidate
     * itself when it is a path or a file name; for a bare name its platform file name
     * ({@code libz.so}) in each {@code java.library.path} directory that has it, as
     * {@code System.loadLibrary} finds it, then that file name as the dynamic loader finds it.
     * The directories come first because they are what the user set for this JVM, and because a
     * name the dynamic loader does not find costs milliseconds before it fails. They are looked at
     * through {@link File}, which the JVM has set up before {@code main}: the first use of
     * {@code java.nio.file} starts its file system, a few milliseconds on the way to a first call.
     */
    static List<String> directAttempts(String candidate) {
        if (!isBareName(candidate)) {
            return List.of(candidate);
        }
        String mapped = System.mapLibraryName(candidate);
        Set<String> attempts = new LinkedHashSet<>();
        for (String directory : pathList(System.getProperty("java.library.path"))) {
            File file = new File(directory, mapped);
            if (file.isFile()) {
                attempts.add(file.getPath());
            }
        }
        attempts.add(mapped);
        return List.copyOf(attempts);
    }

    /**
     * For a bare name on a platform whose libraries end in {@code .so}, the installed versioned
     * soname ({@code libz.so.1}), or {@code libz.so.N} when none is installed; tried last.
     */
    static Optional<String> versionedAttempt(String candidate) {
        if (!isBareName(candidate)) {
            return Optional.empty();
        }
        String mapped = System.mapLibraryName(candidate);
        return mapped.endsWith(".so")
                ? Optional.of(Sonames.versionedSoname(mapped).orElse(mapped + ".N"))
                : Optional.empty();
    }

    /**
     * Whether {@code candidate} names a library inside a jar; here rather than in
     * {@link ClasspathLibraries}, which only a program that ships its library in a jar loads.
     */
    private static boolean isResource(String candidate) {
        return candidate.startsWith(ClasspathLibraries.PREFIX);
    }

    /** Whether {@code System.mapLibraryName} takes {@code name}; it refuses one longer than a file name may be. */
    private static boolean mappable(String name) {
        try {
            System.mapLibraryName(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isBareName(String candidate) {
        return !(candidate.contains("/") || candidate.contains(".so") || candidate.contains(".dylib")
                || candidate.contains(".dll"));
    }

    /**
     * The library {@code attempt} names, or empty after adding it to {@code failures}. A path goes
     * to the dynamic loader as it is, like a name: {@code dlopen} takes either, and looking it up
     * as a {@code Path} would start {@code java.nio.file} for no more than that (a relative path is
     * then relative to the working directory, which is what {@code user.dir} holds).
     */
    private static Optional<LibraryState> tryLoad(String attempt, Arena arena, boolean global, List<String> failures) {
        if (attempt.endsWith(".so.N")) {
            failures.add(attempt + " (no versioned soname installed)");
            return Optional.empty();
        }
        try {
            SymbolLookup lookup = SymbolLookup.libraryLookup(attempt, arena);
            return Optional.of(new LibraryState(attempt, lookup, global, arena));
        } catch (IllegalArgumentException | IllegalStateException e) {
            failures.add(attempt + refusal(attempt));
            return Optional.empty();
        }
    }

    /**
     * Why a path did not load, as far as the file tells (the JDK passes on no reason of the
     * dynamic loader's); nothing for a name, which the dynamic loader searches for.
     */
    private static String refusal(String attempt) {
        if (attempt.indexOf('/') < 0) {
            return "";
        }
        File file = new File(attempt);
        if (!file.exists()) {
            return " (no such file)";
        }
        if (file.isDirectory()) {
            return " (a directory)";
        }
        if (!file.canRead()) {
            return " (not readable)";
        }
        return " (the dynamic loader refused it: not a shared library for this platform, or one it needs is"
                + " missing)";
    }

    /**
     * The library extracted for a {@code classpath:} candidate, or empty after adding why it did
     * not load to {@code failures}.
     */
    private static Optional<LibraryState> tryLoadExtracted(String candidate, Path file, Arena arena, boolean global,
            List<String> failures) {
        try {
            SymbolLookup lookup = SymbolLookup.libraryLookup(file, arena);
            return Optional.of(new LibraryState(ClasspathLibraries.shown(candidate), lookup, global, arena));
        } catch (IllegalArgumentException | IllegalStateException e) {
            failures.add(ClasspathLibraries.loadFailure(candidate, file));
            return Optional.empty();
        }
    }

    /** The non-blank entries of a path list; a loop, not a stream, as it runs when every library loads. */
    private static List<String> pathList(String pathList) {
        List<String> entries = new ArrayList<>();
        if (pathList != null) {
            for (String entry : pathList.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    /**
     * The search for an installed versioned soname, in a class of its own: it runs only once every
     * other attempt for a bare name failed, so most programs never load its code.
     */
    static final class Sonames {
        private Sonames() {}

        /**
         * The highest installed {@code libX.so.N} soname for {@code libX.so}, preferring the short
         * soname over full versions.
         */
        static Optional<String> versionedSoname(String mapped) {
            if (!mapped.endsWith(".so")) {
                return Optional.empty();
            }
            Pattern versioned = Pattern.compile(Pattern.quote(mapped) + "\\.(\\d+(?:\\.\\d+)*)");
            return searchDirectories()
                    .flatMap(Sonames::list)
                    .map(path -> path.getFileName().toString())
                    .map(versioned::matcher)
                    .filter(Matcher::matches)
                    .max(Comparator.comparingInt((Matcher m) -> major(m.group(1)))
                            .thenComparing(m -> -m.group(1).length()))
                    .map(m -> m.group(0));
        }

        private static int major(String version) {
            String first = version.split("\\.")[0];
            return first.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(first);
        }

        private static Stream<Path> list(Path directory) {
            try (Stream<Path> entries = Files.list(directory)) {
                return entries.toList().stream();
            } catch (IOException | RuntimeException e) {
                return Stream.empty();
            }
        }

        /** The directories the dynamic loader searches: LD_LIBRARY_PATH, ld.so.conf, the defaults. */
        private static Stream<Path> searchDirectories() {
            Stream<String> fromEnvironment = split(System.getenv("LD_LIBRARY_PATH"));
            Stream<String> defaults = Stream.of("/lib64", "/usr/lib64", "/lib", "/usr/lib", "/usr/local/lib");
            return Stream.of(fromEnvironment, ldSoConf(Path.of("/etc/ld.so.conf")), defaults)
                    .flatMap(s -> s)
                    .distinct()
                    .map(Path::of)
                    .filter(Files::isDirectory);
        }

        /** Directories named in an ld.so.conf file, following its {@code include} globs. */
        private static Stream<String> ldSoConf(Path file) {
            List<String> directories = new ArrayList<>();
            for (String line : readLines(file)) {
                String trimmed = line.replaceFirst("#.*", "").trim();
                if (trimmed.startsWith("include ")) {
                    String glob = trimmed.substring("include ".length()).trim();
                    Path pattern = file.getParent().resolve(glob);
                    list(pattern.getParent())
                            .filter(p -> p.getFileSystem().getPathMatcher("glob:" + pattern).matches(p))
                            .sorted()
                            .forEach(p -> directories.addAll(ldSoConf(p).toList()));
                } else if (!trimmed.isEmpty()) {
                    directories.add(trimmed);
                }
            }
            return directories.stream();
        }

        private static List<String> readLines(Path file) {
            try {
                return Files.readAllLines(file);
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        }

        private static Stream<String> split(String pathList) {
            return pathList(pathList).stream();
        }
    }
}
