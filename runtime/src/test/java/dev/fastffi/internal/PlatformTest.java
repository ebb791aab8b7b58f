package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The {@code {platform}} names, for the values the JDKs report in {@code os.name} and {@code os.arch}. */
class PlatformTest {
    @Test
    void theFiveSupportedPlatformsHaveTheirNames() {
        assertEquals("linux-x86-64", Platform.of("Linux", "amd64"));
        assertEquals("linux-aarch64", Platform.of("Linux", "aarch64"));
        assertEquals("darwin-x86-64", Platform.of("Mac OS X", "x86_64"));
        assertEquals("darwin-aarch64", Platform.of("Mac OS X", "aarch64"));
        assertEquals("win32-x86-64", Platform.of("Windows 11", "amd64"));
    }

    @Test
    void otherSystemsKeepTheirOwnNameInLowerCaseWithoutSpaces() {
        assertEquals("freebsd-riscv64", Platform.of("FreeBSD", "riscv64"));
        assertEquals("sunos-sparcv9", Platform.of("SunOS", "sparcv9"));
        assertEquals("win32-aarch64", Platform.of("Windows Server 2022", "arm64"));
    }

    @Test
    void thisJvmsPlatformIsTheLinuxX8664OfThisMachine() {
        assertEquals("linux-x86-64", Platform.current());
    }

    @Test
    void classpathCandidateExpandsThePlatformAndTakesTheNameAsAbsolute() {
        assertEquals("native/linux-aarch64/libz.so",
                ClasspathLibraries.resourceName("classpath:native/{platform}/libz.so", "linux-aarch64"));
        assertEquals("native/win32-x86-64/z.dll",
                ClasspathLibraries.resourceName("classpath:/native/{platform}/z.dll", "win32-x86-64"));
        assertEquals("classpath:lib/linux-x86-64/libz.so", ClasspathLibraries.shown("classpath:/lib/{platform}/libz.so"));
    }
}
