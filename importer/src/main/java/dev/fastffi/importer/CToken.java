package dev.fastffi.importer;

/** One token of preprocessed C, with the file and line it came from (from the line markers). */
record CToken(Kind kind, String text, String file, int line) {
    /** What a token is; keywords are identifiers, told apart by the parser. */
    enum Kind { IDENTIFIER, NUMBER, STRING, CHARACTER, PUNCT, PRAGMA, END }

    boolean is(String value) {
        return text.equals(value) && kind != Kind.STRING && kind != Kind.CHARACTER;
    }

    boolean isIdentifier() {
        return kind == Kind.IDENTIFIER;
    }

    @Override
    public String toString() {
        return text;
    }
}
