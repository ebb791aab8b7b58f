package dev.fastffi.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The BOM manages every published artifact, each at the BOM's own version, and nothing else. */
class BomTest {
    @Test
    void bomManagesThePublishedArtifactsAtItsOwnVersion() throws Exception {
        Document bom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Jars.path("fastffi.bom").toFile());
        NodeList dependencies = bom.getElementsByTagName("dependency");
        Map<String, String> managed = new TreeMap<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            managed.put(text(dependency, "groupId") + ":" + text(dependency, "artifactId"),
                    text(dependency, "version"));
        }

        assertEquals(Map.of(
                "dev.fastffi:fastffi-annotations", "${project.version}",
                "dev.fastffi:fastffi-model", "${project.version}",
                "dev.fastffi:fastffi-runtime", "${project.version}",
                "dev.fastffi:fastffi-processor", "${project.version}",
                "dev.fastffi:fastffi-importer", "${project.version}"), managed);
        assertEquals(System.getProperty("fastffi.version"), text(bom.getDocumentElement(), "version"));
    }

    @Test
    void bomHasNoParentWhoseManagedVersionsItWouldExport() throws Exception {
        Path bom = Jars.path("fastffi.bom");
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(bom.toFile());

        assertEquals(0, document.getElementsByTagName("parent").getLength());
        assertEquals("pom", text(document.getDocumentElement(), "packaging"));
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
