package dev.fastffi.processor;

import com.palantir.javapoet.NameAllocator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Settles the generated member names of one binding in one pass, before anything is emitted: a
 * field {@code add$}, a lazily linked handle {@code add$Handle}, the body every direct override
 * shares {@code add$Body}, the body an asynchronous override hands to the pool {@code add$call} and
 * the function freeing an owned result {@code add$free} per method, numbered for overloads
 * ({@code add$2}). Generated names carry {@code $}, which keeps them out of the way of ordinary user
 * names; a user may still write one ({@code abs$call}, {@code get$Point}), so every name of the
 * interface's own methods, inherited ones included, is taken before any is generated, and a
 * generated name that meets one gets a {@code _} appended. The struct codecs ({@link StructCodecs})
 * take their names from the same allocator.
 */
final class MemberNames {
    /** The class that creates bindings for the runtime, in place of a method reference per constructor. */
    static final String FACTORY = "Factory$";
    /**
     * The class's one {@link #FACTORY}, in a static field: the runtime holds it weakly, so that it
     * lives as long as the class and its class loader, and no longer.
     */
    static final String FACTORY_INSTANCE = "FACTORY$";
    /**
     * The field holding the addresses the direct methods call: the library's, as class data, in a
     * hidden copy. The runtime reads it by this name where no hidden copy can be made.
     */
    static final String ADDRESSES = "ADDRESSES$";
    /** The static initializer's local holding the sites of the synchronous direct methods, in order. */
    static final String SITES = "sites$";
    /** The static initializer's local holding the handles of the asynchronous direct methods, in order. */
    static final String HANDLES = "handles$";
    /** The constructor's local holding the symbols of the direct methods, in order. */
    static final String SYMBOLS = "symbols$";

    /**
     * The names of one method's members.
     *
     * @param call the private method an asynchronous override runs on the pool; null for a synchronous one
     * @param free the field holding the function that frees an owned result; null without one
     */
    record Member(MethodPlan plan, String field, String handle, String body, String call, String free) {
        /**
         * Whether the method reads its address from a site of the class: its body calls its own
         * handle (FAST, or copying String arguments) and it is not asynchronous (the pool runs those).
         */
        boolean linked() {
            return plan.direct() && !plan.method().async();
        }
    }

    private MemberNames() {}

    /**
     * {@code allocator.newName(suggestion)} without its random tag: JavaPoet tags an untagged name
     * with a {@code UUID.randomUUID()}, and a binding of thousands of methods reserves tens of
     * thousands of names.
     */
    static String reserve(NameAllocator allocator, String suggestion) {
        return allocator.newName(suggestion, new Object());
    }

    /**
     * The names one generated class allocates its members from: its constant members' names and
     * every method name of {@code type}, its own and inherited ones, are taken.
     */
    static NameAllocator allocator(TypeElement type) {
        NameAllocator allocator = new NameAllocator();
        reserve(allocator, FACTORY);
        reserve(allocator, FACTORY_INSTANCE);
        reserve(allocator, ADDRESSES);
        reserve(allocator, SITES);
        reserve(allocator, HANDLES);
        reserve(allocator, SYMBOLS);
        Set<String> names = new TreeSet<>();
        addMethodNames(type, names, new HashSet<>());
        names.forEach(name -> reserve(allocator, name));
        return allocator;
    }

    private static void addMethodNames(TypeElement type, Set<String> names, Set<TypeElement> seen) {
        if (!seen.add(type)) {
            return;
        }
        ElementFilter.methodsIn(type.getEnclosedElements()).forEach(method -> names.add(method.getSimpleName().toString()));
        for (TypeMirror parent : type.getInterfaces()) {
            if (parent instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element) {
                addMethodNames(element, names, seen);
            }
        }
    }

    /** The members of {@code plans}, in order, named from {@code allocator}. */
    static List<Member> settle(List<MethodPlan> plans, NameAllocator allocator) {
        Map<String, Integer> seen = new HashMap<>();
        List<Member> members = new ArrayList<>();
        for (MethodPlan plan : plans) {
            String name = plan.method().name();
            int occurrence = seen.merge(name, 1, Integer::sum);
            String field = reserve(allocator, occurrence == 1 ? name + "$" : name + "$" + occurrence);
            String handle = reserve(allocator, field + "Handle");
            String body = reserve(allocator, field + "Body");
            String call = plan.method().async() ? reserve(allocator, field + "call") : null;
            String free = plan.direct() && !plan.method().free().isEmpty() ? reserve(allocator, field + "free") : null;
            members.add(new Member(plan, field, handle, body, call, free));
        }
        return List.copyOf(members);
    }
}
