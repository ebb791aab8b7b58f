package dev.fastffi.processor;

import com.google.auto.service.AutoService;
import dev.fastffi.model.CallbackRules;
import dev.fastffi.model.Message;
import dev.fastffi.model.Signature;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * Generates a Panama binding class for every interface with {@code @NativeFunction} methods, its
 * own or inherited from the interfaces it extends.
 *
 * <p>Each interface runs read ({@link BindingReader}), validate ({@link BindingValidator}), print
 * the report, then generate ({@link BindingGenerator}) only if the report is clean. Every problem of
 * every method and interface is reported; an internal failure is reported as a fastffi bug on the
 * interface and never escapes {@link #process}. {@code @NativeCallback} interfaces are checked by
 * {@link CallbackValidator} and get a view ({@link ViewGenerator}), {@code @NativeStruct} records by {@link StructValidator}. {@code -Afastffi.fast=false} puts every method on the compatibility path.
 * Each binding and callback interface also gets its GraalVM native-image metadata
 * ({@link NativeImageMetadata}), written at the end of the round.
 *
 * <p>A declaration that uses a type or an annotation constant which does not exist yet waits for
 * the next round, where another processor may have generated it; one still waiting when processing
 * is over is an error naming the type, or on the value whose constant is missing. Every generated
 * file goes through {@link SourceFiles}. Interfaces declared in a method body, which javac lists in
 * no round, are {@link LocalInterfaceProcessor}'s to report.
 */
@AutoService(Processor.class)
@SupportedOptions(FastFfiProcessor.FAST_OPTION)
// All of ours, including the markers on generated code, claimed: -Xlint:processing warns about
// unclaimed annotations, which fails -Werror builds.
@SupportedAnnotationTypes({"dev.fastffi.annotations.*", RuntimeTypes.GENERATED_BINDING_NAME, SourceFiles.GENERATED})
public final class FastFfiProcessor extends AbstractProcessor {
    static final String FAST_OPTION = "fastffi.fast";

    private Messager messager;
    private BindingReader reader;
    private BindingValidator validator;
    private SourceFiles files;
    private BindingGenerator generator;
    private CallbackValidator callbackValidator;
    private ViewGenerator viewGenerator;
    private NativeImageMetadata metadata;
    private final StructValidator structValidator = new StructValidator();
    // Declarations that use a type not generated yet, by qualified name: the next round has new
    // elements for them, so each is fetched again by name then.
    private final Set<String> deferredInterfaces = new TreeSet<>();
    private final Set<String> deferredCallbacks = new TreeSet<>();
    private final Set<String> deferredStructs = new TreeSet<>();

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        messager = environment.getMessager();
        reader = new BindingReader(environment.getElementUtils(), environment.getTypeUtils());
        boolean fast = fastEnabled(environment.getOptions().get(FAST_OPTION));
        validator = new BindingValidator(fast, environment.getTypeUtils());
        files = new SourceFiles(environment.getElementUtils(), environment.getFiler());
        viewGenerator = new ViewGenerator(environment.getElementUtils(), environment.getTypeUtils(), files, fast);
        generator = new BindingGenerator(environment.getElementUtils(), files);
        metadata = new NativeImageMetadata(environment.getElementUtils(), environment.getTypeUtils());
        callbackValidator = new CallbackValidator(environment.getElementUtils(), environment.getTypeUtils());
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement nativeFunction = processingEnv.getElementUtils().getTypeElement(BindingReader.NATIVE_FUNCTION);
        if (nativeFunction == null) {
            return true;
        }
        if (round.processingOver()) {
            // The last round generated nothing, so a type or constant still missing will never appear.
            reportMissing(deferredInterfaces, Message.MISSING_TYPE_INTERFACE, Message.MISSING_VALUE_INTERFACE);
            reportMissing(deferredCallbacks, Message.MISSING_TYPE_CALLBACK, Message.MISSING_VALUE_CALLBACK);
            reportMissing(deferredStructs, Message.MISSING_TYPE_STRUCT, Message.MISSING_VALUE_STRUCT);
            return true;
        }
        // Sorted, so diagnostics come out in the same order on every run.
        Map<String, TypeElement> types = takeDeferred(deferredInterfaces);
        for (Element method : round.getElementsAnnotatedWith(nativeFunction)) {
            if (method.getEnclosingElement() instanceof TypeElement owner) {
                types.put(owner.getQualifiedName().toString(), owner);
            }
        }
        // an interface that names its library may declare no function itself and inherit them all, or
        // have none; a class that names one is an error
        TypeElement nativeLibrary = processingEnv.getElementUtils().getTypeElement(BindingReader.NATIVE_LIBRARY);
        for (Element element : round.getElementsAnnotatedWith(nativeLibrary)) {
            if (element instanceof TypeElement type) {
                types.putIfAbsent(type.getQualifiedName().toString(), type);
            }
        }
        types.values().forEach(this::bind);
        checkCallbacks(round);
        checkStructs(round);
        writeMetadata();
        return true;
    }

    /** Writes the native-image metadata of the interfaces bound or checked this round. */
    private void writeMetadata() {
        metadata.drain().forEach((type, text) -> {
            try {
                files.writeResource(metadata.path(type), text, type);
            } catch (IOException e) {
                Problem.print(messager, Message.WRITE_FAILED, type, type.getQualifiedName(), e);
            }
        });
    }

    private void checkStructs(RoundEnvironment round) {
        TypeElement nativeStruct = processingEnv.getElementUtils().getTypeElement(StructMirrors.NATIVE_STRUCT);
        Map<String, TypeElement> structs = takeDeferred(deferredStructs);
        for (Element element : round.getElementsAnnotatedWith(nativeStruct)) {
            if (element instanceof TypeElement type) {
                structs.put(type.getQualifiedName().toString(), type);
            }
        }
        for (TypeElement type : structs.values()) {
            try {
                if (defer(type, deferredStructs)) {
                    continue;
                }
                StructMirrors.annotation(type).ifPresent(annotation -> structValidator.validate(type, annotation)
                        .forEach(problem -> problem.printTo(messager)));
            } catch (RuntimeException | LinkageError e) {
                Problem.print(messager, Message.INTERNAL_ERROR, type, type.getQualifiedName(), e);
            }
        }
    }

    private void checkCallbacks(RoundEnvironment round) {
        TypeElement nativeCallback = processingEnv.getElementUtils().getTypeElement(BindingReader.NATIVE_CALLBACK);
        Map<String, TypeElement> callbacks = takeDeferred(deferredCallbacks);
        for (Element element : round.getElementsAnnotatedWith(nativeCallback)) {
            if (element instanceof TypeElement type) {
                callbacks.put(type.getQualifiedName().toString(), type);
            }
        }
        for (TypeElement type : callbacks.values()) {
            try {
                if (defer(type, deferredCallbacks)) {
                    continue;
                }
                Optional<? extends AnnotationMirror> annotation = type.getAnnotationMirrors().stream()
                        .filter(m -> m.getAnnotationType().asElement().equals(nativeCallback))
                        .findFirst();
                if (annotation.isPresent()) {
                    checkCallback(type, annotation.get());
                }
            } catch (IOException e) {
                Problem.print(messager, Message.WRITE_FAILED, type, type.getQualifiedName(), e);
            } catch (RuntimeException | LinkageError e) {
                Problem.print(messager, Message.INTERNAL_ERROR, type, type.getQualifiedName(), e);
            }
        }
    }

    /** Reports what is wrong with the callback interface, or writes its view when nothing is. */
    private void checkCallback(TypeElement type, AnnotationMirror annotation) throws IOException {
        List<Problem> problems = callbackValidator.validate(type, annotation);
        problems.forEach(problem -> problem.printTo(messager));
        if (!problems.isEmpty()) {
            return;
        }
        String text = (String) annotation.getElementValues().entrySet().stream()
                .filter(e -> e.getKey().getSimpleName().contentEquals("value"))
                .findFirst().orElseThrow().getValue().getValue();
        ExecutableElement method = callbackValidator.abstractMethods(type).get(0);
        Optional<JavaFile> view = viewGenerator.generate(type, annotation, method, text);
        if (view.isPresent()) {
            files.write(view.get());
        }
        Signature signature = CallbackRules.check(callbackValidator.view(type, text, List.of(method))).signature();
        metadata.callback(type, method, text, signature, viewGenerator.plan(type, annotation, method, text));
    }

    private void bind(TypeElement type) {
        try {
            if (defer(type, deferredInterfaces)) {
                return;
            }
            // a @NativeLibrary interface without functions, own or inherited, is bound too: loading it
            // loads the library, which one loaded later may depend on
            NativeInterface nativeInterface = reader.read(type);
            ValidationReport report = validator.validate(nativeInterface);
            report.printTo(messager);
            if (report.isClean()) {
                files.write(generator.generate(report.plan()));
                metadata.binding(report.plan());
            }
        } catch (IOException e) {
            Problem.print(messager, Message.WRITE_FAILED, type, type.getQualifiedName(), e);
        } catch (RuntimeException | LinkageError e) {
            Problem.print(messager, Message.INTERNAL_ERROR, type, type.getQualifiedName(), e);
        }
    }

    /** The declarations deferred from the last round, fetched again by name and sorted by it; forgets them. */
    private Map<String, TypeElement> takeDeferred(Set<String> deferred) {
        Map<String, TypeElement> types = new TreeMap<>();
        for (String name : deferred) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                types.put(name, type);
            }
        }
        deferred.clear();
        return types;
    }

    /**
     * Whether {@code type} uses a type or an annotation constant that does not exist yet; if so it
     * waits in {@code deferred} for the next round, where another processor may have generated it
     * (javac reports either itself only once processing is over, so checking it now would report
     * wrong mismatches, or a signature reading {@code <error>}).
     */
    private static boolean defer(TypeElement type, Set<String> deferred) {
        if (MissingTypes.in(type).isEmpty() && MissingValues.own(type).isEmpty() && !MissingValues.inUses(type)) {
            return false;
        }
        deferred.add(type.getQualifiedName().toString());
        return true;
    }

    /**
     * Reports every declaration still waiting on the last round, naming the missing type, or
     * pointing at the annotation value whose constant is missing. One that waits only for a
     * declaration it uses says nothing: that declaration reports its own value.
     */
    private void reportMissing(Set<String> deferred, Message typeMessage, Message valueMessage) {
        for (String name : deferred) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type == null) {
                continue;
            }
            Optional<TypeMirror> missingType = MissingTypes.in(type);
            if (missingType.isPresent()) {
                Problem.print(messager, typeMessage, type, name, missingType.get());
                continue;
            }
            MissingValues.own(type).ifPresent(missing -> reportValue(type, missing, valueMessage));
        }
        deferred.clear();
    }

    /** On the value when {@code type} declares it, else on {@code type}, whose message names where it is. */
    private void reportValue(TypeElement type, MissingValues.Missing missing, Message message) {
        String text = message.format(type.getQualifiedName(), missing.place());
        Problem problem = missing.owner().equals(type)
                ? new Problem(message.kind(), text, missing.element(), missing.annotation(), missing.value())
                : new Problem(message.kind(), text, type, null, null);
        problem.printTo(messager);
    }

    private boolean fastEnabled(String option) {
        if (option == null || option.equalsIgnoreCase("true")) {
            return true;
        }
        if (option.equalsIgnoreCase("false")) {
            return false;
        }
        Problem.print(messager, Message.OPTION_INVALID, null, option);
        return true;
    }
}
