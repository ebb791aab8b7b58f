package dev.fastffi.processor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * Runs {@link FastFfiProcessor} behind a Filer that records which sources it writes (compile-testing
 * hides generated files once compilation failed) and can be told to fail, as a broken Filer would.
 */
final class RecordingProcessor implements Processor {
    private final FastFfiProcessor processor = new FastFfiProcessor();
    private final Exception failure;
    private final List<String> written = new ArrayList<>();

    private RecordingProcessor(Exception failure) {
        this.failure = failure;
    }

    static RecordingProcessor recording() {
        return new RecordingProcessor(null);
    }

    /** Every source file creation throws {@code failure}, an {@code IOException} or unchecked. */
    static RecordingProcessor failingWith(Exception failure) {
        return new RecordingProcessor(failure);
    }

    /** The qualified names of the sources written, in order. */
    List<String> written() {
        return written;
    }

    @Override
    public void init(ProcessingEnvironment environment) {
        processor.init(new Environment(environment));
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return processor.process(annotations, round);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return processor.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return processor.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return processor.getSupportedSourceVersion();
    }

    @Override
    public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
            ExecutableElement member, String userText) {
        return processor.getCompletions(element, annotation, member, userText);
    }

    private final class Environment implements ProcessingEnvironment {
        private final ProcessingEnvironment delegate;

        Environment(ProcessingEnvironment delegate) {
            this.delegate = delegate;
        }

        @Override
        public Filer getFiler() {
            return new RecordingFiler(delegate.getFiler());
        }

        @Override
        public Map<String, String> getOptions() {
            return delegate.getOptions();
        }

        @Override
        public Messager getMessager() {
            return delegate.getMessager();
        }

        @Override
        public Elements getElementUtils() {
            return delegate.getElementUtils();
        }

        @Override
        public Types getTypeUtils() {
            return delegate.getTypeUtils();
        }

        @Override
        public SourceVersion getSourceVersion() {
            return delegate.getSourceVersion();
        }

        @Override
        public Locale getLocale() {
            return delegate.getLocale();
        }
    }

    private final class RecordingFiler implements Filer {
        private final Filer delegate;

        RecordingFiler(Filer delegate) {
            this.delegate = delegate;
        }

        @Override
        public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements) throws IOException {
            if (failure instanceof IOException checked) {
                throw checked;
            }
            if (failure != null) {
                throw (RuntimeException) failure;
            }
            written.add(name.toString());
            return delegate.createSourceFile(name, originatingElements);
        }

        @Override
        public JavaFileObject createClassFile(CharSequence name, Element... originatingElements) throws IOException {
            return delegate.createClassFile(name, originatingElements);
        }

        @Override
        public FileObject createResource(JavaFileManager.Location location, CharSequence moduleAndPackage,
                CharSequence relativeName, Element... originatingElements) throws IOException {
            return delegate.createResource(location, moduleAndPackage, relativeName, originatingElements);
        }

        @Override
        public FileObject getResource(JavaFileManager.Location location, CharSequence moduleAndPackage,
                CharSequence relativeName) throws IOException {
            return delegate.getResource(location, moduleAndPackage, relativeName);
        }
    }
}
