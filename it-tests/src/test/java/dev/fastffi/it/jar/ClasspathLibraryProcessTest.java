package dev.fastffi.it.jar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.fastffi.FastFfi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extraction seen from other processes: two JVMs extracting one library into one empty cache at
 * the same moment, and a cache on a file system mounted {@code noexec}, which needs a mount of its
 * own and so a JVM of its own.
 */
class ClasspathLibraryProcessTest {
    private static final String NOEXEC_MOUNT = "mount -t tmpfs -o noexec fastffi-noexec \"$0\" || exit 97; exec \"$@\"";
    private static final int MOUNT_FAILED = 97;

    @TempDir
    Path directory;

    @Test
    void twoJvmsExtractingAtOnceBothLoadTheLibraryFromOneFile() throws Exception {
        Path jar = FixtureJar.create(directory);
        Path cache = directory.resolve("cache");
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            children.add(new ProcessBuilder(java(cache, jar, "--wait")).redirectErrorStream(true).start());
        }
        for (Process child : children) {
            assertEquals("ready", reader(child).readLine());
        }
        // both are past start-up and blocked on their input: released together, they race to extract
        for (Process child : children) {
            Writer go = child.outputWriter();
            go.write("go\n");
            go.flush();
        }
        for (Process child : children) {
            assertEquals("sum 5", output(child).strip());
            assertEquals(0, child.exitValue());
        }
        assertEquals(List.of(FixtureJar.extracted(cache)), FixtureJar.filesIn(cache),
                "one file and no temporary one is left");
    }

    @Test
    void aNoexecCacheDirectoryIsLibraryNotFoundNamingTheProperty() throws Exception {
        Path jar = FixtureJar.create(directory);
        Path mountPoint = Files.createDirectory(directory.resolve("noexec")).toRealPath();
        String result = runOnNoexecMount(mountPoint, java(mountPoint, jar));
        assertEquals("LIBRARY_NOT_FOUND LIBRARY_NOT_FOUND: none of the candidates could be loaded; tried "
                + FixtureJar.SHOWN + " (extracted to " + FixtureJar.extracted(mountPoint) + ", which cannot be mapped"
                + " executable: the file system at " + mountPoint + " is mounted noexec; " + FixtureJar.ADVICE + ")",
                result);
    }

    /**
     * Runs {@code command} with a {@code noexec} tmpfs mounted on {@code mountPoint}: in a mount
     * namespace of its own, as an unprivileged user namespace allows, or as root can; else mounted
     * here as root and unmounted after. Fails, naming every attempt, when none of them can mount.
     */
    private static String runOnNoexecMount(Path mountPoint, List<String> command) throws Exception {
        List<String> attempts = new ArrayList<>();
        for (List<String> launcher : List.of(List.of("unshare", "-r", "-m"), List.of("unshare", "-m"))) {
            List<String> full = new ArrayList<>(launcher);
            full.addAll(List.of("sh", "-c", NOEXEC_MOUNT, mountPoint.toString()));
            full.addAll(command);
            Process child = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = output(child);
            if (child.exitValue() == 0) {
                return output.strip();
            }
            attempts.add(String.join(" ", launcher) + " (exit " + child.exitValue() + "): " + output.strip());
        }
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "noexec", "fastffi-noexec", mountPoint.toString())
                .redirectErrorStream(true).start();
        String mounted = output(mount);
        if (mount.exitValue() != 0) {
            attempts.add("mount as " + System.getProperty("user.name") + " (exit " + mount.exitValue() + "): " + mounted.strip());
            return fail("no noexec file system could be mounted for the test; tried " + String.join("; ", attempts));
        }
        try {
            Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
            return output(child).strip();
        } finally {
            output(new ProcessBuilder("umount", mountPoint.toString()).redirectErrorStream(true).start());
        }
    }

    /** A JVM running {@link ExtractingChild} with the cache in {@code cache}. */
    private static List<String> java(Path cache, Path jar, String... options) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-D" + FastFfi.LIBRARY_CACHE_PROPERTY + "=" + cache,
                "-cp", System.getProperty("java.class.path"),
                ExtractingChild.class.getName(), jar.toString()));
        command.addAll(List.of(options));
        return command;
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** What {@code process} prints until it exits; it is killed when it has not exited after two minutes. */
    private static String output(Process process) throws IOException, InterruptedException {
        String text;
        try (Stream<String> lines = reader(process).lines()) {
            text = String.join("\n", lines.toList());
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("the child JVM did not exit; it printed: " + text);
        }
        return text;
    }
}
