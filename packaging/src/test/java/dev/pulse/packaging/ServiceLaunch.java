package dev.pulse.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line that starts pulse.service the way its unit says, where no systemd runs as PID 1:
 * inside a throwaway root, in a mount namespace of its own that applies the unit's file-system
 * sandbox, then {@code prlimit}, {@code setpriv} and {@code env -i} for its limits, user and
 * environment, and at last its ExecStart, which {@code exec}s the JVM (so the process started is
 * the server's). Emulated: User, Group, Environment, WorkingDirectory, UMask, LimitNOFILE (up to
 * what this machine allows, {@link #openFiles}),
 * NoNewPrivileges, CapabilityBoundingSet=, ProtectSystem=strict with ReadWritePaths, PrivateTmp,
 * ProtectHome. Not emulated: the seccomp and kernel protections, which need systemd itself
 * (systemd-analyze checks their syntax). A unit asking for something else fails the test here,
 * so the emulation cannot drift from the unit unnoticed.
 */
final class ServiceLaunch
{
    private static final String SANDBOX = String.join("\n",
        "set -e",
        "root=\"$1\"; shift",
        // ReadWritePaths: writable mounts of their own, made before the rest goes read-only.
        "for path in $READ_WRITE_PATHS; do mount --bind \"$root$path\" \"$root$path\"; done",
        // PrivateTmp, ProtectHome: empty directories of the service's own.
        "mount -t tmpfs -o mode=1777 tmpfs \"$root/tmp\"",
        "mount -t tmpfs -o mode=1777 tmpfs \"$root/var/tmp\"",
        "for path in /home /root; do mount -t tmpfs -o mode=0755 tmpfs \"$root$path\"; done",
        // ProtectSystem=strict: everything else read-only.
        "mount -o remount,bind,ro \"$root\"",
        "umask \"$UMASK\"",
        "exec chroot \"$root\" \"$@\"");

    private ServiceLaunch()
    {
    }

    /**
     * The command that starts the unit's service inside {@code root}, as {@code home}'s owner, with
     * {@code overrides} added to its environment (as a drop-in's Environment= would).
     */
    static List<String> command(final ServiceUnit unit, final ThrowawayRoot root, final String home, final Map<String, String> overrides)
    {
        require(unit, "Service.ProtectSystem", "strict");
        require(unit, "Service.PrivateTmp", "yes");
        require(unit, "Service.ProtectHome", "yes");
        require(unit, "Service.NoNewPrivileges", "yes");
        require(unit, "Service.CapabilityBoundingSet", "");
        final String readWritePaths = String.join(" ", unit.values("Service.ReadWritePaths"));

        final List<String> command = new ArrayList<>(root.enter());
        command.addAll(List.of("unshare", "--mount", "--propagation", "private", "--",
            "env", "READ_WRITE_PATHS=" + readWritePaths, "UMASK=" + unit.value("Service.UMask"),
            "sh", "-c", SANDBOX, "sh", root.mountPoint().toString()));
        final long files = openFiles(unit);
        command.addAll(List.of("prlimit", "--nofile=" + files + ":" + files));
        command.addAll(List.of("setpriv", "--reuid=" + unit.value("Service.User"), "--regid=" + unit.value("Service.Group"),
            "--init-groups", "--no-new-privs", "--inh-caps=-all", "--bounding-set=-all"));
        command.addAll(List.of("env", "-i", "--chdir=" + unit.value("Service.WorkingDirectory")));
        for (final Map.Entry<String, String> variable : environment(unit, home, overrides).entrySet())
        {
            command.add(variable.getKey() + "=" + variable.getValue());
        }
        command.addAll(unit.execStart());
        return command;
    }

    /**
     * The unit's LimitNOFILE, or this machine's ceiling where that is lower: a container may cap what
     * even root can raise (this one allows 20,000), where systemd on a host grants the unit's value.
     */
    static long openFiles(final ServiceUnit unit)
    {
        final long asked = Long.parseLong(unit.value("Service.LimitNOFILE"));
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/self/limits")))
            {
                if (line.startsWith("Max open files"))
                {
                    final String hard = line.substring("Max open files".length()).trim().split("\\s+")[1];
                    return "unlimited".equals(hard) ? asked : Math.min(asked, Long.parseLong(hard));
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        throw new AssertionError("/proc/self/limits names no open-file limit");
    }

    /** What systemd puts in a system service's environment for User=, then the unit's, then the overrides. */
    private static Map<String, String> environment(final ServiceUnit unit, final String home, final Map<String, String> overrides)
    {
        final Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", ThrowawayRoot.PATH);
        environment.put("HOME", home);
        environment.put("USER", unit.value("Service.User"));
        environment.put("LOGNAME", unit.value("Service.User"));
        environment.put("SHELL", "/usr/sbin/nologin");
        environment.putAll(unit.environment());
        environment.putAll(overrides);
        return environment;
    }

    private static void require(final ServiceUnit unit, final String key, final String value)
    {
        if (!value.equals(unit.value(key)))
        {
            throw new AssertionError(key + "=" + unit.value(key) + " in the unit, but this test emulates only " + key + "=" + value);
        }
    }
}
