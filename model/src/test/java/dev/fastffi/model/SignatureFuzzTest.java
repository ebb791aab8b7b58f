package dev.fastffi.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the signature parser: valid signatures built from the grammar with random
 * whitespace, aliases and inline structs, mutations of them, and random text. Whatever the input, the outcome is a
 * {@code Signature} or {@link SignatureException} and never another exception; it is valid exactly
 * when an independent regular expression of the grammar matches; printing and parsing again gives
 * the same signature; an error's column lies within 1..length+1.
 *
 * <p>One test uses a fixed seed, one a new seed per run; {@code -Dfastffi.fuzz.seed=N} replays a
 * seed, and every failure message says which seed to replay.
 */
class SignatureFuzzTest {
    private static final long FIXED_SEED = 0x5eed_0f_f1L;
    /** Two seeds per run make 100,000 inputs, a third of them valid by construction. */
    private static final int INPUTS_PER_SEED = 50_000;

    private static final List<String> RETURN_NAMES = List.of("void", "bool", "i8", "u8", "i16", "u16", "i32", "u32",
            "i64", "u64", "isize", "usize", "f32", "f64", "pointer", "function", "string", "str");
    private static final List<String> ARGUMENT_NAMES = Stream.concat(RETURN_NAMES.stream().skip(1),
            Stream.of("buffer", "arraybuffer")).toList();
    /** Whitespace as Character.isWhitespace sees it, a few characters it does not count, and none. */
    private static final String[] SPACES = {"", "", "", " ", "  ", "\t", "\n", "\r\n", "\u000B", "\f", "\u001C", "\u2003"};
    private static final String[] NOT_SPACES = {"\u00A0", "\u200B", "\uFEFF"};
    private static final String PUNCTUATION = "(),.;[]{}*&<>:_-+'\"\\/ \t\n\0";
    private static final String[] ODD = {"\0", "\uD800", "\uDC00", "\uD83D\uDE00", "\uD835\uDC00", "\u0130", "\u00E9",
        "\u0661", "\uFFFF", "\u200B"};
    /** How deep the grammar's regular expression nests structs; it doubles in size with each level. */
    private static final int GRAMMAR_DEPTH = 5;
    private static final Pattern GRAMMAR = grammar();

    @Test
    void parserWithAFixedSeedGivesASignatureOrInvalidSignatureAndAgreesWithTheGrammar() {
        fuzz(FIXED_SEED);
    }

    @Test
    void parserWithARandomSeedGivesASignatureOrInvalidSignatureAndAgreesWithTheGrammar() {
        fuzz(Long.getLong("fastffi.fuzz.seed", System.nanoTime()));
    }

    private static void fuzz(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int valid = 0;
        for (int i = 0; i < INPUTS_PER_SEED; i++) {
            switch (i % 3) {
                case 0 -> {
                    Built built = buildValid(random);
                    assertEquals(built.signature(), check(built.text(), seed), () -> replay(seed, built.text()));
                    valid++;
                }
                case 1 -> valid += check(mutate(buildValid(random).text(), random), seed) != null ? 1 : 0;
                default -> valid += check(randomText(random), seed) != null ? 1 : 0;
            }
        }
        int validCount = valid;
        assertTrue(validCount >= INPUTS_PER_SEED / 3 && validCount < INPUTS_PER_SEED,
                () -> "the fuzzer should make valid and invalid inputs, made " + validCount + " valid; " + replay(seed, ""));
    }

    /** Checks every property for one input; returns the parsed signature or null when it is invalid. */
    private static Signature check(String text, long seed) {
        ParseResult result;
        try {
            result = Signature.tryParse(text);
        } catch (RuntimeException | Error e) {
            throw new AssertionError("tryParse threw; " + replay(seed, text), e);
        }
        if (braceDepth(text) <= GRAMMAR_DEPTH) {
            boolean grammatical = GRAMMAR.matcher(text).matches();
            assertEquals(grammatical, result.isValid(), () -> "the grammar and the parser disagree"
                    + (result.isValid() ? "" : " (" + result.error().describe() + ")") + "; " + replay(seed, text));
        }
        return result.isValid() ? checkValid(text, result.signature(), seed) : checkInvalid(text, result.error(), seed);
    }

    /** How deeply '{' nests in {@code text}, counting every unmatched one. */
    private static int braceDepth(String text) {
        int depth = 0;
        int deepest = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '{' ? 1 : c == '}' && depth > 0 ? -1 : 0;
            deepest = Math.max(deepest, depth);
        }
        return deepest;
    }

    private static Signature checkValid(String text, Signature signature, long seed) {
        assertNotNull(signature, () -> replay(seed, text));
        String printed = signature.toString();
        Signature reparsed = Signature.parse(printed);
        assertEquals(signature, reparsed, () -> "parse(print(parse(s))) differs; " + replay(seed, text));
        assertEquals(printed, reparsed.toString(), () -> "printing is not stable; " + replay(seed, text));
        assertEquals(signature, Signature.parse(text), () -> "parse and tryParse differ; " + replay(seed, text));
        return signature;
    }

    private static Signature checkInvalid(String text, SignatureError error, long seed) {
        assertNotNull(error, () -> replay(seed, text));
        assertTrue(error.column() >= 1 && error.column() <= text.length() + 1,
                () -> "column " + error.column() + " is outside 1.." + (text.length() + 1) + "; " + replay(seed, text));
        assertTrue(error.message().contains(" at column " + error.column()), () -> replay(seed, text));
        try {
            Signature.parse(text);
            fail("parse accepted what tryParse rejected; " + replay(seed, text));
        } catch (SignatureException e) {
            assertEquals(error, e.error(), () -> replay(seed, text));
            assertEquals(error.message(), e.getMessage(), () -> replay(seed, text));
        } catch (RuntimeException | Error e) {
            throw new AssertionError("parse threw something else than SignatureException; " + replay(seed, text), e);
        }
        return null;
    }

    /** A valid signature and the text written for it. */
    private record Built(Signature signature, String text) {}

    private static Built buildValid(SplittableRandom random) {
        List<StructType> structs = new ArrayList<>();
        String returnName = typeText(pick(RETURN_NAMES, random), random, structs);
        List<String> names = new ArrayList<>();
        for (int n = random.nextInt(9); n > 0; n--) {
            names.add(typeText(pick(ARGUMENT_NAMES, random), random, structs));
        }
        boolean variadic = random.nextInt(5) == 0;
        StringBuilder text = new StringBuilder(space(random)).append(returnName).append(space(random)).append('(');
        List<String> arguments = new ArrayList<>(names);
        if (variadic) {
            arguments.add("...");
        }
        for (int i = 0; i < arguments.size(); i++) {
            text.append(space(random)).append(i > 0 ? "," + space(random) : "").append(arguments.get(i));
        }
        text.append(space(random)).append(')').append(space(random));
        List<NativeType> parameters = names.stream().map(SignatureFuzzTest::typeOf).toList();
        return new Built(new Signature(typeOf(returnName), parameters, variadic, structs), text.toString());
    }

    /** The name, or one time in eight an inline struct in its place, whose model is added to {@code structs}. */
    private static String typeText(String name, SplittableRandom random, List<StructType> structs) {
        if (random.nextInt(8) != 0) {
            return name;
        }
        StringBuilder text = new StringBuilder();
        structs.add(struct(random, text, 0));
        return text.toString();
    }

    private static StructType struct(SplittableRandom random, StringBuilder text, int depth) {
        List<String> scalars = List.of("bool", "i8", "u8", "i16", "u16", "i32", "u32", "i64", "u64", "isize", "usize",
                "f32", "f64", "pointer", "function");
        List<FieldType> fields = new ArrayList<>();
        text.append('{');
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            text.append(space(random)).append(fields.isEmpty() ? "" : "," + space(random));
            int kind = random.nextInt(depth < 2 ? 4 : 3);
            String scalar = pick(scalars, random);
            if (kind == 3) {
                fields.add(struct(random, text, depth + 1));
            } else if (kind == 2 && NativeType.byName(scalar).orElseThrow().kind() != NativeType.Kind.POINTER
                    && NativeType.byName(scalar).orElseThrow().kind() != NativeType.Kind.FUNCTION
                    && NativeType.byName(scalar).orElseThrow().kind() != NativeType.Kind.BOOL) {
                int length = 1 + random.nextInt(16);
                text.append('[').append(space(random)).append(length).append(space(random)).append(']')
                        .append(space(random)).append(scalar);
                fields.add(new FieldType.Array(length, NativeType.byName(scalar).orElseThrow()));
            } else {
                text.append(scalar);
                fields.add(new FieldType.Scalar(NativeType.byName(scalar).orElseThrow()));
            }
        }
        text.append(space(random)).append('}');
        return new StructType(fields);
    }

    private static NativeType typeOf(String text) {
        return text.startsWith("{") ? NativeType.STRUCT : NativeType.byName(text).orElseThrow();
    }

    /** One to four edits: delete, insert, replace, duplicate, swap, truncate, change case, insert a token. */
    private static String mutate(String text, SplittableRandom random) {
        StringBuilder s = new StringBuilder(text);
        for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
            int at = s.isEmpty() ? 0 : random.nextInt(s.length());
            switch (random.nextInt(8)) {
                case 0 -> { if (!s.isEmpty()) s.deleteCharAt(at); }
                case 1 -> s.insert(at, randomChar(random));
                case 2 -> { if (!s.isEmpty()) s.replace(at, at + 1, randomChar(random)); }
                case 3 -> s.insert(at, s.substring(at, Math.min(s.length(), at + 1 + random.nextInt(6))));
                case 4 -> { if (at + 1 < s.length()) s.replace(at, at + 2, "" + s.charAt(at + 1) + s.charAt(at)); }
                case 5 -> s.setLength(at);
                case 6 -> { if (!s.isEmpty()) s.setCharAt(at, Character.toUpperCase(s.charAt(at))); }
                default -> s.insert(at, pick(List.of("...", ",", "(", ")", "void", "buffer", "i32", "str", "{i32}",
                        "[4]i8", pick(NOT_SPACES, random)), random));
            }
        }
        return s.toString();
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(31); n > 0; n--) {
            s.append(random.nextInt(4) == 0 ? pick(ARGUMENT_NAMES, random) : randomChar(random));
        }
        return s.toString();
    }

    private static String randomChar(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> String.valueOf(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
            case 1 -> String.valueOf((char) ('0' + random.nextInt(75)));
            case 2 -> pick(ODD, random);
            default -> String.valueOf((char) random.nextInt(0x10000));
        };
    }

    private static String space(SplittableRandom random) {
        return pick(SPACES, random);
    }

    private static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }

    private static String replay(long seed, String text) {
        String shown = text.codePoints().mapToObj(c -> c >= 0x20 && c < 0x7f ? Character.toString(c)
                : String.format("\\u{%x}", c)).collect(Collectors.joining());
        return "seed " + seed + " (replay with -Dfastffi.fuzz.seed=" + seed + "), input \"" + shown + "\"";
    }

    /**
     * The signature grammar as one regular expression, written apart from the parser: whitespace
     * is what Character.isWhitespace accepts, and a type name may not run on into a name character.
     */
    private static Pattern grammar() {
        String space = "\\p{javaWhitespace}*";
        String end = "(?![\\p{javaLetterOrDigit}_])";
        // a struct by value or, with '*', a pointer to it
        String struct = struct(space, end) + "(?:" + space + "\\*)?";
        String ret = "(?:(?:" + String.join("|", RETURN_NAMES) + ")" + end + "|" + struct + ")";
        String arg = "(?:(?:" + String.join("|", ARGUMENT_NAMES) + ")" + end + "|" + struct + ")";
        String ellipsis = "\\.\\.\\.";
        String arguments = "(?:\\)|" + ellipsis + space + "\\)|" + arg + space + "(?:," + space + arg + space + ")*(?:,"
                + space + ellipsis + space + ")?\\))";
        return Pattern.compile(space + ret + space + "\\(" + space + arguments + space);
    }

    /**
     * Inline structs nested up to {@link #GRAMMAR_DEPTH} deep, deeper than built structs (three);
     * mutations can nest deeper, and such inputs are not compared with the grammar: scalar fields, arrays
     * {@code [n]T} of 1 to 9 ASCII digits with n at least 1 and T an integer or float, and structs.
     */
    private static String struct(String space, String end) {
        String numbers = "(?:i8|u8|i16|u16|i32|u32|i64|u64|isize|usize|f32|f64)" + end;
        String scalar = "(?:bool|pointer|function|" + numbers.substring(3, numbers.length() - end.length() - 1) + ")" + end;
        String array = "\\[" + space + "(?=[0-9]{1,9}(?![0-9]))0*[1-9][0-9]*" + space + "\\]" + space + numbers;
        String field = "(?:" + scalar + "|" + array + ")";
        String struct = "";
        for (int depth = 0; depth < GRAMMAR_DEPTH; depth++) {
            struct = "\\{" + space + field + space + "(?:," + space + field + space + ")*\\}";
            field = "(?:" + scalar + "|" + array + "|" + struct + ")";
        }
        return struct;
    }
}
