package dev.fastffi.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What to import and how, from the command line or built in code. */
public final class ImporterOptions {
    static final String USAGE = """
            usage: fastffi-importer [options] header.h...
              -o, --output DIR          source root to write the Java files into (required)
              -p, --package NAME        package of the generated types (default: the unnamed package)
              -l, --library NAME        a @NativeLibrary candidate, repeatable (default: the header's name)
              -n, --name NAME           the interface's name when one header is imported (default: from the file name)
              -s, --strip-prefix TEXT   remove TEXT from the start of function names (sqlite3_open -> open)
              -g, --group PREFIX=NAME   functions starting with PREFIX go to interface NAME, with PREFIX
                                        stripped from their Java names, and constants starting with
                                        PREFIX in any case; repeatable
              -i, --include REGEX       bind only functions and constants whose C name matches, repeatable
              -x, --exclude REGEX       leave out functions and constants whose C name matches, repeatable
                  --optional REGEX      mark matching functions optional = true: binding succeeds when the
                                        library lacks them, calling one throws SYMBOL_NOT_FOUND
              -I DIR, -D NAME[=VALUE]   passed to the C preprocessor
                  --cc COMMAND          the C compiler to preprocess with (default: gcc)
              -h, --help                this text
            """;

    final List<Path> headers = new ArrayList<>();
    final List<String> libraries = new ArrayList<>();
    final List<Pattern> includes = new ArrayList<>();
    final List<Pattern> excludes = new ArrayList<>();
    final List<Pattern> optionals = new ArrayList<>();
    final List<Group> groups = new ArrayList<>();

    /** {@code --group PREFIX=Name}: the functions whose C name starts with the prefix, in an interface of their own. */
    record Group(String prefix, String name) {}
    final List<String> compilerFlags = new ArrayList<>();
    Path output;
    String packageName = "";
    String interfaceName;
    String stripPrefix = "";
    String compiler = "gcc";

    /** Reads command-line arguments; a wrong one is an {@link ImporterException} naming it. */
    public static ImporterOptions parse(List<String> args) throws ImporterException {
        ImporterOptions options = new ImporterOptions();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("-I") && arg.length() > 2 || arg.startsWith("-D") && arg.length() > 2) {
                options.compilerFlags.add(arg);
                continue;
            }
            switch (arg) {
                case "-o", "--output" -> options.output = Path.of(value(args, ++i, arg));
                case "-p", "--package" -> options.packageName = packageName(value(args, ++i, arg));
                case "-l", "--library" -> options.libraries.add(value(args, ++i, arg));
                case "-n", "--name" -> options.interfaceName = javaName(value(args, ++i, arg));
                case "-s", "--strip-prefix" -> options.stripPrefix = value(args, ++i, arg);
                case "-i", "--include" -> options.includes.add(regex(value(args, ++i, arg)));
                case "-x", "--exclude" -> options.excludes.add(regex(value(args, ++i, arg)));
                case "--optional" -> options.optionals.add(regex(value(args, ++i, arg)));
                case "-g", "--group" -> options.groups.add(group(value(args, ++i, arg)));
                case "-I", "-D" -> options.compilerFlags.add(arg + value(args, ++i, arg));
                case "--cc" -> options.compiler = value(args, ++i, arg);
                default -> {
                    if (arg.startsWith("-")) {
                        throw new ImporterException("unknown option '" + arg + "'\n" + USAGE);
                    }
                    options.headers.add(Path.of(arg));
                }
            }
        }
        options.check();
        return options;
    }

    private void check() throws ImporterException {
        if (headers.isEmpty()) {
            throw new ImporterException("no header given\n" + USAGE);
        }
        if (output == null) {
            throw new ImporterException("no output directory given (-o DIR)\n" + USAGE);
        }
        if (interfaceName != null && headers.size() > 1) {
            throw new ImporterException("--name names one interface, but " + headers.size()
                    + " headers were given; each header gets its own interface named after the file");
        }
    }

    private static String value(List<String> args, int index, String option) throws ImporterException {
        if (index >= args.size()) {
            throw new ImporterException("option '" + option + "' needs a value");
        }
        return args.get(index);
    }

    private static Group group(String text) throws ImporterException {
        int equals = text.indexOf('=');
        if (equals < 1) {
            throw new ImporterException("--group takes PREFIX=InterfaceName, not '" + text + "'");
        }
        return new Group(text.substring(0, equals), javaName(text.substring(equals + 1)));
    }

    private static Pattern regex(String text) throws ImporterException {
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new ImporterException("'" + text + "' is not a regular expression: " + e.getDescription());
        }
    }

    private static String packageName(String text) throws ImporterException {
        for (String part : text.split("\\.", -1)) {
            try {
                javaName(part);
            } catch (ImporterException e) {
                throw new ImporterException("'" + text + "' is not a package name: " + e.getMessage());
            }
        }
        return text;
    }

    private static String javaName(String text) throws ImporterException {
        if (text.isEmpty() || !Character.isJavaIdentifierStart(text.charAt(0))
                || !text.chars().allMatch(Character::isJavaIdentifierPart) || !Naming.escape(text).equals(text)) {
            throw new ImporterException("'" + text + "' is not a Java identifier");
        }
        return text;
    }

    boolean isOptional(String cName) {
        return optionals.stream().anyMatch(p -> p.matcher(cName).matches());
    }

    boolean selects(String cName) {
        return (includes.isEmpty() || includes.stream().anyMatch(p -> p.matcher(cName).matches()))
                && excludes.stream().noneMatch(p -> p.matcher(cName).matches());
    }
}
