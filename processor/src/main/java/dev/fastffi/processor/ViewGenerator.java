package dev.fastffi.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeSpec;
import dev.fastffi.model.MethodCheck;
import dev.fastffi.model.MethodRules;
import dev.fastffi.model.MethodView;
import dev.fastffi.processor.MemberNames.Member;
import dev.fastffi.processor.NativeMethod.JavaParameter;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes the view of a valid {@code @NativeCallback} interface: a class implementing it whose one
 * method calls a C function pointer with the callback's signature, the callback's parameters passed
 * as the arguments of a downcall and its result returned. It is planned by the model's
 * {@link MethodRules} as a {@code @NativeFunction} method of that signature would be, so it is FAST
 * exactly when those types are and is written by {@link MethodWriter}; the runtime creates it for
 * {@code Library.function(Class, MemorySegment)} and for {@code function} results. Never reports:
 * an interface the generated class cannot implement (private, local, generic) gets no view, and
 * the runtime's compatibility view serves it.
 */
final class ViewGenerator {
    /** The C declaration the Javadoc shows: the view calls whatever function pointer it was made for. */
    private static final String DECLARED_NAME = "(*function)";

    private final Elements elements;
    private final Types types;
    private final SourceFiles files;
    private final boolean fastEnabled;

    ViewGenerator(Elements elements, Types types, SourceFiles files, boolean fastEnabled) {
        this.elements = elements;
        this.types = types;
        this.files = files;
        this.fastEnabled = fastEnabled;
    }

    /** The view of {@code type}, whose one abstract method is {@code method}; empty when it can have none. */
    Optional<JavaFile> generate(TypeElement type, AnnotationMirror annotation, ExecutableElement method, String text) {
        return plan(type, annotation, method, text).map(plan -> {
            NameAllocator names = MemberNames.allocator(type);
            Member member = MemberNames.settle(List.of(plan), names).get(0);
            return write(type, member, StructCodecs.settle(List.of(member), names));
        });
    }

    /** How the view of {@code type} calls the function pointer; empty when it can have no view. */
    Optional<MethodPlan> plan(TypeElement type, AnnotationMirror annotation, ExecutableElement method, String text) {
        if (!implementable(type)) {
            return Optional.empty();
        }
        NativeMethod callback = callback(type, annotation, method, text);
        MethodView rules = MethodValidator.view(callback, types);
        // the rules check a symbol; a view has none, so any valid name stands in
        MethodCheck check = MethodRules.check(new MethodView("function", rules.function(), rules.parameters(),
                rules.result(), false, rules.namedStructs()), fastEnabled);
        if (!check.isClean()) {
            return Optional.empty();
        }
        return Optional.of(new MethodPlan(callback, check.plan()));
    }

    private JavaFile write(TypeElement type, Member member, StructCodecs structs) {
        String packageName = elements.getPackageOf(type).getQualifiedName().toString();
        String binaryName = elements.getBinaryName(type).toString();
        ClassName view = ClassName.get(packageName,
                binaryName.substring(packageName.isEmpty() ? 0 : packageName.length() + 1) + RuntimeTypes.VIEW_SUFFIX);
        ClassName iface = ClassName.get(type);
        ClassName factory = view.nestedClass(MemberNames.FACTORY);
        boolean direct = member.plan().direct();
        TypeSpec.Builder spec = TypeSpec.classBuilder(view)
                .addJavadoc("A C function pointer called as {@link $T}.\n", iface)
                .addAnnotation(AnnotationSpec.builder(RuntimeTypes.GENERATED_BINDING).addMember("value", "$T.class", iface)
                        .build())
                .addModifiers(Modifier.FINAL)
                .addSuperinterface(iface)
                .avoidClashesWithNestedClasses(type)
                .addField(BindingGenerator.factoryInstance(factory))
                .addStaticBlock(CodeBlock.builder()
                        .add("$T.registerView($T.lookup(), $T.class, $S, $N);\n", RuntimeTypes.BINDINGS,
                                MethodHandles.class, iface, member.plan().text(),
                                MemberNames.FACTORY_INSTANCE)
                        .build())
                .addField(FieldSpec.builder(direct ? RuntimeTypes.NATIVE_SYMBOL : RuntimeTypes.COMPAT_FUNCTION,
                        member.field(), Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(constructor(member))
                .addMethods(MethodWriter.write(member, structs, view))
                .addMethods(structs.methods());
        if (!isToString(member.plan().method())) {
            spec.addMethod(toStringMethod(iface, member));
        }
        if (direct) {
            spec.addField(BindingGenerator.handle(member));
        }
        spec.addType(BindingGenerator.factory(factory, "ViewFactory", iface, RuntimeTypes.NATIVE_SYMBOL, "function",
                view));
        return files.build(packageName, spec, type);
    }

    /** The method as a {@code @NativeFunction} of the callback's signature would be, seen from {@code type}. */
    private NativeMethod callback(TypeElement type, AnnotationMirror annotation, ExecutableElement method, String text) {
        ExecutableType resolved = (ExecutableType) types.asMemberOf((DeclaredType) type.asType(), method);
        List<JavaParameter> parameters = new ArrayList<>();
        for (int i = 0; i < method.getParameters().size(); i++) {
            parameters.add(new JavaParameter(method.getParameters().get(i), resolved.getParameterTypes().get(i),
                    BindingReader.typeName(resolved.getParameterTypes().get(i))));
        }
        return new NativeMethod(method, annotation, text, DECLARED_NAME,
                new NativeMethod.Flags(false, false, false, false), List.copyOf(parameters), resolved.getReturnType(),
                BindingReader.typeName(resolved.getReturnType()), false);
    }

    private static MethodSpec constructor(Member member) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(RuntimeTypes.NATIVE_SYMBOL, "function");
        return member.plan().direct()
                ? constructor.addStatement("this.$N = function", member.field()).build()
                : constructor.addStatement("this.$N = $T.of(function, false)", member.field(),
                        RuntimeTypes.COMPAT_FUNCTION).build();
    }

    /** The callback type and the function pointer, worded as the compatibility view's. */
    private static MethodSpec toStringMethod(ClassName iface, Member member) {
        return MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $T.describe($T.class, this.$N$L)", RuntimeTypes.VIEWS, iface, member.field(),
                        member.plan().direct() ? "" : ".symbol()")
                .build();
    }

    private static boolean isToString(NativeMethod method) {
        return method.name().equals("toString") && method.parameters().isEmpty();
    }

    /** Whether a top-level class of the package can implement {@code type}: no private or local nesting, no type parameters. */
    private static boolean implementable(TypeElement type) {
        if (!type.getTypeParameters().isEmpty()) {
            return false;
        }
        for (Element e = type; e instanceof TypeElement nested; e = e.getEnclosingElement()) {
            if (nested.getModifiers().contains(Modifier.PRIVATE)
                    || (nested.getNestingKind() != NestingKind.TOP_LEVEL && nested.getNestingKind() != NestingKind.MEMBER)) {
                return false;
            }
        }
        return true;
    }
}
