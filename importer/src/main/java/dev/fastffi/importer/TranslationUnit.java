package dev.fastffi.importer;

import java.util.ArrayList;
import java.util.List;

/** Everything the parser found in one preprocessed file, in declaration order. */
final class TranslationUnit {
    /**
     * A function declaration or definition, with its declaration as C text for the Javadoc; {@code symbol}
     * is the asm label that renames it in the library, or null when the symbol is the name.
     */
    record Function(String name, String symbol, CType.Function type, String file, int line, String declaration, boolean isStatic) {}

    /** A variable declared or defined at file scope, not {@code static}. */
    record Variable(String name, CType type, boolean threadLocal, String file, int line) {}

    /** A typedef. */
    record Typedef(String name, CType type, String file) {}

    /** A declaration that was not understood; {@code name} is a best guess, possibly null. */
    record Unparsed(String name, String file, int line, String reason) {}

    final List<Function> functions = new ArrayList<>();
    final List<Variable> variables = new ArrayList<>();
    final List<Typedef> typedefs = new ArrayList<>();
    final List<CStruct> structs = new ArrayList<>();
    final List<CEnum> enums = new ArrayList<>();
    final List<Unparsed> unparsed = new ArrayList<>();
}
