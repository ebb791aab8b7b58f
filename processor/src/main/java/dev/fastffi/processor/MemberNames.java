package dev.fastffi.processor;

import com.palantir.javapoet.NameAllocator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Settles the generated member names of one binding in one pass, before anything is emitted: a
 * field {@code add$}, a lazily linked handle {@code add$Handle}, the body every direct override
 * shares {@code add$Body} and the linked binding's address site {@code add$Address} per method,
 * numbered for overloads ({@code add$2}). Generated names carry {@code $}, so they stay out
 * of the way of user names.
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

    /** The names of one method's members. */
    record Member(MethodPlan plan, String field, String handle, String body) {
        /**
         * Whether the method reads its address from a site of the class: its body calls its own
         * handle (FAST, or copying String arguments) and it is not asynchronous (the pool runs those).
         */
        boolean linked() {
            return plan.direct() && !plan.method().async();
        }

        /** The field holding the function that frees an owned result of a directly called method. */
        String freeField() {
            return field + "free";
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

    static List<Member> settle(List<MethodPlan> plans) {
        NameAllocator allocator = new NameAllocator();
        reserve(allocator, FACTORY);
        reserve(allocator, FACTORY_INSTANCE);
        reserve(allocator, ADDRESSES);
        reserve(allocator, SITES);
        reserve(allocator, HANDLES);
        reserve(allocator, SYMBOLS);
        Map<String, Integer> seen = new HashMap<>();
        List<Member> members = new ArrayList<>();
        for (MethodPlan plan : plans) {
            String name = plan.method().name();
            int occurrence = seen.merge(name, 1, Integer::sum);
            String field = reserve(allocator, occurrence == 1 ? name + "$" : name + "$" + occurrence);
            members.add(new Member(plan, field, reserve(allocator, field + "Handle"), reserve(allocator, field + "Body")));
        }
        return List.copyOf(members);
    }
}
