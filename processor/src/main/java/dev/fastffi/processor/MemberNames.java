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
    /**
     * The subclass whose direct methods hold addresses as constants: {@code FastFfi.load}
     * instantiates it, {@code Library.bind} defines it per library as a hidden class.
     */
    static final String LINKED_BINDING = RuntimeTypes.TEMPLATE_NAME;
    /** The subclass whose direct methods check the library on every call, where no hidden class can be defined. */
    static final String CHECKED_BINDING = "Checked$";
    /** The class that creates bindings for the runtime, in place of a method reference per constructor. */
    static final String FACTORY = "Factory$";
    /** The template's field holding the library's addresses, its class data. */
    static final String ADDRESSES = "ADDRESSES$";

    /** The names of one method's members. */
    record Member(MethodPlan plan, String field, String handle, String body, String address) {
        /**
         * Whether the linked binding overrides the method: its body calls
         * its own handle (FAST, or copying String arguments) and it is not asynchronous (the pool
         * runs those).
         */
        boolean overriddenWhenLinked() {
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
        allocator.newName(LINKED_BINDING);
        allocator.newName(FACTORY);
        allocator.newName(CHECKED_BINDING);
        allocator.newName(ADDRESSES);
        Map<String, Integer> seen = new HashMap<>();
        List<Member> members = new ArrayList<>();
        for (MethodPlan plan : plans) {
            String name = plan.method().name();
            int occurrence = seen.merge(name, 1, Integer::sum);
            String field = allocator.newName(occurrence == 1 ? name + "$" : name + "$" + occurrence);
            members.add(new Member(plan, field, allocator.newName(field + "Handle"),
                    allocator.newName(field + "Body"), allocator.newName(field + "Address")));
        }
        return List.copyOf(members);
    }
}
