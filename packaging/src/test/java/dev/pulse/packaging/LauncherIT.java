package dev.pulse.packaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /usr/bin/pulse, the package's launcher, builds the java command line: which java, JAVA_OPTS as
 * separate flags, the installed jar, and every argument passed on unchanged. A stand-in java that
 * prints its arguments shows the exact command (PackageInstallIT runs the real one, installed).
 */
class LauncherIT
{
    @TempDir
    Path dir;

    private Path launcher;
    private Path javaHome;

    @BeforeEach
    void unpack() throws Exception
    {
        launcher = BuiltPackage.extract(dir.resolve("package")).resolve("usr/bin/pulse");
        javaHome = dir.resolve("jdk");
        Files.createDirectories(javaHome.resolve("bin"));
        final Path java = javaHome.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho \"$0\"\nfor a in \"$@\"; do echo \"[$a]\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void shouldRunTheInstalledJarWithJavaOptsAsFlagsAndTheArgumentsUnchanged()
    {
        // A file name pattern in dir must stay a pattern: JAVA_OPTS is split, never globbed.
        final Command run = Command.run(Map.of("JAVA_HOME", javaHome.toString(), "JAVA_OPTS", "-XX:+UseZGC  -Xmx512m -Dglob=" + dir + "/*"),
            List.of(launcher.toString(), "report", "--out", "a file with spaces.html", "*"));

        assertThat(run.exitStatus()).isZero();
        assertThat(run.output().lines()).containsExactly(
            javaHome.resolve("bin/java").toString(),
            "[-XX:+UseZGC]", "[-Xmx512m]", "[-Dglob=" + dir + "/*]",
            "[-jar]", "[/usr/share/pulse/pulse.jar]",
            "[report]", "[--out]", "[a file with spaces.html]", "[*]");
    }

    @Test
    void shouldTakeJavaFromThePathWithoutJavaHomeOrFlags()
    {
        final Command run = Command.run(Map.of("PATH", javaHome.resolve("bin") + ":/usr/bin:/bin", "JAVA_HOME", "", "JAVA_OPTS", ""),
            List.of(launcher.toString(), "--version"));

        assertThat(run.exitStatus()).isZero();
        assertThat(run.output().lines()).containsExactly(
            javaHome.resolve("bin/java").toString(), "[-jar]", "[/usr/share/pulse/pulse.jar]", "[--version]");
    }
}
