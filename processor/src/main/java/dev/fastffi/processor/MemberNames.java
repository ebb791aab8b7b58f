package dev.fastffi.processor;

import com.palantir.javapoet.NameAllocator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Settles the generated member names of one binding in one pass, before anything is emitted: a
 * field {@code add$} and a holder {@code add$Holder} per method, numbered for overloads
 * ({@code add$2}). Generated names carry {@code $}, so they stay out of the way of user names.
 */
final class MemberNames {
    /** The names of one method's members. */
    record Member(MethodPlan plan, String field, String holder) {}

    private MemberNames() {}

    static List<Member> settle(List<MethodPlan> plans) {
        NameAllocator allocator = new NameAllocator();
        Map<String, Integer> seen = new HashMap<>();
        List<Member> members = new ArrayList<>();
        for (MethodPlan plan : plans) {
            String name = plan.method().name();
            int occurrence = seen.merge(name, 1, Integer::sum);
            String field = allocator.newName(occurrence == 1 ? name + "$" : name + "$" + occurrence);
            members.add(new Member(plan, field, allocator.newName(field + "Holder")));
        }
        return List.copyOf(members);
    }
}
