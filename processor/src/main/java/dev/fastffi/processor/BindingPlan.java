package dev.fastffi.processor;

import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A validated interface, ready to generate.
 *
 * @param fast whether the fast path was enabled ({@code -Afastffi.fast}), passed on to the runtime
 */
record BindingPlan(TypeElement element, boolean fast, List<MethodPlan> methods) {}
