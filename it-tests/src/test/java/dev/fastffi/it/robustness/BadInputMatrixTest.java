package dev.fastffi.it.robustness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fastffi.FfiException.Code;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Every way a user can call wrongly, as one table ({@link BadInputCases}): each case asserts the
 * code and that the message names what went wrong, in order (for arguments: symbol, index, C type,
 * then the value). The number of cases is printed for the README's testing section.
 */
class BadInputMatrixTest {
    private static AllPaths paths;

    @BeforeAll
    static void open() {
        paths = new AllPaths();
    }

    @AfterAll
    static void close() {
        paths.close();
    }

    /** One wrong call: what it is, the code it must throw and the texts its message must contain in order. */
    record Case(String name, Code code, List<String> fragments, Executable call) {}

    @TestFactory
    Stream<DynamicTest> everyWrongCallThrowsItsCodeWithAMessageNamingWhatWasWrong() {
        List<Case> cases = new BadInputCases(paths).all();
        System.out.println("Bad-input matrix: " + cases.size() + " cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name() + " is " + c.code(), () -> check(c)));
    }

    private static void check(Case c) {
        String message = Robust.assertFfiException(c.code(), c.call()).getMessage();
        int from = 0;
        for (String fragment : c.fragments()) {
            int at = message.indexOf(fragment, from);
            int previous = from;
            assertTrue(at >= 0, () -> "expected '" + fragment + "' after index " + previous + " in:\n" + message);
            from = at + fragment.length();
        }
    }
}
