package dev.fastffi.importer;

import java.util.ArrayList;
import java.util.List;

/** What the importer writes: interfaces, struct records and callback interfaces, all names settled. */
final class Bindings {
    /** A Java parameter or record component: its name, Java type, and the C type it stands for. */
    record Parameter(String name, String javaType, String cType) {}

    /** One member of an interface, in header order. */
    sealed interface Member permits Constant, Function, Skipped, SkippedMacro {}

    /** {@code int NAME = value;} or {@code String NAME = "...";}, from an enumerator or a #define. */
    record Constant(String name, String javaType, String value, String origin) implements Member {}

    /** A {@code @NativeFunction} method; {@code symbol} is null when the method name is the symbol. */
    record Function(String javaName, String symbol, String signature, String resultType,
            List<Parameter> parameters, boolean variadic, boolean optional, String declaration) implements Member {}

    /** A C declaration left out, with the reason as a comment. */
    record Skipped(String name, String reason) implements Member {}

    /** A {@code #define} that is no integer or string constant, left out with the reason as a comment. */
    record SkippedMacro(String name, String reason) implements Member {}

    /** A binding interface for one header. */
    record Interface(String name, String header, List<String> libraries, List<Member> members) {
        long functionCount() {
            return members.stream().filter(Function.class::isInstance).count();
        }

        long skippedCount() {
            return members.stream().filter(Skipped.class::isInstance).count();
        }
    }

    /** A {@code @NativeStruct} record. */
    record Struct(String name, String signature, List<Parameter> components, String cName) {}

    /** A {@code @NativeCallback} interface with one method, {@code call}. */
    record Callback(String name, String signature, String resultType, List<Parameter> parameters, String cName) {}

    final List<Interface> interfaces = new ArrayList<>();
    final List<Struct> structs = new ArrayList<>();
    final List<Callback> callbacks = new ArrayList<>();
}
