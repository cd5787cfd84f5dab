package dev.pulse.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code scripts/cluster.sh} driven from Java, on one work directory: start, kill and restart a
 * node, status, stop; the ports the script picked (its {@code ports} file) and where each node
 * keeps its data. Every run of the script appends its output to {@code script.log} beside the
 * work directory. {@link #close} stops the cluster, so a test that fails leaves nothing running.
 */
public final class ClusterScript implements AutoCloseable
{
    /** The nodes the script starts, by {@code node_id}. */
    public static final List<String> NODES = List.of("node-1", "node-2", "node-3");
    private static final long SCRIPT_TIMEOUT_S = 300;

    private final Path root;
    private final Path work;
    private final Path log;

    /**
     * @param root the repository's root (the script, the binaries, the deploy files).
     * @param work the cluster's work directory.
     */
    public ClusterScript(final Path root, final Path work)
    {
        this.root = root;
        this.work = work;
        this.log = work.resolveSibling(work.getFileName() + "-script.log");
    }

    /** Starts Kafka, the nodes (on {@code catalog}, or the demo when null) and nginx on {@code port}; fails with the script's output. */
    public void start(final int port, final Path catalog) throws IOException, InterruptedException
    {
        final List<String> args = new ArrayList<>(List.of("start", "--port", Integer.toString(port)));
        if (catalog != null)
        {
            args.addAll(List.of("--catalog", catalog.toString()));
        }
        require(args);
    }

    /** SIGKILL to {@code node}. */
    public void kill(final String node) throws IOException, InterruptedException
    {
        require(List.of("kill", node));
    }

    /** Starts {@code node} again on its data directory and port. */
    public void restart(final String node) throws IOException, InterruptedException
    {
        require(List.of("restart", node));
    }

    /** The script's status: 0 everything running, 3 something is not. */
    public int status() throws IOException, InterruptedException
    {
        return run(List.of("status"));
    }

    /** Stops everything; returns the script's exit status. */
    public int stop() throws IOException, InterruptedException
    {
        return run(List.of("stop"));
    }

    /** A port from the script's {@code ports} file: {@code kafka}, {@code node-1}..., {@code balancer}. */
    public int port(final String name) throws IOException
    {
        for (final String line : Files.readAllLines(work.resolve("ports")))
        {
            if (line.startsWith(name + "="))
            {
                return Integer.parseInt(line.substring(name.length() + 1).trim());
            }
        }
        throw new IOException("no port for " + name + " in " + work.resolve("ports"));
    }

    /** Kafka's bootstrap servers. */
    public String bootstrap() throws IOException
    {
        return "127.0.0.1:" + port("kafka");
    }

    /** {@code node}'s data directory. */
    public Path dataDir(final String node)
    {
        return work.resolve(node).resolve("data");
    }

    public Path work()
    {
        return work;
    }

    /** What the script printed, every run so far. */
    public String output() throws IOException
    {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private void require(final List<String> args) throws IOException, InterruptedException
    {
        final int status = run(args);
        if (status != 0)
        {
            throw new IOException("scripts/cluster.sh " + String.join(" ", args) + " exited with " + status + ":\n" + output());
        }
    }

    private int run(final List<String> args) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(root.resolve("scripts/cluster.sh").toString());
        command.addAll(args);
        command.addAll(List.of("--work", work.toString()));
        Files.createDirectories(work);
        final Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(SCRIPT_TIMEOUT_S, TimeUnit.SECONDS))
        {
            process.destroyForcibly().waitFor();
            throw new IOException("scripts/cluster.sh " + String.join(" ", args) + " did not finish within " + SCRIPT_TIMEOUT_S + " s");
        }
        return process.exitValue();
    }

    /** Stops the cluster, whatever state it is in. */
    @Override
    public void close() throws IOException
    {
        if (Files.exists(work.resolve("ports")))
        {
            try
            {
                stop();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the cluster stopped", ex);
            }
        }
    }
}
