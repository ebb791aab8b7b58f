package dev.fastffi.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FfiException;
import dev.fastffi.samples.guide.Extras;
import dev.fastffi.samples.guide.FunctionViews;
import dev.fastffi.samples.guide.Lifetimes;
import dev.fastffi.samples.guide.OwnedMemory;
import dev.fastffi.samples.guide.QuickStart;
import dev.fastffi.samples.guide.Structs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every Java snippet of the README and the guide is a tagged region of compiled sample code, and runs. */
class DocSnippetsTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/fastffi/samples");
    /** Snippets of code that is not fastffi's (JNA, hand-written FFM) live in test sources. */
    private static final Path TEST_SOURCES = Path.of("src/test/java/dev/fastffi/samples");
    private static final Pattern SNIPPET =
            Pattern.compile("<!-- snippet: (\\S+)#(\\S+) -->\\n```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void guideSnippetsAreTheCompiledSampleCode() throws IOException {
        assertSnippetsMatch(Path.of("../docs/guide.md"));
    }

    @Test
    void readmeSnippetsAreTheCompiledSampleCode() throws IOException {
        assertSnippetsMatch(Path.of("../README.md"));
    }

    @Test
    void snippetsRunAsTheDocsSay() throws Throwable {
        assertEquals(0xCBF43926L, QuickStart.checksum());
        assertEquals(0x091E01DEL, Lifetimes.adler32Once("123456789"));
        assertEquals(15, Lifetimes.dynamic());
        assertEquals(FfiException.Code.INVALID_ARGUMENT, Lifetimes.errorCode());
        assertFalse(Extras.hasStrnstr(), "glibc has no strnstr");
        assertEquals(1, Extras.optind());
        assertEquals("Div[quot=3, rem=2] LongDiv[quot=-2333333333, rem=-1]", Structs.divide());
        assertEquals("No such file or directory: 1970 day 1", OwnedMemory.describeDayOne());
        assertEquals(42L, OwnedMemory.absoluteThroughAnAddress());
        assertEquals(42L, FunctionViews.absoluteThroughAView());
        assertEquals("slept, 0 s left", Extras.napThenReport().get(30, java.util.concurrent.TimeUnit.SECONDS));
    }

    private static void assertSnippetsMatch(Path doc) throws IOException {
        Matcher matcher = SNIPPET.matcher(Files.readString(doc));
        List<String> checked = new ArrayList<>();
        while (matcher.find()) {
            String file = matcher.group(1);
            Path source = file.startsWith("test/") ? TEST_SOURCES.resolve(file.substring(5)) : SOURCES.resolve(file);
            String region = region(source, matcher.group(2));
            assertEquals(region, matcher.group(3), doc + " differs from " + matcher.group(1) + "#" + matcher.group(2));
            checked.add(matcher.group(2));
        }
        assertFalse(checked.isEmpty(), doc + " has no snippet markers");
    }

    /** The lines between {@code // tag::name[]} and {@code // end::name[]}, without their common indentation. */
    private static String region(Path source, String name) throws IOException {
        List<String> lines = Files.readAllLines(source);
        int start = lines.indexOf(lines.stream().filter(l -> l.trim().equals("// tag::" + name + "[]")).findFirst()
                .orElseThrow(() -> new AssertionError("no tag " + name + " in " + source)));
        int end = lines.subList(start, lines.size()).stream().map(String::trim).toList()
                .indexOf("// end::" + name + "[]") + start;
        assertTrue(end > start, "no end tag " + name + " in " + source);
        List<String> body = lines.subList(start + 1, end);
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder text = new StringBuilder();
        for (String line : body) {
            text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return text.toString();
    }
}
