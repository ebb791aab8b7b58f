package dev.fastffi.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The mount a file lies on, read from {@code /proc/self/mountinfo}: the JDK reports a failed
 * {@code dlopen} without its reason, so this is how a library refused because its file system is
 * mounted {@code noexec} is told from one that is damaged or built for another platform.
 */
final class Mounts {
    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    private Mounts() {}

    /** A mount point and whether it forbids mapping files executable. */
    record Mount(String point, boolean noexec) {}

    /** The mount {@code file} lies on, or empty where there is no {@code /proc/self/mountinfo}. */
    static Optional<Mount> of(Path file) {
        try {
            return of(file.toRealPath().toString(), Files.readAllLines(MOUNTINFO));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The mount of the absolute, symlink-free {@code path} among {@code mountinfo}'s lines: the
     * longest mount point that contains it, the last of equal ones, as later mounts cover earlier.
     */
    static Optional<Mount> of(String path, List<String> mountinfo) {
        Mount found = null;
        for (String line : mountinfo) {
            String[] fields = line.split(" ");
            if (fields.length < 6) {
                continue;
            }
            String point = unescape(fields[4]);
            if (contains(point, path) && (found == null || point.length() >= found.point().length())) {
                found = new Mount(point, List.of(fields[5].split(",")).contains("noexec"));
            }
        }
        return Optional.ofNullable(found);
    }

    private static boolean contains(String point, String path) {
        return point.equals("/") || path.equals(point) || path.startsWith(point + "/");
    }

    /** Mount points write space, tab, newline and backslash as three octal digits after a backslash. */
    private static String unescape(String field) {
        StringBuilder text = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                text.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
