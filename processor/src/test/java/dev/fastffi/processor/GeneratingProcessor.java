package dev.fastffi.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Another annotation processor, as a user's build may run next to ours: in the first round it
 * writes one source, so the type that source declares exists only from the second round on.
 */
@SupportedAnnotationTypes("*")
final class GeneratingProcessor extends AbstractProcessor {
    private final String qualifiedName;
    private final String text;
    private boolean written;

    /** Writes {@code lines} as the source of {@code qualifiedName} in the first round. */
    GeneratingProcessor(String qualifiedName, String... lines) {
        this.qualifiedName = qualifiedName;
        this.text = String.join("\n", lines) + "\n";
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (!written) {
            written = true;
            try (Writer writer = processingEnv.getFiler().createSourceFile(qualifiedName).openWriter()) {
                writer.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }
}
