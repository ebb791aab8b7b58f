package dev.fastffi.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code -Dbench.*} option the module's README lists reaches {@link BenchMain}: Maven runs it
 * in a JVM of its own, which sees only the properties the bench profile's command line passes on.
 */
class BenchOptionsTest {
    private static final Pattern OPTION = Pattern.compile("^\\| `-D(bench\\.[a-z.]+)=", Pattern.MULTILINE);

    @Test
    void everyOptionTheReadmeListsIsPassedToTheSuite() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher options = OPTION.matcher(readme);
        List<String> listed = options.results().map(match -> match.group(1)).toList();

        assertEquals(List.of("bench.coldstart.runs", "bench.jmh", "bench.results"), listed.stream().sorted().toList());
        for (String option : listed) {
            assertTrue(pom.contains("-D" + option + "=${" + option + "}"), option + " is not passed to BenchMain");
            assertTrue(pom.contains("<" + option + ">"), option + " has no default in the pom");
        }
    }
}
