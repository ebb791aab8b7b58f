package dev.fastffi.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the output of {@code gcc -E} into tokens. Line markers ({@code # 12 "file.h" 1}) set the
 * file and line each token carries; {@code #pragma} lines become one {@link CToken.Kind#PRAGMA}
 * token, as {@code #pragma pack} changes struct layout; other directives are dropped.
 */
final class CTokenizer {
    private static final String[] PUNCTUATORS = {"...", "<<=", ">>=", "->", "++", "--", "<<", ">>", "<=", ">=",
        "==", "!=", "&&", "||", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##"};

    private final String text;
    private final List<CToken> tokens = new ArrayList<>();
    private int pos;
    private String file = "<input>";
    private int line = 1;
    private boolean lineStart = true;

    private CTokenizer(String text) {
        this.text = text;
    }

    static List<CToken> tokenize(String text) {
        CTokenizer tokenizer = new CTokenizer(text);
        tokenizer.run();
        return tokenizer.tokens;
    }

    private void run() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
                lineStart = true;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#' && lineStart) {
                directive();
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                end = end < 0 ? text.length() : end + 2;
                line += count(text.substring(pos, end), '\n');
                pos = end;
            } else if (text.startsWith("//", pos)) {
                skipToEndOfLine();
            } else {
                lineStart = false;
                token(c);
            }
        }
        tokens.add(new CToken(CToken.Kind.END, "<end>", file, line));
    }

    private void token(char c) {
        int start = pos;
        if (Character.isJavaIdentifierStart(c)) {
            while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
                pos++;
            }
            if (pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\'')
                    && text.substring(start, pos).matches("L|u|U|u8")) {
                quoted(start, text.charAt(pos));
                return;
            }
            add(CToken.Kind.IDENTIFIER, start);
        } else if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            number();
            add(CToken.Kind.NUMBER, start);
        } else if (c == '"' || c == '\'') {
            quoted(start, c);
        } else {
            for (String punctuator : PUNCTUATORS) {
                if (text.startsWith(punctuator, pos)) {
                    pos += punctuator.length();
                    add(CToken.Kind.PUNCT, start);
                    return;
                }
            }
            pos++;
            add(CToken.Kind.PUNCT, start);
        }
    }

    /** gcc takes {@code $} in identifiers as it does letters, and so does Java. */
    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** A pp-number: digits, letters, dots and signed exponents ({@code 1e-5}, {@code 0x1p+3}, {@code 10UL}). */
    private void number() {
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            char previous = text.charAt(pos - 1);
            if (isIdentifierPart(c) || c == '.') {
                pos++;
            } else if ((c == '+' || c == '-') && "eEpP".indexOf(previous) >= 0) {
                pos++;
            } else {
                break;
            }
        }
    }

    private void quoted(int start, char quote) {
        pos++;
        while (pos < text.length() && text.charAt(pos) != quote && text.charAt(pos) != '\n') {
            pos += text.charAt(pos) == '\\' ? 2 : 1;
        }
        pos = Math.min(pos + 1, text.length());
        add(quote == '"' ? CToken.Kind.STRING : CToken.Kind.CHARACTER, start);
    }

    private void add(CToken.Kind kind, int start) {
        tokens.add(new CToken(kind, text.substring(start, pos), file, line));
    }

    private void directive() {
        int start = pos;
        skipToEndOfLine();
        String body = text.substring(start + 1, pos).strip();
        if (body.startsWith("pragma")) {
            tokens.add(new CToken(CToken.Kind.PRAGMA, body.substring("pragma".length()).strip(), file, line));
        } else if (!body.isEmpty() && (Character.isDigit(body.charAt(0)) || body.startsWith("line"))) {
            lineMarker(body.startsWith("line") ? body.substring(4).strip() : body);
        }
    }

    /** {@code 12 "file.h" 1 3}: the next line is line 12 of file.h. */
    private void lineMarker(String body) {
        int space = body.indexOf(' ');
        String number = space < 0 ? body : body.substring(0, space);
        int quote = body.indexOf('"');
        int end = body.lastIndexOf('"');
        if (quote >= 0 && end > quote) {
            file = body.substring(quote + 1, end).replace("\\\\", "\\");
        }
        line = Integer.parseInt(number) - 1;
    }

    private void skipToEndOfLine() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            if (text.charAt(pos) == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                pos++;
                line++;
            }
            pos++;
        }
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}
