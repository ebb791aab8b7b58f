package dev.fastffi.benchmarks.coldstart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mechanism of the cold-start probe loads its classes from jars, as a deployed application does. */
class ColdStartClassPathTest {
    @Test
    void aClassDirectoryBecomesAJarOfItsFilesAndAJarStaysAsItIs(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/p/q"));
        Files.write(classes.resolve("A.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2});
        Files.writeString(dir.resolve("classes/r.txt"), "resource");
        String jar = dir.resolve("lib.jar").toString();

        List<String> entries = List.of(ColdStart.asJars(dir.resolve("classes") + File.pathSeparator + jar)
                .split(File.pathSeparator));

        assertEquals(2, entries.size(), entries.toString());
        assertTrue(entries.get(0).endsWith(".jar"), entries.get(0));
        assertEquals(jar, entries.get(1));
        try (JarFile packed = new JarFile(entries.get(0))) {
            assertArrayEquals(new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2},
                    packed.getInputStream(packed.getJarEntry("p/q/A.class")).readAllBytes());
            assertEquals("resource", new String(packed.getInputStream(packed.getJarEntry("r.txt")).readAllBytes()));
            assertEquals("1.0", packed.getManifest().getMainAttributes().getValue("Manifest-Version"));
        }
    }
}
