package dev.fastffi.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.fastffi.model.Message;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.tools.Diagnostic;

/**
 * Finds native interfaces declared inside a method, an initializer or an anonymous class, and
 * reports each: no generated class can name such an interface. A class declared there (a local
 * or anonymous class, enum or record) with {@code @NativeFunction} methods or {@code @NativeLibrary}
 * is reported as such a member class is. javac enters these types only after annotation
 * processing, so no round lists them; they are found in the syntax trees of the round's sources,
 * by the annotations as written there (a simple name counts when the file imports it from
 * fastffi's annotations package, or imports a module that exports that package). Where javac's
 * trees cannot be had (another compiler, or an environment a build tool wraps), nothing is checked
 * and the runtime says why such an interface has no binding.
 */
final class LocalInterfaces {
    private static final String PACKAGE = "dev.fastffi.annotations";
    /**
     * The modules whose import ({@code import module M;}, Java 25) imports the annotations: their
     * own, and the runtime's, which requires it transitively. Such an import names the module
     * where a type import names a type, and no type is named as either module is.
     */
    private static final Set<String> MODULES = Set.of(PACKAGE, "dev.fastffi");

    /** Null when the compiler offers no javac syntax trees. */
    private final Trees trees;
    /** The files read, each a round's new source: one file declares several root types. */
    private final Set<CompilationUnitTree> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private LocalInterfaces(Trees trees) {
        this.trees = trees;
    }

    static LocalInterfaces of(ProcessingEnvironment environment) {
        try {
            return new LocalInterfaces(Trees.instance(environment));
        } catch (IllegalArgumentException | LinkageError notJavac) {
            return new LocalInterfaces(null);
        }
    }

    /** Reports every local native interface in the file declaring {@code root}, unless that file was read already. */
    void report(Element root) {
        if (trees == null) {
            return;
        }
        TreePath path = trees.getPath(root);
        if (path == null || !seen.add(path.getCompilationUnit())) {
            return;
        }
        CompilationUnitTree unit = path.getCompilationUnit();
        if (!mayDeclareNative(unit)) {
            return;
        }
        for (Local local : new Scanner(unit).find()) {
            trees.printMessage(Diagnostic.Kind.ERROR, local.message(), local.tree(), unit);
        }
    }

    /**
     * Whether the file's text names either annotation at all, which a native interface must: most
     * files, and every generated binding, need no walk of their trees then.
     */
    private static boolean mayDeclareNative(CompilationUnitTree unit) {
        try {
            String text = unit.getSourceFile().getCharContent(true).toString();
            return text.contains("NativeFunction") || text.contains("NativeLibrary");
        } catch (IOException | RuntimeException unreadable) {
            return true;
        }
    }

    /** A misplaced declaration inside a body, and what to say about it. */
    private record Local(Tree tree, String message) {}

    /** Walks one file; its argument says whether the tree is inside a body, where a type is local. */
    private static final class Scanner extends TreeScanner<Void, Boolean> {
        private final CompilationUnitTree unit;
        private final Deque<String> named = new ArrayDeque<>();
        private final List<Local> found = new ArrayList<>();

        Scanner(CompilationUnitTree unit) {
            this.unit = unit;
            if (unit.getPackageName() != null) {
                named.push(unit.getPackageName().toString());
            }
        }

        List<Local> find() {
            scan(unit, false);
            return found;
        }

        @Override
        public Void visitClass(ClassTree tree, Boolean inBody) {
            if (inBody) {
                if (tree.getKind() != Tree.Kind.INTERFACE) {
                    reportClass(tree);
                } else if (isNative(tree)) {
                    found.add(new Local(tree, Message.INTERFACE_LOCAL.format(tree.getSimpleName(), named.peek())));
                }
                return scan(tree.getMembers(), true);
            }
            String outer = named.peek();
            named.push(outer == null ? tree.getSimpleName().toString() : outer + "." + tree.getSimpleName());
            scan(tree.getMembers(), false);
            named.pop();
            return null;
        }

        /**
         * A local or anonymous class, enum or record: its {@code @NativeLibrary} and each
         * {@code @NativeFunction} method are errors, as on a member class, which javac would list.
         */
        private void reportClass(ClassTree tree) {
            String name = tree.getSimpleName().isEmpty()
                    ? "the anonymous class in " + named.peek()
                    : tree.getSimpleName() + " in " + named.peek();
            // a local type is a class, an enum or a record, whose tree kinds are named as their element kinds
            String kind = BindingValidator.describe(ElementKind.valueOf(tree.getKind().name()));
            if (annotated(tree.getModifiers(), "NativeLibrary")) {
                found.add(new Local(tree, Message.LIBRARY_NOT_AN_INTERFACE.format(name, kind)));
            }
            for (Tree member : tree.getMembers()) {
                if (member instanceof MethodTree method && annotated(method.getModifiers(), "NativeFunction")) {
                    found.add(new Local(method, Message.NOT_AN_INTERFACE.format(name, kind)));
                }
            }
        }

        @Override
        public Void visitMethod(MethodTree tree, Boolean inBody) {
            return scan(tree.getBody(), true);
        }

        @Override
        public Void visitVariable(VariableTree tree, Boolean inBody) {
            return scan(tree.getInitializer(), true);
        }

        @Override
        public Void visitBlock(BlockTree tree, Boolean inBody) {
            return super.visitBlock(tree, true);
        }

        /** An interface annotated {@code @NativeLibrary} or with a method annotated {@code @NativeFunction}. */
        private boolean isNative(ClassTree tree) {
            return tree.getKind() == Tree.Kind.INTERFACE && (annotated(tree.getModifiers(), "NativeLibrary")
                    || tree.getMembers().stream().anyMatch(member -> member instanceof MethodTree method
                            && annotated(method.getModifiers(), "NativeFunction")));
        }

        private boolean annotated(ModifiersTree modifiers, String simpleName) {
            return modifiers.getAnnotations().stream().anyMatch(annotation -> names(annotation, simpleName));
        }

        /** Whether {@code annotation} names fastffi's annotation {@code simpleName}, as this file spells it. */
        private boolean names(AnnotationTree annotation, String simpleName) {
            String written = annotation.getAnnotationType().toString();
            if (written.equals(PACKAGE + "." + simpleName)) {
                return true;
            }
            return written.equals(simpleName) && imports(simpleName);
        }

        private boolean imports(String simpleName) {
            boolean onDemand = false;
            for (ImportTree declaration : unit.getImports()) {
                if (declaration.isStatic()) {
                    continue;
                }
                String imported = declaration.getQualifiedIdentifier().toString();
                if (MODULES.contains(imported)) {
                    onDemand = true;
                    continue;
                }
                if (imported.endsWith("." + simpleName)) {
                    return imported.equals(PACKAGE + "." + simpleName);
                }
                onDemand |= imported.equals(PACKAGE + ".*");
            }
            return onDemand || (unit.getPackageName() != null && unit.getPackageName().toString().equals(PACKAGE));
        }
    }
}
