package dev.fastffi.importer;

/** A problem with the importer's input (options, headers, the C compiler) reported to the user as one line. */
public final class ImporterException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImporterException(String message) {
        super(message);
    }
}
