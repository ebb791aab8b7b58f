package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.nativeaccess.NativeAccessProgram;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link NativeAccessProgram} in JVMs of its own, with the runtime on the module path and on
 * the class path, under the JVM's three answers to native access: refuse, warn, enable.
 */
class NativeAccessJvmTest {
    private static final Module NAMED = NativeAccess.class.getModule();
    private static final Module UNNAMED = ClassLoader.getSystemClassLoader().getUnnamedModule();
    private static final List<String> STEPS = List.of("load", "load again", "open", "system", "upcall", "memory");
    private static final List<String> RESULTS = List.of("1", "2", "3", "4", "true", "five");

    @Test
    void onTheModulePathEveryWayInThrowsLibraryNotFoundNamingTheModuleFlag() throws Exception {
        Run run = run(true, denyNativeAccess());
        assertEquals(refusedEverywhere(NAMED), run.stdout(), run.stderr());
    }

    @Test
    void onTheClassPathEveryWayInThrowsLibraryNotFoundNamingAllUnnamed() throws Exception {
        Run run = run(false, denyNativeAccess());
        assertEquals(refusedEverywhere(UNNAMED), run.stdout(), run.stderr());
    }

    @Test
    void onTheModulePathByDefaultTheAdviceIsLoggedOnceAndEveryCallWorks() throws Exception {
        Run run = run(true);
        assertEquals(succeeded(), run.stdout(), run.stderr());
        assertEquals(1, occurrences(run.stderr(), NativeAccess.warning(NAMED)), run.stderr());
    }

    @Test
    void onTheClassPathByDefaultTheAdviceIsLoggedOnceAndEveryCallWorks() throws Exception {
        Run run = run(false);
        assertEquals(succeeded(), run.stdout(), run.stderr());
        assertEquals(1, occurrences(run.stderr(), NativeAccess.warning(UNNAMED)), run.stderr());
    }

    @Test
    void withTheAdvisedFlagNothingIsLogged() throws Exception {
        Run run = run(true, NativeAccess.flag(NAMED));
        assertEquals(succeeded(), run.stdout(), run.stderr());
        assertEquals(0, occurrences(run.stderr(), "native access"), run.stderr());
    }

    private static List<String> refusedEverywhere(Module runtime) {
        String refused = "LIBRARY_NOT_FOUND: " + NativeAccess.refusal(runtime);
        return STEPS.stream().map(step -> step + ": " + refused).toList();
    }

    private static List<String> succeeded() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < STEPS.size(); i++) {
            lines.add(STEPS.get(i) + ": " + RESULTS.get(i));
        }
        return lines;
    }

    /**
     * What makes the JVM refuse native access to the runtime: {@code --illegal-native-access=deny}
     * from JDK 24 on; before, enabling it for some other module refuses it to all the rest.
     */
    private static String denyNativeAccess() {
        return Runtime.version().feature() >= 24
                ? "--illegal-native-access=deny"
                : "--enable-native-access=java.base";
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private record Run(List<String> stdout, String stderr) {}

    /** Runs the program with this JVM, the runtime and its modules on the module path or the class path. */
    private static Run run(boolean modulePath, String... options) throws IOException, InterruptedException {
        String runtime = System.getProperty("jdk.module.path");
        String program = Path.of("target", "test-classes").toAbsolutePath().toString();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options));
        if (modulePath) {
            command.addAll(List.of("--module-path", runtime, "--add-modules", "dev.fastffi", "-cp", program));
        } else {
            command.addAll(List.of("-cp", runtime + File.pathSeparator + program));
        }
        command.add(NativeAccessProgram.class.getName());
        Path stdout = Files.createTempFile("native-access", ".out");
        Path stderr = Files.createTempFile("native-access", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the program did not finish");
            String errors = Files.readString(stderr, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), errors);
            return new Run(Files.readAllLines(stdout, StandardCharsets.UTF_8), errors);
        } finally {
            Files.delete(stdout);
            Files.delete(stderr);
        }
    }
}
