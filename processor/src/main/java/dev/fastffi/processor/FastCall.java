package dev.fastffi.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.fastffi.model.JavaTypes;
import dev.fastffi.model.NativeType;
import dev.fastffi.model.Signature;
import dev.fastffi.processor.MemberNames.Member;
import dev.fastffi.processor.NativeMethod.JavaParameter;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.type.TypeMirror;

/**
 * Writes a body that calls the method's own handle: check the library is open, convert arguments,
 * {@code invokeExact} with an exact cast, then throw what a Java callback threw meanwhile. Buffers
 * and strings are copied through a scratch frame that is reset whatever happens. FAST methods get
 * it, and so do COMPAT methods whose only non-fast types are String arguments.
 */
final class FastCall {
    static final ClassName NATIVE_SYMBOL = RuntimeTypes.NATIVE_SYMBOL;
    static final ClassName RETHROW = RuntimeTypes.RETHROW;
    static final ClassName SCRATCH = RuntimeTypes.SCRATCH;
    static final ClassName STRINGS = RuntimeTypes.STRINGS;
    static final ClassName ERRNO_STATE = RuntimeTypes.ERRNO_STATE;
    static final ClassName UPCALL_FAILURES = RuntimeTypes.UPCALL_FAILURES;
    static final ClassName SEGMENT_ALLOCATOR = ClassName.get("java.lang.foreign", "SegmentAllocator");
    static final ClassName METHOD_HANDLE = ClassName.get(MethodHandle.class);

    private final Member member;
    private final NativeMethod method;
    private final Signature signature;
    private final List<String> parameters;
    private final NameAllocator locals;
    private final String symbol;
    /** Whether the body names {@link #symbol}: arguments checked against it, a callback result, the check after the call. */
    private boolean symbolUsed;
    private final String address;
    /**
     * The local for the handle with the address bound in, or null to call the field's site with
     * {@link #address}; unused where nothing runs before the call, which then fetches the handle.
     */
    private final String bound;
    private final String scratch;
    private final String mark;
    private final StructCodecs structs;
    private final boolean returnsStruct;

    private FastCall(Member member, List<String> parameters, NameAllocator locals, StructCodecs structs,
            String symbol, String address, String bound) {
        this.member = member;
        this.method = member.plan().method();
        this.signature = member.plan().signature();
        this.parameters = parameters;
        this.locals = locals;
        this.symbol = symbol;
        this.address = address;
        this.bound = bound;
        this.structs = structs;
        // a struct result is written into scratch memory by FFM, struct arguments by put$ methods
        this.returnsStruct = signature.returnType() == NativeType.STRUCT;
        boolean usesScratch = returnsStruct || signature.parameters().contains(NativeType.STRUCT);
        for (int i = 0; i < parameters.size(); i++) {
            usesScratch |= Carriers.usesScratch(signature.parameter(i), typeName(i), method.flags().critical())
                    || signature.parameter(i) == NativeType.STRUCT_POINTER && !typeName(i).equals(JavaTypes.SEGMENT);
        }
        this.scratch = usesScratch ? MemberNames.reserve(locals, "scratch$") : null;
        this.mark = usesScratch ? MemberNames.reserve(locals, "mark$") : null;
    }

    /**
     * Adds the body to {@code builder}, a method with the address to call in {@code address}, the
     * symbol (for messages and callbacks) in {@code symbol}, then {@code parameters}, the names the
     * override declares: a view's, or an asynchronous method's, which reads the address from the
     * symbol, which checks the library is open.
     */
    static void write(MethodSpec.Builder builder, Member member, List<String> parameters, NameAllocator locals,
            StructCodecs structs, String symbol, String address) {
        new FastCall(member, parameters, locals, structs, symbol, address, null).write(builder);
    }

    /**
     * As {@link #write(MethodSpec.Builder, Member, List, NameAllocator, StructCodecs, String, String)},
     * for a method of the class whose site for the function gives the handle with the address bound
     * in, from the symbol in the method's field, checking the library is open. That comes first: a
     * body that converts arguments before the call holds the handle in the local {@code bound};
     * any other calls it in place. The symbol gets the local {@code symbol} only where the body
     * names it again; every local is a statement javac compiles once per method.
     */
    static void writeBound(MethodSpec.Builder builder, Member member, List<String> parameters, NameAllocator locals,
            StructCodecs structs, String symbol, String bound) {
        new FastCall(member, parameters, locals, structs, symbol, null, bound).write(builder);
    }

    private void write(MethodSpec.Builder builder) {
        CodeBlock.Builder body = CodeBlock.builder();
        if (scratch != null) {
            body.addStatement("$T $N = $T.current()", SCRATCH, scratch, SCRATCH)
                    .addStatement("long $N = $N.mark()", mark, scratch);
        }
        body.beginControlFlow("try");
        // statements converting arguments before the call
        CodeBlock.Builder before = CodeBlock.builder();
        List<CodeBlock> arguments = new ArrayList<>();
        if (bound == null) {
            arguments.add(CodeBlock.of("$N", address));
        }
        if (returnsStruct) {
            arguments.add(CodeBlock.of("($T) $N", SEGMENT_ALLOCATOR, scratch));
        }
        if (method.flags().errno()) {
            arguments.add(CodeBlock.of("$T.current()", ERRNO_STATE));
        }
        List<CodeBlock> afterCall = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            arguments.add(argument(before, i, afterCall));
        }
        // a critical function cannot call back into Java; any other may run a callback C stored earlier.
        // Through a site, the check names the site, a constant, so the symbol need not live across the call
        if (!method.flags().critical()) {
            afterCall.add(CodeBlock.of("$T.check($N)", UPCALL_FAILURES, bound != null ? member.handle() : symbol()));
        }
        if (method.resultTypeName().equals(JavaTypes.CALLBACK)) {
            symbol(); // the result names the function
        }
        CodeBlock call;
        if (bound == null) {
            call = CodeBlock.of("$T.target($N).invokeExact($L)", RuntimeTypes.DOWNCALLS, member.handle(),
                    CodeBlock.join(arguments, ", "));
        } else {
            // the site's handle checks the library is open: before anything else the method does
            boolean fetchFirst = scratch != null || !before.isEmpty();
            CodeBlock handle = CodeBlock.of("$T.handle($N, $L)", RuntimeTypes.CONSTANT_ADDRESSES, member.handle(),
                    symbolUsed ? CodeBlock.of("$N", symbol) : CodeBlock.of("this.$N", member.field()));
            if (symbolUsed) {
                builder.addStatement("$T $N = this.$N", NATIVE_SYMBOL, symbol, member.field());
            }
            if (fetchFirst) {
                builder.addStatement("$T $N = $L", METHOD_HANDLE, bound, handle);
            }
            call = CodeBlock.of("$L.invokeExact($L)", fetchFirst ? CodeBlock.of("$N", bound) : handle,
                    CodeBlock.join(arguments, ", "));
        }
        body.add(before.build());
        callAndReturn(body, call, afterCall);
        String thrown = MemberNames.reserve(locals, "t$");
        body.nextControlFlow("catch ($T $N)", Throwable.class, thrown)
                .addStatement("throw $T.unchecked($L)", RETHROW, rethrown(thrown));
        if (scratch != null) {
            body.nextControlFlow("finally").addStatement("$N.reset($N)", scratch, mark);
        }
        body.endControlFlow();
        builder.addCode(body.build());
    }

    /**
     * What the catch block passes on with {@code thrown}: where FFM may refuse an argument (a
     * segment of a closed arena, or of another thread's, a closed {@code Upcall}), the symbol and
     * each such parameter after its index, so that the message names the one refused; beyond three
     * of them, every parameter up to the last in order, null for the others. It costs the catch
     * block a few bytes and the normal path nothing. The symbol is the local the body already
     * has, else read from its field; a body given the address passes it also without such
     * parameters, since that address may be a closed {@code Upcall}'s.
     */
    private CodeBlock rethrown(String thrown) {
        List<Integer> refusable = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            if (mayBeRefused(typeName(i))) {
                refusable.add(i);
            }
        }
        if (refusable.isEmpty()) {
            // a view calls an address the user gave, which FFM refuses once its memory is freed
            return bound == null ? CodeBlock.of("$N, $N", thrown, symbol) : CodeBlock.of("$N", thrown);
        }
        List<CodeBlock> passed = new ArrayList<>();
        passed.add(CodeBlock.of("$N", thrown));
        passed.add(bound == null || symbolUsed ? CodeBlock.of("$N", symbol) : CodeBlock.of("this.$N", member.field()));
        if (refusable.size() <= 3) {
            for (int i : refusable) {
                passed.add(CodeBlock.of("$L, $N", i, parameters.get(i)));
            }
        } else {
            for (int i = 0; i <= refusable.getLast(); i++) {
                passed.add(refusable.contains(i) ? CodeBlock.of("$N", parameters.get(i)) : CodeBlock.of("null"));
            }
        }
        return CodeBlock.join(passed, ", ");
    }

    /** Whether FFM itself checks the memory of an argument of {@code javaType}: it passes a segment of it as is. */
    private static boolean mayBeRefused(String javaType) {
        return javaType.equals(JavaTypes.SEGMENT) || javaType.equals(JavaTypes.UPCALL)
                || javaType.equals(JavaTypes.BYTE_BUFFER);
    }

    /** The symbol's name, for a body that names it. */
    private String symbol() {
        symbolUsed = true;
        return symbol;
    }

    /** The value passed for argument {@code i}; a scratch copy is declared first and copied back after the call. */
    private CodeBlock argument(CodeBlock.Builder builder, int i, List<CodeBlock> afterCall) {
        NativeType type = signature.parameter(i);
        String javaType = typeName(i);
        String parameter = parameters.get(i);
        boolean critical = method.flags().critical();
        if (type == NativeType.STRUCT) {
            String passed = MemberNames.reserve(locals, parameter + "$");
            TypeMirror record = method.parameters().get(i).type();
            builder.addStatement("$T $N = $N.allocate($LL)", Carriers.SEGMENT, passed, scratch, signature.struct(i).layout().byteSize())
                    .addStatement("$L", structs.put(record, signature.struct(i), passed, parameter, symbol(), i));
            return CodeBlock.of("$N", passed);
        }
        if (type == NativeType.STRUCT_POINTER) {
            return structPointer(builder, i, afterCall);
        }
        if (javaType.equals(JavaTypes.STRUCT_ARRAY)) {
            String passed = MemberNames.reserve(locals, parameter + "$");
            TypeMirror array = method.parameters().get(i).type();
            builder.addStatement("$T $N = $L", Carriers.SEGMENT, passed, structs.putAll(array, scratch, parameter, symbol(), i));
            afterCall.add(structs.getAll(array, passed, parameter));
            return CodeBlock.of("$N", passed);
        }
        if (type == NativeType.STRING) {
            // inline, so that arguments are checked in order, as on CompatFunction
            return CodeBlock.of("$T.in($N, $N, $N, $L)", STRINGS, parameter, scratch, symbol(), i);
        }
        if (!Carriers.usesScratch(type, javaType, critical)) {
            return Carriers.argument(type, javaType, parameter, this::symbol, i);
        }
        String passed = MemberNames.reserve(locals, parameter + "$");
        builder.addStatement("$T $N = $L", Carriers.carrier(type, javaType, critical), passed,
                Carriers.bufferIn(javaType, parameter, scratch, critical, this::symbol, i));
        CodeBlock copyBack = Carriers.bufferOut(javaType, parameter, scratch, passed);
        if (copyBack != null) {
            afterCall.add(copyBack);
        }
        return CodeBlock.of("$N", passed);
    }

    /**
     * A struct pointer: a segment passes as is; a record is copied into scratch memory (null is
     * NULL); an array of records is copied in as a C array and, after the call, back.
     */
    private CodeBlock structPointer(CodeBlock.Builder builder, int i, List<CodeBlock> afterCall) {
        String parameter = parameters.get(i);
        if (typeName(i).equals(JavaTypes.SEGMENT)) {
            return Carriers.argument(NativeType.POINTER, JavaTypes.SEGMENT, parameter, this::symbol, i);
        }
        String passed = MemberNames.reserve(locals, parameter + "$");
        TypeMirror type = method.parameters().get(i).type();
        if (typeName(i).equals(JavaTypes.STRUCT_ARRAY)) {
            builder.addStatement("$T $N = $L", Carriers.SEGMENT, passed,
                    structs.pointerInAll(type, signature.struct(i), scratch, parameter, symbol(), i));
            afterCall.add(structs.pointerOutAll(type, signature.struct(i), passed, parameter));
        } else {
            builder.addStatement("$T $N = $L", Carriers.SEGMENT, passed,
                    structs.pointerIn(type, signature.struct(i), scratch, parameter, symbol(), i));
        }
        return CodeBlock.of("$N", passed);
    }

    /**
     * A struct-pointer result: the segment sized to the struct, or the record read from it (NULL
     * is null), after which an owned result's address goes to its free function.
     */
    private void structPointerResult(CodeBlock.Builder builder, CodeBlock call, List<CodeBlock> afterCall) {
        CodeBlock segment = CodeBlock.of("($T) $L", Carriers.SEGMENT, call);
        if (method.resultTypeName().equals(JavaTypes.SEGMENT)) {
            String local = MemberNames.reserve(locals, "result$");
            builder.addStatement("$T $N = $L", Carriers.SEGMENT, local, segment);
            afterCall.forEach(statement -> builder.addStatement("$L", statement));
            builder.addStatement("return $N", local);
            return;
        }
        String raw = MemberNames.reserve(locals, "raw$");
        String local = MemberNames.reserve(locals, "result$");
        CodeBlock read = structs.pointerOut(method.resultType(), signature.returnStruct(), raw);
        builder.addStatement("$T $N = $L", Carriers.SEGMENT, raw, segment);
        if (method.free().isEmpty()) {
            builder.addStatement("$T $N = $L", TypeName.get(method.resultType()), local, read);
        } else {
            // the address is C's to free also when reading it throws (a record's constructor may)
            builder.addStatement("$T $N", TypeName.get(method.resultType()), local)
                    .beginControlFlow("try")
                    .addStatement("$N = $L", local, read)
                    .nextControlFlow("finally")
                    .addStatement("this.$N.release($N)", member.free(), raw)
                    .endControlFlow();
        }
        afterCall.forEach(statement -> builder.addStatement("$L", statement));
        builder.addStatement("return $N", local);
    }

    private void callAndReturn(CodeBlock.Builder builder, CodeBlock call, List<CodeBlock> afterCall) {
        if (signature.returnType() == NativeType.VOID) {
            builder.addStatement("$L", call);
            afterCall.forEach(statement -> builder.addStatement("$L", statement));
            return;
        }
        if (signature.returnType() == NativeType.STRUCT_POINTER) {
            structPointerResult(builder, call, afterCall);
            return;
        }
        CodeBlock result = returnsStruct
                ? structs.get(method.resultType(), signature.returnStruct(), CodeBlock.of("($T) $L", Carriers.SEGMENT, call))
                : method.resultTypeName().equals(JavaTypes.CALLBACK)
                ? CodeBlock.of("$T.result($T.class, $L, ($T) $L)", RuntimeTypes.VIEWS,
                        TypeName.get(method.resultType()), symbol(), Carriers.SEGMENT, call)
                : Carriers.result(signature.returnType(), method.resultTypeName(), call);
        if (afterCall.isEmpty()) {
            builder.addStatement("return $L", result);
            return;
        }
        String local = MemberNames.reserve(locals, "result$");
        builder.addStatement("$T $N = $L", TypeName.get(method.resultType()), local, result);
        afterCall.forEach(statement -> builder.addStatement("$L", statement));
        builder.addStatement("return $N", local);
    }

    private String typeName(int i) {
        List<JavaParameter> declared = method.parameters();
        return declared.get(i).typeName();
    }
}
