package dev.fastffi.processor;

import com.palantir.javapoet.NameAllocator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Settles the generated member names of one binding in one pass, before anything is emitted: a
 * field {@code add$}, a holder {@code add$Holder}, a global holder {@code add$Global} and the
 * closeable template's address site {@code add$Address} per method, numbered for overloads
 * ({@code add$2}). Generated names carry {@code $}, so they stay out
 * of the way of user names.
 */
final class MemberNames {
    /** The subclass {@code FastFfi.load} instantiates; see {@code BindingGenerator}. */
    static final String GLOBAL_BINDING = "Global$";
    /** The template {@code Library.bind} defines per library as a hidden class. */
    static final String CLOSEABLE_TEMPLATE = RuntimeTypes.TEMPLATE_NAME;
    /** The template's field holding the library's addresses, its class data. */
    static final String ADDRESSES = "ADDRESSES$";

    /** The names of one method's members. */
    record Member(MethodPlan plan, String field, String holder, String globalHolder, String address) {
        /**
         * Whether the global binding and the closeable template override the method: its body calls
         * its own handle (FAST, or copying String arguments) and it is not asynchronous (the pool
         * runs those).
         */
        boolean overriddenWhenGlobal() {
            return plan.direct() && !plan.method().async();
        }

        /** The field holding the function that frees an owned result of a directly called method. */
        String freeField() {
            return field + "free";
        }
    }

    private MemberNames() {}

    static List<Member> settle(List<MethodPlan> plans) {
        NameAllocator allocator = new NameAllocator();
        allocator.newName(GLOBAL_BINDING);
        allocator.newName(CLOSEABLE_TEMPLATE);
        allocator.newName(ADDRESSES);
        Map<String, Integer> seen = new HashMap<>();
        List<Member> members = new ArrayList<>();
        for (MethodPlan plan : plans) {
            String name = plan.method().name();
            int occurrence = seen.merge(name, 1, Integer::sum);
            String field = allocator.newName(occurrence == 1 ? name + "$" : name + "$" + occurrence);
            members.add(new Member(plan, field, allocator.newName(field + "Holder"),
                    allocator.newName(field + "Global"), allocator.newName(field + "Address")));
        }
        return List.copyOf(members);
    }
}
