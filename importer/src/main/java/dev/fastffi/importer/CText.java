package dev.fastffi.importer;

import java.util.List;
import java.util.Set;

/** Prints tokens back as readable C, without the GNU attributes and asm labels the preprocessor left in. */
final class CText {
    private static final Set<String> DROPPED = Set.of("extern", "__extension__", "__inline", "__inline__", "inline",
            "__restrict", "__restrict__", "restrict", "_Noreturn", "__thread", "_Thread_local", "static");
    private static final Set<String> SKIPPED_WITH_PARENTHESES = Set.of("__attribute__", "__attribute", "__asm__",
            "__asm", "asm", "__declspec", "_Alignas");

    private CText() {}

    static String of(List<CToken> tokens, int from, int to) {
        StringBuilder text = new StringBuilder();
        String previous = null;
        for (int i = from; i < to; i++) {
            CToken token = tokens.get(i);
            if (SKIPPED_WITH_PARENTHESES.contains(token.text()) && token.isIdentifier()) {
                i = skipParentheses(tokens, i + 1, to) - 1;
                continue;
            }
            if (DROPPED.contains(token.text()) && token.isIdentifier()) {
                continue;
            }
            String value = token.text().equals("__const") ? "const" : token.text();
            boolean pointerGroup = value.equals("(") && i + 1 < to && tokens.get(i + 1).is("*");
            if (previous != null && (spaceBetween(previous, value) || pointerGroup && !previous.equals("("))) {
                text.append(' ');
            }
            text.append(value);
            previous = value;
        }
        return text.toString();
    }

    private static int skipParentheses(List<CToken> tokens, int from, int to) {
        int i = from;
        int depth = 0;
        while (i < to) {
            if (tokens.get(i).is("(")) {
                depth++;
            } else if (tokens.get(i).is(")")) {
                depth--;
            }
            i++;
            if (depth == 0) {
                break;
            }
        }
        return i;
    }

    private static boolean spaceBetween(String previous, String next) {
        if (next.equals(",") || next.equals(")") || next.equals("]") || next.equals(";") || next.equals("[")) {
            return false;
        }
        if (previous.equals("(") || previous.equals("[") || previous.equals("*")) {
            return false;
        }
        if (next.equals("(")) {
            return !isWord(previous) && !previous.equals(")");
        }
        return true;
    }

    private static boolean isWord(String text) {
        return !text.isEmpty() && (Character.isLetterOrDigit(text.charAt(0)) || text.charAt(0) == '_');
    }
}
