package dev.fastffi.processor;

import com.google.auto.service.AutoService;
import dev.fastffi.model.Message;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Reports native interfaces declared inside a method, an initializer or an anonymous class
 * ({@link LocalInterfaces}), for which {@link FastFfiProcessor} can generate nothing, and fastffi's
 * annotations on classes declared there, which it never sees.
 *
 * <p>javac asks a processor only about the annotations on the types and members a round lists, and
 * lists no local type, so a file whose only fastffi annotations are on local interfaces reaches
 * {@code FastFfiProcessor} not at all. This processor therefore takes every file ({@code "*"}) and
 * claims nothing, so every other processor, ours included, still sees every annotation.
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes("*")
public final class LocalInterfaceProcessor extends AbstractProcessor {
    private LocalInterfaces localInterfaces;

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        localInterfaces = LocalInterfaces.of(environment);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element root : round.getRootElements()) {
            try {
                localInterfaces.report(root);
            } catch (RuntimeException | LinkageError e) {
                Problem.print(processingEnv.getMessager(), Message.INTERNAL_ERROR, root,
                        root instanceof TypeElement type ? type.getQualifiedName() : root, e);
            }
        }
        return false;
    }
}
