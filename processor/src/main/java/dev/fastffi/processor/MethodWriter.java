package dev.fastffi.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.fastffi.internal.Args;
import dev.fastffi.internal.NativeSymbol;
import dev.fastffi.internal.Rethrow;
import dev.fastffi.internal.signature.NativeType;
import dev.fastffi.internal.signature.Signature;
import dev.fastffi.processor.MemberNames.Member;
import dev.fastffi.processor.NativeMethod.JavaParameter;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes each bound method: a checked {@code invokeExact} on the fast path, one {@code invoke} on the compatibility path. */
final class MethodWriter {
    private static final ClassName NATIVE_SYMBOL = ClassName.get(NativeSymbol.class);
    private static final ClassName RETHROW = ClassName.get(Rethrow.class);

    /** Simple names the bodies refer to as types; a parameter of that name would shadow the type. */
    private static final List<String> BODY_TYPES = List.of(
            ClassName.get(Args.class).simpleName(), NATIVE_SYMBOL.simpleName(), RETHROW.simpleName(), "Byte", "Integer");

    private MethodWriter() {}

    static MethodSpec write(Member member) {
        MethodPlan plan = member.plan();
        NativeMethod method = plan.method();
        TypeName result = TypeName.get(method.resultType());
        NameAllocator locals = locals(member, result);
        MethodSpec.Builder builder = MethodSpec.methodBuilder(method.name())
                .addJavadoc("$L", javadoc(plan))
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(result);
        List<String> names = new ArrayList<>();
        for (JavaParameter parameter : method.parameters()) {
            String name = locals.newName(parameter.name(), parameter);
            names.add(name);
            builder.addParameter(TypeName.get(parameter.type()), name);
        }
        return (plan.fast() ? fastBody(builder, member, names, locals) : compatBody(builder, member, names)).build();
    }

    /**
     * Reserves the names the body needs before the user's parameter names, so a parameter that
     * would shadow one of them is renamed in the override (callers never see parameter names).
     */
    private static NameAllocator locals(Member member, TypeName result) {
        NameAllocator locals = new NameAllocator();
        BODY_TYPES.forEach(locals::newName);
        locals.newName(member.holder());
        if (result instanceof ClassName name) {
            locals.newName(name.simpleName());
        }
        return locals;
    }

    private static MethodSpec.Builder fastBody(MethodSpec.Builder builder, Member member, List<String> parameters,
            NameAllocator locals) {
        MethodPlan plan = member.plan();
        Signature signature = plan.signature();
        String symbol = locals.newName("symbol$");
        String thrown = locals.newName("t$");
        List<CodeBlock> arguments = new ArrayList<>();
        arguments.add(CodeBlock.of("$N.address()", symbol));
        for (int i = 0; i < parameters.size(); i++) {
            arguments.add(Carriers.argument(signature.parameter(i), plan.method().parameters().get(i).typeName(),
                    parameters.get(i), symbol, i));
        }
        CodeBlock call = CodeBlock.of("$N.HANDLE.invokeExact($L)", member.holder(), CodeBlock.join(arguments, ", "));
        builder.addStatement("$T $N = this.$N", NATIVE_SYMBOL, symbol, member.field())
                .addStatement("$N.checkOpen()", symbol)
                .beginControlFlow("try");
        if (signature.returnType() == NativeType.VOID) {
            builder.addStatement("$L", call);
        } else {
            builder.addStatement("return $L",
                    Carriers.result(signature.returnType(), plan.method().resultTypeName(), call));
        }
        return builder.nextControlFlow("catch ($T $N)", Throwable.class, thrown)
                .addStatement("throw $T.unchecked($N)", RETHROW, thrown)
                .endControlFlow();
    }

    /** One {@code CompatFunction.invoke} with the Java result type, so the runtime converts to exactly it. */
    private static MethodSpec.Builder compatBody(MethodSpec.Builder builder, Member member, List<String> parameters) {
        TypeName result = TypeName.get(member.plan().method().resultType());
        List<CodeBlock> arguments = new ArrayList<>();
        arguments.add(CodeBlock.of("$T.class", result));
        parameters.forEach(name -> arguments.add(CodeBlock.of("$N", name)));
        CodeBlock call = CodeBlock.of("this.$N.invoke($L)", member.field(), CodeBlock.join(arguments, ", "));
        if (result.equals(TypeName.VOID)) {
            return builder.addStatement("$L", call);
        }
        return builder.addStatement("return ($T) $L", result, call);
    }

    private static String javadoc(MethodPlan plan) {
        Signature signature = plan.signature();
        String returnType = signature.returnType().cName();
        String declaration = returnType + " " + plan.method().symbol() + signature.toString().substring(returnType.length());
        return plan.fast() ? Messages.JAVADOC_FAST.format(declaration) : Messages.JAVADOC_COMPAT.format(declaration, plan.reason());
    }
}
