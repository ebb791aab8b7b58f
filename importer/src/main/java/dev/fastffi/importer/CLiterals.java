package dev.fastffi.importer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bytes of C string and character literals, with their escapes decoded as gcc does ({@code \x41},
 * {@code \101}, {@code \n}, {@code \u00e9} in UTF-8), and the Java string literal for a string macro.
 */
final class CLiterals {
    /** Thrown for a literal that has no faithful Java string or character value; the message completes "... is ...". */
    static final class NotDecodable extends Exception {
        private static final long serialVersionUID = 1L;

        NotDecodable(String reason) {
            super(reason);
        }
    }

    private CLiterals() {}

    /** The Java literal for adjacent C string literals, which C joins into one. */
    static String javaString(List<String> literals) throws NotDecodable {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String literal : literals) {
            if (!literal.startsWith("\"") && !literal.startsWith("u8\"")) {
                throw new NotDecodable("a wide or Unicode string literal, which is no string of chars");
            }
            bytes.writeBytes(bytes(literal.substring(literal.indexOf('"') + 1, literal.length() - 1)));
        }
        byte[] all = bytes.toByteArray();
        for (byte b : all) {
            if (b == 0) {
                throw new NotDecodable("a string with an embedded NUL, where C would end it");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(all)).toString();
        } catch (CharacterCodingException e) {
            throw new NotDecodable("a string whose bytes are not UTF-8 text");
        }
        StringBuilder java = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> java.append("\\\"");
                case '\\' -> java.append("\\\\");
                case '\n' -> java.append("\\n");
                case '\r' -> java.append("\\r");
                case '\t' -> java.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        java.append(String.format("\\%03o", (int) c));
                    } else {
                        java.append(c);
                    }
                }
            }
        }
        return java.append('"').toString();
    }

    /** The value of a plain character constant of one byte: a {@code char}, signed as on x86-64, promoted to int. */
    static int character(String body) throws NotDecodable {
        byte[] bytes = bytes(body);
        if (bytes.length != 1) {
            throw new NotDecodable("a character constant of " + bytes.length + " bytes, whose value gcc decides");
        }
        return bytes[0];
    }

    /** The bytes the body of a literal (what stands between its quotes) stands for. */
    static byte[] bytes(String body) throws NotDecodable {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i++);
            if (c != '\\') {
                int codePoint = Character.isHighSurrogate(c) && i < body.length()
                        ? Character.toCodePoint(c, body.charAt(i++)) : c;
                out.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i == body.length()) {
                throw new NotDecodable("a literal ending in a lone backslash");
            }
            char e = body.charAt(i++);
            int simple = "ntrabfv\\'\"?e".indexOf(e);
            if (simple >= 0) {
                out.write("\n\t\r\u0007\b\f\u000B\\'\"?\u001B".charAt(simple));
            } else if (e >= '0' && e <= '7') {
                int value = e - '0';
                for (int n = 1; n < 3 && i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '7'; n++) {
                    value = value * 8 + body.charAt(i++) - '0';
                }
                out.write(value);
            } else if (e == 'x') {
                int start = i;
                while (i < body.length() && Character.digit(body.charAt(i), 16) >= 0) {
                    i++;
                }
                String digits = body.substring(start, i).replaceFirst("^0+(?=.)", "");
                if (digits.isEmpty() || digits.length() > 2) {
                    throw new NotDecodable("a literal with the escape '\\x" + body.substring(start, i)
                            + "', which does not fit a char");
                }
                out.write(Integer.parseInt(digits, 16));
            } else if (e == 'u' || e == 'U') {
                int length = e == 'u' ? 4 : 8;
                if (i + length > body.length()) {
                    throw new NotDecodable("a literal with a short '\\" + e + "' escape");
                }
                int codePoint;
                try {
                    codePoint = Integer.parseInt(body.substring(i, i + length), 16);
                } catch (NumberFormatException ex) {
                    throw new NotDecodable("a literal with a malformed '\\" + e + "' escape");
                }
                if (!Character.isValidCodePoint(codePoint)) {
                    throw new NotDecodable("a literal with the escape '\\" + e + body.substring(i, i + length)
                            + "', which names no character");
                }
                i += length;
                out.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
            } else {
                throw new NotDecodable("a literal with the unknown escape '\\" + e + "'");
            }
        }
        return out.toByteArray();
    }
}
