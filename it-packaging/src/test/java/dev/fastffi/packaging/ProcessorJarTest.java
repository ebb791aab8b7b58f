package dev.fastffi.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the published processor jar holds and declares: JavaPoet only under the relocated package,
 * a module descriptor that contains that package, and a POM that no longer names JavaPoet.
 */
class ProcessorJarTest {
    private static final String RELOCATED = "dev.fastffi.processor.internal.javapoet";

    @Test
    void jarHoldsNoClassUnderJavaPoetsOwnPackage() {
        List<String> entries = Jars.entries(Jars.PROCESSOR);

        assertEquals(List.of(), entries.stream().filter(name -> name.startsWith("com/")).toList());
        assertTrue(entries.contains("dev/fastffi/processor/internal/javapoet/JavaFile.class"), entries.toString());
    }

    @Test
    void noClassInTheJarReferencesJavaPoetsOrAutoServicesPackages() {
        for (String entry : Jars.entries(Jars.PROCESSOR)) {
            // the descriptor names JavaPoet's module, only as 'requires static': tested below
            if (!entry.endsWith(".class") || entry.equals("module-info.class")) {
                continue;
            }
            // class files keep names as (modified) UTF-8, which is plain ASCII for these
            String text = new String(Jars.read(Jars.PROCESSOR, entry), StandardCharsets.ISO_8859_1);
            for (String foreign : List.of("com/palantir/javapoet", "com.palantir.javapoet.", "com/google/auto")) {
                assertFalse(text.contains(foreign), entry + " still names " + foreign);
            }
        }
    }

    @Test
    void processorIsFoundThroughTheServicesFile() {
        String services = new String(Jars.read(Jars.PROCESSOR,
                "META-INF/services/javax.annotation.processing.Processor"), StandardCharsets.UTF_8);

        assertEquals("dev.fastffi.processor.FastFfiProcessor\n", services);
    }

    @Test
    void moduleDescriptorIsNamedAndContainsTheRelocatedPackage() {
        ModuleDescriptor descriptor = descriptor();

        assertEquals("dev.fastffi.processor", descriptor.name());
        assertFalse(descriptor.isAutomatic());
        assertEquals(Set.of("dev.fastffi.processor", RELOCATED), descriptor.packages());
        assertEquals(Set.of(), descriptor.exports());
        assertEquals(List.of("dev.fastffi.processor.FastFfiProcessor"), descriptor.provides().stream()
                .filter(p -> p.service().equals("javax.annotation.processing.Processor"))
                .findFirst().orElseThrow().providers());
    }

    @Test
    void moduleDescriptorRequiresTheModelAndTheCompilerApiAndJavaPoetOnlyStatically() {
        Map<String, Set<Requires.Modifier>> requires = descriptor().requires().stream()
                .collect(Collectors.toMap(Requires::name, Requires::modifiers, (a, b) -> a, TreeMap::new));

        assertEquals(Set.of("com.palantir.javapoet", "dev.fastffi.model", "java.base", "java.compiler"),
                requires.keySet());
        assertEquals(Set.of(Requires.Modifier.STATIC), requires.get("com.palantir.javapoet"));
        assertEquals(Set.of(), requires.get("dev.fastffi.model"));
    }

    @Test
    void installedPomNamesNeitherJavaPoetNorAutoService() throws Exception {
        Path pom = Jars.path("fastffi.processor.pom");
        NodeList dependencies = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(pom.toFile()).getElementsByTagName("dependency");
        Map<String, String> scopes = new TreeMap<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String scope = text(dependency, "scope");
            scopes.put(text(dependency, "groupId") + ":" + text(dependency, "artifactId"),
                    scope.isEmpty() ? "compile" : scope);
        }
        Map<String, String> notTest = new TreeMap<>(scopes);
        notTest.values().removeIf("test"::equals);

        assertEquals(Map.of("dev.fastffi:fastffi-annotations", "compile", "dev.fastffi:fastffi-model", "compile"),
                notTest);
        assertFalse(scopes.keySet().stream().anyMatch(key -> key.startsWith("com.palantir.javapoet:")
                || key.startsWith("com.google.auto.service:")), scopes.toString());
    }

    private static ModuleDescriptor descriptor() {
        Set<ModuleReference> found = ModuleFinder.of(Jars.PROCESSOR).findAll();
        assertEquals(1, found.size(), found.toString());
        return found.iterator().next().descriptor();
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
