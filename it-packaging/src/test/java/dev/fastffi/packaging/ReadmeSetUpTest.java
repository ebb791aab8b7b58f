package dev.fastffi.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The Maven set-up the README shows names the artifacts this build publishes, at this build's
 * version, so that it cannot drift from them; the guide's Gradle set-up names the same version.
 */
class ReadmeSetUpTest {
    private static final String VERSION = System.getProperty("fastffi.version");

    @Test
    void readmeImportsTheBomAtThisVersionAndPutsTheProcessorOnTheProcessorPath() throws Exception {
        Document snippet = firstXmlBlock(section(Files.readString(Jars.path("fastffi.readme")),
                "## Use it in your project"));

        assertEquals(VERSION, text(snippet.getDocumentElement(), "fastffi.version"));
        Element bom = (Element) snippet.getElementsByTagName("dependencyManagement").item(0);
        assertEquals("dev.fastffi:fastffi-bom:${fastffi.version}:pom:import", coordinates(bom));
        Element runtime = (Element) snippet.getElementsByTagName("dependencies").item(1);
        assertEquals("dev.fastffi:fastffi-runtime:::", coordinates(runtime));
        Element processorPath = (Element) snippet.getElementsByTagName("annotationProcessorPaths").item(0);
        assertEquals("dev.fastffi:fastffi-processor:${fastffi.version}::", coordinates(processorPath));
        assertEquals(System.getProperty("fastffi.release"), text(snippet.getDocumentElement(), "release"));
    }

    @Test
    void readmeNamesTheNativeAccessFlagForClassPathModulePathAndExecutableJar() throws IOException {
        String section = section(Files.readString(Jars.path("fastffi.readme")), "## Use it in your project");

        assertTrue(section.contains("--enable-native-access=ALL-UNNAMED"), section);
        assertTrue(section.contains("--enable-native-access=dev.fastffi "), section);
        assertTrue(section.contains("<Enable-Native-Access>ALL-UNNAMED</Enable-Native-Access>"), section);
    }

    @Test
    void guidesGradleSetUpUsesTheBomAtThisVersion() throws IOException {
        String setUp = section(Files.readString(Jars.path("fastffi.guide")), "## Set-up");

        assertTrue(setUp.contains("platform(\"dev.fastffi:fastffi-bom:" + VERSION + "\")"), setUp);
        assertTrue(setUp.contains("annotationProcessor(\"dev.fastffi:fastffi-processor\")"), setUp);
        assertTrue(setUp.contains("not tested here"), setUp);
    }

    /** The text from a level-2 heading up to the next one. */
    private static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "no section " + heading);
        int end = markdown.indexOf("\n## ", start + 1);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    private static Document firstXmlBlock(String markdown) throws Exception {
        Matcher block = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        assertTrue(block.find(), "no xml block");
        // the snippet is a run of sibling elements of a POM's <project>
        String project = "<project>" + block.group(1) + "</project>";
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(project)));
    }

    /** groupId:artifactId:version:type:scope of the one dependency or path under {@code parent}. */
    private static String coordinates(Element parent) {
        return String.join(":", text(parent, "groupId"), text(parent, "artifactId"), text(parent, "version"),
                text(parent, "type"), text(parent, "scope"));
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
