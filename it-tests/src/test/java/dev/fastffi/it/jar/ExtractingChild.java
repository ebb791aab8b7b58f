package dev.fastffi.it.jar;

import dev.fastffi.FfiException;
import dev.fastffi.Library;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Run in a JVM of its own by {@link ClasspathLibraryProcessTest}: opens the fixture from the jar
 * named by the first argument through the context class loader, into the cache its
 * {@code -Dfastffi.library.cache} names, and prints one line, {@code sum 5} or the error's code and
 * message. With {@code --wait} it first prints {@code ready} and waits for a line on its input,
 * so that several of these extract at the same moment.
 */
final class ExtractingChild {
    private ExtractingChild() {}

    public static void main(String[] args) throws IOException {
        if (args.length > 1 && args[1].equals("--wait")) {
            System.out.println("ready");
            System.out.flush();
            System.in.read();
        }
        try (URLClassLoader loader = FixtureJar.plainLoader(Path.of(args[0]))) {
            Thread.currentThread().setContextClassLoader(loader);
            try (Library library = Library.open(FixtureJar.CANDIDATE)) {
                System.out.println("sum " + library.function("add_i32", "i32(i32, i32)").invoke(2, 3));
            }
        } catch (FfiException e) {
            System.out.println(e.code() + " " + e.getMessage());
        }
    }
}
