package dev.fastffi.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.fastffi.processor.MemberNames.Member;
import dev.fastffi.processor.NativeMethod.JavaParameter;
import java.lang.invoke.MutableCallSite;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Stage three: writes the binding class of a validated interface; never reports. */
final class BindingGenerator {
    private static final ClassName COMPAT_FUNCTION = RuntimeTypes.COMPAT_FUNCTION;


    /** The most bytes a string constant of a class file holds, in modified UTF-8. */
    private static final int MAX_CONSTANT_BYTES = 65_535;

    private final Elements elements;
    private final SourceFiles files;

    BindingGenerator(Elements elements, SourceFiles files) {
        this.elements = elements;
        this.files = files;
    }

    JavaFile generate(BindingPlan plan) {
        TypeElement element = plan.element();
        String packageName = elements.getPackageOf(element).getQualifiedName().toString();
        ClassName binding = ClassName.get(packageName, generatedName(element, packageName));
        ClassName iface = ClassName.get(element);
        List<Member> members = plan.members();
        List<Member> linked = members.stream().filter(Member::linked).toList();
        ClassName factory = binding.nestedClass(MemberNames.FACTORY);
        // with direct methods, the class file is also the template of the bindings to closeable
        // libraries, which the runtime defines again per library from the lookup
        TypeSpec.Builder type = TypeSpec.classBuilder(binding)
                .addAnnotation(AnnotationSpec.builder(RuntimeTypes.GENERATED_BINDING).addMember("value", "$T.class", iface).build())
                .addModifiers(Modifier.FINAL)
                .addSuperinterface(iface)
                .avoidClashesWithNestedClasses(element);
        if (!linked.isEmpty()) {
            type.addField(FieldSpec.builder(RuntimeTypes.CONSTANT_ADDRESSES, MemberNames.ADDRESSES, Modifier.PRIVATE,
                            Modifier.STATIC, Modifier.FINAL)
                    .initializer("$T.of($T.lookup())", RuntimeTypes.CONSTANT_ADDRESSES, MethodHandles.class)
                    .build());
        }
        List<Member> unlinked = members.stream().filter(member -> member.plan().direct() && !member.linked()).toList();
        members.stream().filter(member -> member.plan().direct()).forEach(member -> type.addField(
                FieldSpec.builder(MutableCallSite.class, member.handle(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .build()));
        type.addField(factoryInstance(factory));
        type.addStaticBlock(CodeBlock.builder()
                .add(sites(linked, plan.sites(), MemberNames.SITES, CodeBlock.of("$N.lazy", MemberNames.ADDRESSES)))
                .add(sites(unlinked, plan.handles(), MemberNames.HANDLES, CodeBlock.of("$T.lazy", RuntimeTypes.DOWNCALLS)))
                .add("$T.register($T.lookup(), $T.class, /* fastPath */ $L, /* template */ $L, $L, $N);\n",
                        RuntimeTypes.BINDINGS, MethodHandles.class, iface, plan.fast(), !linked.isEmpty(),
                        libraries(element), MemberNames.FACTORY_INSTANCE)
                .build());
        members.forEach(member -> type.addField(field(member)));
        members.stream().filter(member -> member.plan().direct() && !member.plan().method().free().isEmpty())
                .forEach(member -> type.addField(FieldSpec.builder(RuntimeTypes.FREE_FUNCTION, member.free(),
                        Modifier.PRIVATE, Modifier.FINAL).build()));
        type.addMethod(constructor(members, plan.symbols()));
        StructCodecs structs = plan.structs();
        for (Member member : members) {
            if (member.linked()) {
                type.addMethod(MethodWriter.writeLinked(member, structs));
            } else {
                type.addMethods(MethodWriter.write(member, structs, binding));
            }
        }
        type.addMethods(structs.methods());
        if (members.stream().noneMatch(BindingGenerator::isToString)) {
            type.addMethod(toStringMethod());
        }
        type.addType(factory(factory, "Factory", iface, RuntimeTypes.BINDER, "binder", binding));
        return files.build(packageName, type, element);
    }

    /** The interface, its library and how many methods are FAST and COMPAT, worded as the compatibility proxy's. */
    private static MethodSpec toStringMethod() {
        return MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $T.describe(this)", RuntimeTypes.BOUND_INTERFACES)
                .build();
    }

    /** A {@code @NativeFunction String toString()} already is the binding's {@code toString()}. */
    private static boolean isToString(Member member) {
        NativeMethod method = member.plan().method();
        return method.name().equals("toString") && method.parameters().isEmpty();
    }

    /**
     * The names of the interface's own {@code @NativeLibrary}, which the generated class registers
     * so that {@code FastFfi.load} reads no annotation at run time (that costs tens of milliseconds
     * at start-up); {@code null} without one, which binds against the process and the C library.
     */
    private static CodeBlock libraries(TypeElement element) {
        return libraryNames(element)
                .map(names -> CodeBlock.of("new $T[] {$L}", String.class,
                        CodeBlock.join(names.stream().map(name -> CodeBlock.of("$S", name)).toList(), ", ")))
                .orElse(CodeBlock.of("null"));
    }

    /** The names the interface's own {@code @NativeLibrary} gives, in order; empty without one. */
    static Optional<List<String>> libraryNames(TypeElement element) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
            if (!annotation.getQualifiedName().contentEquals(BindingReader.NATIVE_LIBRARY)) {
                continue;
            }
            List<String> names = new ArrayList<>();
            mirror.getElementValues().forEach((name, value) -> {
                if (name.getSimpleName().contentEquals("value")) {
                    List<?> values = value.getValue() instanceof List<?> list ? list : List.of(value);
                    values.forEach(v -> names.add(String.valueOf(((AnnotationValue) v).getValue())));
                }
            });
            return Optional.of(names);
        }
        return Optional.empty();
    }

    /**
     * The static initializer's statements that create the sites of {@code members}' handles, each
     * in its {@code static final} field, which the JIT takes as a constant as it does a
     * hand-written {@code static final} handle; none links before its method's first call, so a
     * large interface binds without linking anything. A synchronous method's site, from the
     * class's addresses, links to the handle with the address bound in: that of the library
     * {@code FastFfi.load} chose where the class is loaded as itself, of one closeable library in
     * each hidden copy {@code Library.bind} defines, whose close makes every site check again, and
     * throw. One call creates them all from packed constants, a line per function, and each field
     * is then an array load: javac's time on a static initializer grows with its calls times the
     * class's members, and the class file format limits its code to 64 KiB. {@code constants} are
     * the members' lines, packed.
     */
    private static CodeBlock sites(List<Member> members, List<String> constants, String local, CodeBlock create) {
        if (members.isEmpty()) {
            return CodeBlock.of("");
        }
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("$T[] $N = $L($L)", MutableCallSite.class, local, create, arguments(constants));
        for (int i = 0; i < members.size(); i++) {
            code.addStatement("$N = $N[$L]", members.get(i).handle(), local, i);
        }
        return code.build();
    }

    /** A site's line of the packed constants: the C signature, the carriers, then its flags. */
    static String siteLine(MethodPlan plan) {
        NativeMethod.Flags flags = plan.method().flags();
        return plan.text() + carriers(plan) + (flags.critical() ? " critical" : "")
                + (flags.errno() ? " errno" : "");
    }

    /** A symbol's line of the packed constants: {@code ?} when optional, the name, the C signature. */
    static String symbolLine(MethodPlan plan) {
        return (plan.method().flags().optional() ? "?" : "") + plan.method().symbol() + " " + plan.text();
    }

    /** The packed string constants {@code constants}, as arguments. */
    private static CodeBlock arguments(List<String> constants) {
        return CodeBlock.join(constants.stream().map(constant -> CodeBlock.of("$S", constant)).toList(), ", ");
    }

    /**
     * {@code lines} joined at line ends into as few string constants as the class file allows (64
     * KiB of modified UTF-8 each): the runtime splits them again. None for no lines.
     */
    static List<String> split(List<String> lines) {
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int bytes = 0;
        for (String line : lines) {
            int size = modifiedUtf8Length(line) + 1;
            if (chunk.length() > 0 && bytes + size > MAX_CONSTANT_BYTES) {
                chunks.add(chunk.substring(0, chunk.length() - 1));
                chunk.setLength(0);
                bytes = 0;
            }
            chunk.append(line).append('\n');
            bytes += size;
        }
        chunks.add(chunk.substring(0, chunk.length() - 1));
        return List.copyOf(chunks);
    }

    /** The bytes of {@code text} in a class file's constant pool. */
    private static int modifiedUtf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return bytes;
    }

    /**
     * The nested {@code Factory$} that creates the instances of {@code created} the runtime asks
     * for, a subclass of the runtime's {@code factoryType} ({@code Bindings.Factory} or
     * {@code Bindings.ViewFactory}) whose {@code create} takes {@code parameter}, named
     * {@code name}: an instance rather than a method reference to the constructor, since a method
     * reference spins a class the first time it runs.
     */
    static TypeSpec factory(ClassName factory, String factoryType, ClassName iface, TypeName parameter, String name,
            ClassName created) {
        return TypeSpec.classBuilder(factory)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(RuntimeTypes.BINDINGS.nestedClass(factoryType), iface))
                .addMethod(MethodSpec.methodBuilder("create")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(iface)
                        .addParameter(parameter, name)
                        .addStatement("return new $T($N)", created, name)
                        .build())
                .build();
    }

    /**
     * {@code private static final Factory$ FACTORY$ = new Factory$();}: the class holds the one
     * factory it registers, which the runtime holds only weakly.
     */
    static FieldSpec factoryInstance(ClassName factory) {
        return FieldSpec.builder(factory, MemberNames.FACTORY_INSTANCE, Modifier.PRIVATE, Modifier.STATIC,
                        Modifier.FINAL)
                .initializer("new $T()", factory)
                .build();
    }

    /** {@code Outer$Inner$FastFfi}: the binary name the runtime looks up, as a top-level class. */
    private String generatedName(TypeElement element, String packageName) {
        String binaryName = elements.getBinaryName(element).toString();
        return binaryName.substring(packageName.isEmpty() ? 0 : packageName.length() + 1) + RuntimeTypes.BINDING_SUFFIX;
    }

    private static FieldSpec field(Member member) {
        TypeName type = member.plan().direct() ? RuntimeTypes.NATIVE_SYMBOL : COMPAT_FUNCTION;
        return FieldSpec.builder(type, member.field(), Modifier.PRIVATE, Modifier.FINAL).build();
    }

    /**
     * Resolves every symbol up front, so a missing one fails {@code bind} rather than a later call;
     * an optional one may be missing, and then its calls throw {@code SYMBOL_NOT_FOUND}.
     */
    private static MethodSpec constructor(List<Member> members, List<String> symbols) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(RuntimeTypes.BINDER, "binder");
        List<Member> packed = members.stream().filter(member -> packable(member.plan())).toList();
        if (!packed.isEmpty()) {
            constructor.addStatement("$T[] $N = binder.symbols($L)", RuntimeTypes.NATIVE_SYMBOL, MemberNames.SYMBOLS,
                    arguments(symbols));
            for (int i = 0; i < packed.size(); i++) {
                constructor.addStatement("this.$N = $N[$L]", packed.get(i).field(), MemberNames.SYMBOLS, i);
            }
        }
        for (Member member : members) {
            MethodPlan plan = member.plan();
            NativeMethod.Flags flags = plan.method().flags();
            String symbol = plan.method().symbol();
            String signature = plan.text();
            String free = plan.method().free();
            if (plan.direct()) {
                if (!packable(plan)) {
                    constructor.addStatement("this.$N = binder.$L($S, $S)", member.field(),
                            flags.optional() ? "optionalSymbol" : "symbol", symbol, signature);
                }
                if (!free.isEmpty()) {
                    constructor.addStatement("this.$N = binder.free($S)", member.free(), free);
                }
            } else if (!free.isEmpty()) {
                constructor.addStatement("this.$N = binder.compat($S, $S, $L, $L, $S)", member.field(), symbol,
                        signature, flags.errno(), flags.optional(), free);
            } else if (flags.optional()) {
                constructor.addStatement("this.$N = binder.optionalCompat($S, $S, $L)", member.field(), symbol,
                        signature, flags.errno());
            } else if (flags.errno()) {
                constructor.addStatement("this.$N = binder.compat($S, $S, true)", member.field(), symbol, signature);
            } else {
                constructor.addStatement("this.$N = binder.compat($S, $S)", member.field(), symbol, signature);
            }
        }
        return constructor.build();
    }

    /**
     * Whether the constructor resolves {@code plan}'s symbol with the others in one call: a
     * direct method's, unless its name or signature could not be told apart in the packed lines (a
     * line end in either, a space in the name, or a name that starts as an optional one's does).
     */
    static boolean packable(MethodPlan plan) {
        String symbol = plan.method().symbol();
        return plan.direct() && !symbol.startsWith("?") && symbol.indexOf(' ') < 0 && symbol.indexOf('\n') < 0
                && plan.text().indexOf('\n') < 0;
    }

    /**
     * A view method's handle, which links on the method's first call, not when the view class
     * loads: held by a call site in a {@code static final} field, which the JIT takes as a constant
     * as it does a hand-written {@code static final} handle. The carriers are a method descriptor,
     * a constant. A view has the few methods of one callback interface; a binding creates all of
     * its sites with one call instead ({@link #sites}).
     */
    static FieldSpec handle(Member member) {
        MethodPlan plan = member.plan();
        return FieldSpec.builder(MutableCallSite.class, member.handle(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.lazy($S, $S, $L, $L)", RuntimeTypes.DOWNCALLS, plan.text(),
                        carriers(plan), plan.method().flags().critical(), plan.method().flags().errno())
                .build();
    }

    /** The method descriptor of the carriers the handle takes after the address, e.g. {@code (IJ)I}. */
    static String carriers(MethodPlan plan) {
        List<JavaParameter> parameters = plan.method().parameters();
        boolean critical = plan.method().flags().critical();
        StringBuilder descriptor = new StringBuilder("(");
        for (int i = 0; i < parameters.size(); i++) {
            descriptor.append(descriptor(Carriers.carrier(plan.signature().parameter(i), parameters.get(i).typeName(), critical)));
        }
        return descriptor.append(')').append(descriptor(
                Carriers.carrier(plan.signature().returnType(), plan.method().resultTypeName(), critical))).toString();
    }

    /** The JVM descriptor of a carrier: a primitive's letter, else {@code Ljava/lang/foreign/MemorySegment;}. */
    static String descriptor(TypeName carrier) {
        if (carrier.equals(TypeName.VOID)) {
            return "V";
        }
        if (carrier.isPrimitive()) {
            return switch (carrier.toString()) {
                case "boolean" -> "Z";
                case "byte" -> "B";
                case "short" -> "S";
                case "char" -> "C";
                case "int" -> "I";
                case "long" -> "J";
                case "float" -> "F";
                default -> "D";
            };
        }
        return "L" + ((ClassName) carrier).reflectionName().replace('.', '/') + ";";
    }
}
