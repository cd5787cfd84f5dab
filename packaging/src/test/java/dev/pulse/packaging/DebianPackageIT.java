package dev.pulse.packaging;

import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.tools.ExternalTool;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built .deb, as dpkg sees it: its control fields, every file with its owner and mode, the
 * conffile, the maintainer scripts, and that what it ships is what the repository holds.
 */
class DebianPackageIT
{
    @TempDir
    Path dir;

    @Test
    void shouldDeclareItselfAndTheJavaItNeeds()
    {
        assertThat(BuiltPackage.field("Package")).isEqualTo("pulse");
        // The jar runs anywhere Java does; the native transport inside it is picked at run time.
        assertThat(BuiltPackage.field("Architecture")).isEqualTo("all");
        // 0.1.0-SNAPSHOT is packed as 0.1.0~<UTC build time>: older than the release, newer than the last build.
        assertThat(BuiltPackage.field("Version")).matches("\\d+\\.\\d+\\.\\d+(~\\d{14})?");
        // Chronicle Map compiles code at start: Debian's JRE holds the compiler module (jdk.compiler)
        // in its runtime image, another vendor's JRE may not, so any other Java must be a JDK.
        assertThat(BuiltPackage.field("Depends")).isEqualTo("adduser, procps, openjdk-17-jre-headless | java17-sdk-headless");
        assertThat(BuiltPackage.field("Maintainer")).matches(".+ <.+@.+>");
    }

    @Test
    void shouldNeedNoJdkWhereDebiansJreHoldsTheCompilerModule() throws Exception
    {
        // The runtime image of the Java running this test, and the Debian package that installed it.
        final Path image = Path.of(System.getProperty("java.home"), "lib", "modules").toRealPath();
        final Path dpkgQuery = ExternalTool.require("dpkg", "/usr/bin/dpkg-query");
        final Command owner = Command.run(dpkgQuery.toString(), "--search", image.toString());
        Assumptions.assumeTrue(owner.exitStatus() == 0 && owner.output().startsWith("openjdk-17-"),
            "this Java is not Debian's OpenJDK 17: " + owner.output());

        // Chronicle Map compiles with jdk.compiler at start; Debian ships it in the JRE's image.
        assertThat(owner.output()).startsWith("openjdk-17-jre-headless:");
        assertThat(ModuleFinder.ofSystem().find("jdk.compiler")).isPresent();
    }

    @Test
    void shouldNotStartOnAJavaWithoutTheCompilerModule()
    {
        final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        final Path jar = BuiltPackage.extract(dir.resolve("package")).resolve("usr/share/pulse/pulse.jar");

        // A runtime image without jdk.compiler, as a JRE of another vendor may be.
        final Command serve = Command.run(java.toString(), "--limit-modules", "java.se,jdk.unsupported,jdk.management,jdk.zipfs",
            "-jar", jar.toString(), "serve", "--port", "0", "--bind", "127.0.0.1", "--data", dir.resolve("data").toString());

        assertThat(serve.exitStatus()).as(serve.output()).isNotZero();
        assertThat(serve.output()).contains("ClassNotFoundException: com.sun.tools.javac.api.JavacTool");
    }

    @Test
    void shouldShipTheLauncherTheJarTheUnitAndTheSettingsOwnedByRoot()
    {
        final Map<String, String> files = new TreeMap<>();
        for (final BuiltPackage.Entry entry : BuiltPackage.contents())
        {
            assertThat(entry.owner()).as(entry.path()).isEqualTo("root/root");
            if (!entry.path().endsWith("/"))
            {
                files.put(entry.path(), entry.mode());
            }
            else
            {
                assertThat(entry.mode()).as(entry.path()).isEqualTo("drwxr-xr-x");
            }
        }

        // /var/lib/pulse is not in it: postinst makes it for the user it creates (PackageInstallIT).
        assertThat(files).isEqualTo(Map.of(
            "/usr/bin/pulse", "-rwxr-xr-x",
            "/usr/share/pulse/pulse.jar", "-rw-r--r--",
            "/usr/lib/systemd/system/pulse.service", "-rw-r--r--",
            "/etc/pulse/pulse.yaml", "-rw-r--r--"));
    }

    @Test
    void shouldKeepTheSettingsAsAConffile() throws Exception
    {
        final Path unpacked = BuiltPackage.extract(dir);

        assertThat(Files.readString(unpacked.resolve("DEBIAN/conffiles"))).isEqualTo("/etc/pulse/pulse.yaml\n");
    }

    @Test
    void shouldShipExactlyWhatTheRepositoryAndTheServerBuildHold() throws Exception
    {
        final Path unpacked = BuiltPackage.extract(dir);
        final Path repository = BuiltPackage.REPOSITORY;

        assertSameBytes(unpacked.resolve("usr/bin/pulse"), repository.resolve("deploy/debian/pulse"));
        assertSameBytes(unpacked.resolve("usr/lib/systemd/system/pulse.service"), repository.resolve("deploy/systemd/pulse.service"));
        assertSameBytes(unpacked.resolve("etc/pulse/pulse.yaml"), repository.resolve("deploy/debian/pulse.yaml"));
        assertSameBytes(unpacked.resolve("usr/share/pulse/pulse.jar"), repository.resolve("server/target/pulse.jar"));
        for (final String script : new String[] {"postinst", "prerm", "postrm"})
        {
            assertSameBytes(unpacked.resolve("DEBIAN").resolve(script), repository.resolve("deploy/debian/control").resolve(script));
        }
    }

    @Test
    void shouldHaveMaintainerScriptsThatAreExecutableShellScripts() throws Exception
    {
        final Path unpacked = BuiltPackage.extract(dir);
        final Path sh = ExternalTool.require("dash", "/bin/sh");

        for (final String script : new String[] {"postinst", "prerm", "postrm"})
        {
            final Path file = unpacked.resolve("DEBIAN").resolve(script);
            assertThat(Files.isExecutable(file)).as(script + " executable").isTrue();
            assertThat(Files.readString(file)).as(script).startsWith("#!/bin/sh\n").contains("\nset -e\n");
            // Parsed by the shell dpkg runs it with, without running it.
            Command.succeed(sh.toString(), "-n", file.toString());
        }
        Command.succeed(sh.toString(), "-n", unpacked.resolve("usr/bin/pulse").toString());
    }

    private static void assertSameBytes(final Path shipped, final Path source) throws Exception
    {
        assertThat(Files.readAllBytes(shipped)).as(shipped + " is " + source).isEqualTo(Files.readAllBytes(source));
    }
}
