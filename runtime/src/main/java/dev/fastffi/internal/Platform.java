package dev.fastffi.internal;

import java.util.Locale;

/**
 * The name {@code {platform}} expands to in a {@code classpath:} library candidate: operating
 * system and architecture as {@code linux-x86-64}, {@code linux-aarch64}, {@code darwin-x86-64},
 * {@code darwin-aarch64} or {@code win32-x86-64}, the names JNA's resource layout made common.
 */
final class Platform {
    /** The placeholder a {@code classpath:} candidate may contain. */
    static final String PLACEHOLDER = "{platform}";

    private static final String CURRENT = of(System.getProperty("os.name"), System.getProperty("os.arch"));

    private Platform() {}

    /** This JVM's platform name. */
    static String current() {
        return CURRENT;
    }

    /**
     * The platform name for the values of {@code os.name} and {@code os.arch}; a system or
     * architecture outside the five above keeps its own name, lower case without spaces
     * ({@code freebsd-riscv64}), so its resources can still be laid out by hand.
     */
    static String of(String osName, String osArch) {
        return os(osName) + "-" + arch(osArch);
    }

    private static String os(String osName) {
        String name = osName == null ? "unknown" : osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("linux")) {
            return "linux";
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return "darwin";
        }
        if (name.startsWith("windows")) {
            return "win32";
        }
        return name.replace(" ", "");
    }

    private static String arch(String osArch) {
        String arch = osArch == null ? "unknown" : osArch.toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64", "x86-64" -> "x86-64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch.replace(" ", "");
        };
    }
}
