package dev.fastffi.processor;

import java.util.List;
import javax.annotation.processing.Messager;

/** What the validator found about one type: its problems and, when there are none, the plan to generate. */
record ValidationReport(List<Problem> problems, BindingPlan plan) {

    boolean isClean() {
        return problems.isEmpty();
    }

    void printTo(Messager messager) {
        problems.forEach(problem -> problem.printTo(messager));
    }
}
