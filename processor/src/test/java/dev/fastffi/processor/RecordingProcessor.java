package dev.fastffi.processor;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    private final String hidden;
    private final List<String> written = new ArrayList<>();
    private final Map<String, List<String>> origins = new TreeMap<>();

    private RecordingProcessor(Exception failure, String hidden) {
        this.failure = failure;
        this.hidden = hidden;
    }

    static RecordingProcessor recording() {
        return new RecordingProcessor(null, null);
    }

    /** Every source file creation throws {@code failure}, an {@code IOException} or unchecked. */
    static RecordingProcessor failingWith(Exception failure) {
        return new RecordingProcessor(failure, null);
    }

    /** {@code Elements.getTypeElement} does not find {@code qualifiedName}, as in a compilation without it. */
    static RecordingProcessor hiding(String qualifiedName) {
        return new RecordingProcessor(null, qualifiedName);
    }

    /** The qualified names of the sources written, in order. */
    List<String> written() {
        return written;
    }

    /** For each source written, the elements it was said to be generated from, as strings. */
    Map<String, List<String>> originatingElements() {
        return origins;
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
            Elements elements = delegate.getElementUtils();
            if (hidden == null) {
                return elements;
            }
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().equals("getTypeElement") && args.length == 1
                        && hidden.contentEquals((CharSequence) args[0])) {
                    return null;
                }
                try {
                    return method.invoke(elements, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (Elements) Proxy.newProxyInstance(Elements.class.getClassLoader(), new Class<?>[] {Elements.class},
                    handler);
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
            origins.put(name.toString(), Arrays.stream(originatingElements).map(Object::toString).toList());
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
