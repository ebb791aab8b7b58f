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
 * a module descriptor that contains that package, a POM that no longer names JavaPoet, and
 * AutoService only where run time never looks: its annotation, and the compile-time side of the
 * descriptor and the POM.
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
    void noClassInTheJarReferencesJavaPoetsOwnPackage() {
        for (String entry : classes()) {
            String text = classText(entry);
            for (String foreign : List.of("com/palantir/javapoet", "com.palantir.javapoet.")) {
                assertFalse(text.contains(foreign), entry + " still names " + foreign);
            }
        }
    }

    @Test
    void autoServiceIsNamedOnlyByTheProcessorsAnnotationWhichIsNotKeptForRunTime() {
        for (String entry : classes()) {
            String text = classText(entry);
            if (entry.equals("dev/fastffi/processor/FastFfiProcessor.class")
                    || entry.equals("dev/fastffi/processor/LocalInterfaceProcessor.class")) {
                // @AutoService(Processor.class), whose retention is CLASS: run time reads no such annotation
                assertEquals(1, text.split("com/google/auto", -1).length - 1, entry);
                assertTrue(text.contains("Lcom/google/auto/service/AutoService;"), entry);
                assertTrue(text.contains("RuntimeInvisibleAnnotations"), entry);
            } else {
                assertFalse(text.contains("com/google/auto"), entry + " names AutoService");
            }
        }
    }

    @Test
    void processorIsFoundThroughTheServicesFile() {
        String services = new String(Jars.read(Jars.PROCESSOR,
                "META-INF/services/javax.annotation.processing.Processor"), StandardCharsets.UTF_8);

        assertEquals("dev.fastffi.processor.FastFfiProcessor\ndev.fastffi.processor.LocalInterfaceProcessor\n",
                services);
    }

    @Test
    void moduleDescriptorIsNamedAndContainsTheRelocatedPackage() {
        ModuleDescriptor descriptor = descriptor();

        assertEquals("dev.fastffi.processor", descriptor.name());
        assertFalse(descriptor.isAutomatic());
        assertEquals(Set.of("dev.fastffi.processor", RELOCATED), descriptor.packages());
        assertEquals(Set.of(), descriptor.exports());
        assertEquals(List.of("dev.fastffi.processor.FastFfiProcessor", "dev.fastffi.processor.LocalInterfaceProcessor"),
                descriptor.provides().stream()
                .filter(p -> p.service().equals("javax.annotation.processing.Processor"))
                .findFirst().orElseThrow().providers());
    }

    @Test
    void moduleDescriptorRequiresTheModelAndTheCompilerApiAndJavaPoetAndAutoServiceOnlyStatically() {
        Map<String, Set<Requires.Modifier>> requires = descriptor().requires().stream()
                .collect(Collectors.toMap(Requires::name, Requires::modifiers, (a, b) -> a, TreeMap::new));

        assertEquals(Set.of("com.google.auto.service", "com.palantir.javapoet", "dev.fastffi.model", "java.base",
                "java.compiler", "jdk.compiler"), requires.keySet());
        // javac's syntax trees, read only where the compiler is javac, which holds the module anyway
        assertEquals(Set.of(Requires.Modifier.STATIC), requires.get("jdk.compiler"));
        assertEquals(Set.of(Requires.Modifier.STATIC), requires.get("com.palantir.javapoet"));
        assertEquals(Set.of(Requires.Modifier.STATIC), requires.get("com.google.auto.service"));
        assertEquals(Set.of(), requires.get("dev.fastffi.model"));
    }

    @Test
    void installedPomNamesNoJavaPoetAndAutoServiceOnlyAsProvided() throws Exception {
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

        // provided: the annotations compile the processor and never reach a user's build
        assertEquals(Map.of("dev.fastffi:fastffi-annotations", "compile", "dev.fastffi:fastffi-model", "compile",
                "com.google.auto.service:auto-service-annotations", "provided"), notTest);
        assertFalse(scopes.keySet().stream().anyMatch(key -> key.startsWith("com.palantir.javapoet:")), scopes.toString());
    }

    /** The jar's class files but the module descriptor, which names its modules: tested on its own. */
    private static List<String> classes() {
        return Jars.entries(Jars.PROCESSOR).stream()
                .filter(entry -> entry.endsWith(".class") && !entry.equals("module-info.class"))
                .toList();
    }

    /** A class file's bytes as text: it keeps names as (modified) UTF-8, which is plain ASCII for these. */
    private static String classText(String entry) {
        return new String(Jars.read(Jars.PROCESSOR, entry), StandardCharsets.ISO_8859_1);
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
