package dev.fastffi.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.fastffi.processor.MemberNames.Member;
import dev.fastffi.processor.NativeMethod.JavaParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.ArrayType;

/**
 * Writes each bound method: the override, its Javadoc, and a body that calls the method's own
 * handle ({@link FastCall}: FAST methods and those whose only COMPAT types are String arguments,
 * with the address from the class's site, or for a view or the pool, in a private method taking
 * it) or {@code CompatFunction}.
 */
final class MethodWriter {
    /** Simple names the bodies use as types; a parameter of that name would shadow the type. */
    private static final List<String> BODY_TYPES = Stream.of(RuntimeTypes.ARGS, RuntimeTypes.BUFFERS,
                    FastCall.NATIVE_SYMBOL, FastCall.RETHROW, FastCall.SCRATCH, FastCall.ERRNO_STATE,
                    FastCall.UPCALL_FAILURES, FastCall.SEGMENT_ALLOCATOR, Carriers.SEGMENT, RuntimeTypes.ASYNC,
                    FastCall.STRINGS, RuntimeTypes.CONSTANT_ADDRESSES, RuntimeTypes.DOWNCALLS, ClassName.get(Byte.class),
                    FastCall.METHOD_HANDLE,
                    ClassName.get(Integer.class))
            .map(ClassName::simpleName)
            .toList();

    /**
     * {@link #BODY_TYPES} reserved once, then cloned per method: reserving them again for each of
     * thousands of methods was a third of the time the processor spends building a binding.
     */
    private static final NameAllocator BODY_TYPE_NAMES = new NameAllocator();

    static {
        BODY_TYPES.forEach(name -> MemberNames.reserve(BODY_TYPE_NAMES, name));
    }

    private MethodWriter() {}

    /**
     * The override; for a method returning {@code CompletableFuture} also the private method with
     * the synchronous body, which the override hands to the runtime's pool; for a direct method
     * also the private body every override of it shares ({@link FastCall}), which takes the address.
     */
    static List<MethodSpec> write(Member member, StructCodecs structs, ClassName binding) {
        MethodPlan plan = member.plan();
        NativeMethod method = plan.method();
        TypeName result = TypeName.get(method.resultType());
        NameAllocator locals = locals(member, result);
        MethodSpec.Builder builder = MethodSpec.methodBuilder(method.async() ? member.call() : method.name())
                .addJavadoc("$L", javadoc(plan))
                .returns(result);
        if (method.async()) {
            builder.addModifiers(Modifier.PRIVATE);
        } else {
            builder.addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
        }
        List<String> names = parameters(builder, method, locals);
        if (!plan.direct()) {
            compatBody(builder, member, names);
            return method.async() ? List.of(asyncOverride(member, names, result, locals, binding), builder.build()) : List.of(builder.build());
        }
        MethodSpec body = body(member, structs, names, locals, result);
        String symbol = body.parameters().get(1).name();
        builder.addStatement("$T $N = this.$N", FastCall.NATIVE_SYMBOL, symbol, member.field());
        delegate(builder, member, names, result, CodeBlock.of("this"), CodeBlock.of("$N.open()", symbol), symbol);
        return method.async()
                ? List.of(asyncOverride(member, names, result, locals, binding), builder.build(), body)
                : List.of(builder.build(), body);
    }

    /**
     * A synchronous direct method as the generated class declares it: the handle with the address
     * bound in from the class's site for the function, a constant once linked (or, where the class
     * binds more than one library, bound to the address the symbol gives, which checks the library
     * is open), then the body.
     */
    static MethodSpec writeLinked(Member member, StructCodecs structs) {
        MethodPlan plan = member.plan();
        NativeMethod method = plan.method();
        TypeName result = TypeName.get(method.resultType());
        NameAllocator locals = locals(member, result);
        MethodSpec.Builder builder = MethodSpec.methodBuilder(method.name())
                .addJavadoc("$L", javadoc(plan))
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(result);
        List<String> names = parameters(builder, method, locals);
        String symbol = MemberNames.reserve(locals, "symbol$");
        String handle = MemberNames.reserve(locals, "handle$");
        FastCall.writeBound(builder, member, names, locals, structs, symbol, handle);
        return builder.build();
    }

    /** The private method holding a direct method's body, which takes the address and symbol first. */
    private static MethodSpec body(Member member, StructCodecs structs, List<String> names, NameAllocator locals,
            TypeName result) {
        NativeMethod method = member.plan().method();
        String symbol = MemberNames.reserve(locals, "symbol$");
        String address = MemberNames.reserve(locals, "address$");
        MethodSpec.Builder body = MethodSpec.methodBuilder(member.body())
                .addModifiers(Modifier.PRIVATE)
                .returns(result)
                .addParameter(Carriers.SEGMENT, address)
                .addParameter(FastCall.NATIVE_SYMBOL, symbol);
        for (int i = 0; i < names.size(); i++) {
            body.addParameter(TypeName.get(method.parameters().get(i).type()), names.get(i));
        }
        FastCall.write(body, member, names, locals, structs, symbol, address);
        return body.build();
    }

    private static List<String> parameters(MethodSpec.Builder builder, NativeMethod method, NameAllocator locals) {
        List<String> names = new ArrayList<>();
        for (JavaParameter parameter : method.parameters()) {
            String name = locals.newName(parameter.name(), parameter);
            names.add(name);
            builder.addParameter(TypeName.get(parameter.type()), name);
        }
        builder.varargs(method.element().isVarArgs());
        return names;
    }

    /** {@code return receiver.f$Body(address, symbol$, a, b);} */
    private static void delegate(MethodSpec.Builder builder, Member member, List<String> names, TypeName result,
            CodeBlock receiver, CodeBlock address, String symbol) {
        List<CodeBlock> arguments = new ArrayList<>();
        arguments.add(address);
        arguments.add(CodeBlock.of("$N", symbol));
        names.forEach(name -> arguments.add(CodeBlock.of("$N", name)));
        CodeBlock call = CodeBlock.of("$L.$N($L)", receiver, member.body(), CodeBlock.join(arguments, ", "));
        if (result.equals(TypeName.VOID)) {
            builder.addStatement("$L", call);
        } else {
            builder.addStatement("return $L", call);
        }
    }

    /** {@code return Async.call(this.f$, () -> this.f$call(a, b));}: the pool runs the body, the caller returns. */
    private static MethodSpec asyncOverride(Member member, List<String> names, TypeName result, NameAllocator locals,
            ClassName binding) {
        NativeMethod method = member.plan().method();
        MethodSpec.Builder builder = MethodSpec.methodBuilder(method.name())
                .addJavadoc("$L", JavadocText.ASYNC.format(declaration(member.plan())))
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), result.box()))
                .varargs(method.element().isVarArgs());
        for (int i = 0; i < names.size(); i++) {
            builder.addParameter(TypeName.get(method.parameters().get(i).type()), names.get(i));
        }
        CodeBlock arguments = CodeBlock.join(names.stream().map(name -> CodeBlock.of("$N", name)).toList(), ", ");
        // the lambda captures this as an Object: a descriptor naming the generated class would not
        // verify in the hidden copies of it that bind closeable libraries, whose type it is not
        String self = MemberNames.reserve(locals, "self$");
        return builder.addStatement("$T $N = this", Object.class, self)
                .addStatement("return $T.$L(this.$N, () -> (($T) $N).$N($L))", RuntimeTypes.ASYNC,
                        result.equals(TypeName.VOID) ? "run" : "call", member.field(), binding, self, member.call(),
                        arguments)
                .build();
    }

    /**
     * Reserves the names the body refers to before the user's parameter names, so that a
     * parameter that would shadow one is renamed in the override; callers never see the names.
     */
    private static NameAllocator locals(Member member, TypeName result) {
        NameAllocator locals = BODY_TYPE_NAMES.clone();
        MemberNames.reserve(locals, member.handle());
        MemberNames.reserve(locals, member.body());
        if (result instanceof ClassName name && !BODY_TYPES.contains(name.simpleName())) {
            MemberNames.reserve(locals, name.simpleName());
        }
        return locals;
    }

    /**
     * One {@code CompatFunction.invoke} given the Java result type, so the runtime converts to
     * exactly it; a variadic method passes its {@code Object...} array ahead of the fixed arguments.
     */
    private static void compatBody(MethodSpec.Builder builder, Member member, List<String> parameters) {
        TypeName result = TypeName.get(member.plan().method().resultType());
        boolean variadic = member.plan().signature().variadic();
        List<CodeBlock> arguments = new ArrayList<>();
        arguments.add(CodeBlock.of("$T.class", result));
        if (variadic) {
            arguments.add(CodeBlock.of("$N", parameters.get(parameters.size() - 1)));
        }
        List<String> fixed = parameters.subList(0, parameters.size() - (variadic ? 1 : 0));
        if (!variadic && fixed.size() == 1 && loneObjectArray(member.plan().method())) {
            // a lone String[] or MemorySegment[] would otherwise be the varargs array itself
            arguments.add(CodeBlock.of("($T) $N", Object.class, fixed.get(0)));
        } else {
            fixed.forEach(name -> arguments.add(CodeBlock.of("$N", name)));
        }
        CodeBlock call = CodeBlock.of("this.$N.$L($L)", member.field(), variadic ? "invokeVariadic" : "invoke",
                CodeBlock.join(arguments, ", "));
        if (result.equals(TypeName.VOID)) {
            builder.addStatement("$L", call);
        } else {
            builder.addStatement("return ($T) $L", result, call);
        }
    }

    private static boolean loneObjectArray(NativeMethod method) {
        return method.parameters().get(0).type() instanceof ArrayType array
                && !array.getComponentType().getKind().isPrimitive();
    }

    /** {@code Tm* gmtime_r(buffer, Tm*)}: the display form with the symbol after the result type. */
    private static String declaration(MethodPlan plan) {
        String display = plan.display();
        int arguments = display.indexOf('(');
        return display.substring(0, arguments) + " " + plan.method().symbol() + display.substring(arguments);
    }

    private static String javadoc(MethodPlan plan) {
        String declaration = declaration(plan);
        return plan.fast()
                ? JavadocText.FAST.format(declaration)
                : JavadocText.COMPAT.format(declaration, plan.reason());
    }
}
