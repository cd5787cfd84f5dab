package dev.pulse.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import dev.pulse.server.testing.ChildJvm;
import dev.pulse.server.tools.ExternalTool;

/**
 * A copy-on-write view of this machine's own root to install a package into without changing the
 * machine: an overlay whose lower layer is {@code /} and whose upper layer is a scratch directory,
 * mounted in a mount namespace of its own that a holder process keeps alive. Commands run inside with
 * {@code nsenter} and {@code chroot}; everything they write (a user, /usr/bin/pulse, dpkg's database)
 * lands in the upper layer. When the holder ends, the namespace and every mount in it go with it, so
 * nothing is left mounted even if the test JVM dies. Needs root (mount namespaces and overlayfs).
 */
final class ThrowawayRoot implements AutoCloseable
{
    /** What systemd gives a system service, and what dpkg's maintainer scripts expect. */
    static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static final Pattern READY = Pattern.compile("^ready$");
    private static final String MOUNT = String.join("\n",
        "set -e",
        "mount -t overlay overlay -o lowerdir=/,upperdir=\"$2\",workdir=\"$3\" \"$1\"",
        "for d in proc sys dev; do mount --rbind /$d \"$1/$d\"; done",
        // An empty /run, as on a machine just booted: no systemd running, no sockets of the host's.
        "mount -t tmpfs -o mode=0755 tmpfs \"$1/run\"",
        "echo ready",
        "exec sleep infinity");

    private final Path root;
    private final Process holder;

    private ThrowawayRoot(final Path root, final Process holder)
    {
        this.root = root;
        this.holder = holder;
    }

    /** Mounts one under {@code scratch} (which must be empty). */
    static ThrowawayRoot create(final Path scratch) throws Exception
    {
        if (!"0".equals(Command.succeed("id", "-u").trim()))
        {
            throw new AssertionError("installing the package into a throwaway root needs root (mount namespaces, overlayfs); " +
                "run as root, or leave PULSE_PACKAGE_INSTALL_TEST unset");
        }
        final Path unshare = ExternalTool.require("util-linux", "/usr/bin/unshare");
        final Path root = Files.createDirectories(scratch.resolve("root"));
        final Path upper = Files.createDirectories(scratch.resolve("upper"));
        final Path work = Files.createDirectories(scratch.resolve("work"));
        final Process holder = new ProcessBuilder(unshare.toString(), "--mount", "--propagation", "private", "sh", "-c", MOUNT, "sh",
            root.toString(), upper.toString(), work.toString()).redirectErrorStream(true).start();
        try
        {
            ChildJvm.awaitLine(holder, READY, new StringBuffer(), "could not mount the throwaway root");
        }
        catch (final Exception | AssertionError ex)
        {
            holder.destroyForcibly().waitFor();
            throw ex;
        }
        return new ThrowawayRoot(root, holder);
    }

    /** Runs {@code command} inside, as root, with a clean environment and stdin from /dev/null. */
    Command run(final String... command)
    {
        final List<String> line = new ArrayList<>(enter());
        line.addAll(List.of("chroot", root.toString(), "env", "-i", "PATH=" + PATH, "LANG=C.UTF-8", "DEBIAN_FRONTEND=noninteractive"));
        line.addAll(List.of(command));
        return Command.run(Map.of(), line);
    }

    /** {@code nsenter} into the holder's mount namespace: what a command inside starts with. */
    List<String> enter()
    {
        return List.of("nsenter", "--target", String.valueOf(holder.pid()), "--mount", "--");
    }

    /** Where the root is mounted, as seen inside the namespace. */
    Path mountPoint()
    {
        return root;
    }

    /** A path inside the root, for the test to read with java.nio (through the holder's view, /proc/PID/root). */
    Path file(final String absolutePath)
    {
        return Path.of("/proc", String.valueOf(holder.pid()), "root").resolve(root.toString().substring(1)).resolve(absolutePath.substring(1));
    }

    /** Writes an executable script at {@code absolutePath} inside the root. */
    void writeScript(final String absolutePath, final String text) throws IOException
    {
        final Path file = file(absolutePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        file.toFile().setExecutable(true, false);
    }

    /** Ends the holder: with it the namespace and its mounts go (the scratch directory stays, for its owner to delete). */
    @Override
    public void close()
    {
        holder.destroy();
        try
        {
            if (!holder.waitFor(30, TimeUnit.SECONDS))
            {
                holder.destroyForcibly().waitFor();
            }
        }
        catch (final InterruptedException ex)
        {
            holder.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
