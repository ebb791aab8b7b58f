package dev.fastffi.processor;

import com.palantir.javapoet.NameAllocator;
import java.util.List;
import dev.fastffi.processor.MemberNames.Member;
import javax.lang.model.element.TypeElement;

/**
 * A validated interface, ready to generate, with what the generated class is made of settled
 * once, before anything is estimated or written: the names of each method's members, the packed
 * constants its symbols and sites are created from, and the codecs of the records it passes.
 *
 * @param fast whether the fast path was enabled ({@code -Afastffi.fast}), passed on to the runtime
 * @param members every method with the names of its members, in declaration order
 * @param symbols the constructor's string constants, which resolve the packable methods' symbols
 *     in one call ({@link BindingGenerator#symbolLine}); empty for none
 * @param sites the static initializer's string constants, which create the linked methods' sites
 *     ({@link BindingGenerator#siteLine}); empty for none
 * @param handles the static initializer's string constants, which create the other direct
 *     methods' handles; empty for none
 * @param structs the codecs of the records the direct methods pass and return, with their names
 */
record BindingPlan(TypeElement element, boolean fast, List<Member> members, List<String> symbols, List<String> sites,
        List<String> handles, StructCodecs structs) {

    static BindingPlan of(TypeElement element, boolean fast, List<MethodPlan> methods) {
        NameAllocator names = MemberNames.allocator(element);
        List<Member> members = MemberNames.settle(methods, names);
        return new BindingPlan(element, fast, members,
                BindingGenerator.split(members.stream().map(Member::plan).filter(BindingGenerator::packable)
                        .map(BindingGenerator::symbolLine).toList()),
                BindingGenerator.split(members.stream().filter(Member::linked)
                        .map(member -> BindingGenerator.siteLine(member.plan())).toList()),
                BindingGenerator.split(members.stream().filter(member -> member.plan().direct() && !member.linked())
                        .map(member -> BindingGenerator.siteLine(member.plan())).toList()),
                StructCodecs.settle(members, names));
    }

    /** Each method's plan, in declaration order. */
    List<MethodPlan> methods() {
        return members.stream().map(Member::plan).toList();
    }
}
