package dev.pulse.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker for tests: one KRaft node (broker and controller in one process) in a
 * child JVM started from the test class path ({@code kafka_2.13}), on loopback ports of its own,
 * with its data in a directory the test owns. It can be stopped, killed and started again on the
 * same port and data (Kafka down, Kafka back), and it halts by itself when the test's JVM goes.
 */
public final class KafkaBroker implements AutoCloseable
{
    private static final long READY_TIMEOUT_MS = 90_000;

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBroker(final Path dir, final int port, final int controllerPort)
    {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats a new broker's storage under {@code dir} and starts it; returns once it answers. */
    public static KafkaBroker start(final Path dir) throws Exception
    {
        final KafkaBroker broker = new KafkaBroker(dir, RestartablePort.pick(), RestartablePort.pick());
        broker.format();
        broker.startAgain();
        return broker;
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrap()
    {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker again after {@link #stop} or {@link #kill}, on the same port and data; returns once it answers. */
    public void startAgain() throws Exception
    {
        if (process != null && process.isAlive())
        {
            throw new IllegalStateException("the broker is running");
        }
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), KafkaBrokerMain.class.getName(), properties().toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile())).start();
        awaitReady();
    }

    /** Stops the broker as an operator would (SIGTERM, a controlled shutdown), keeping its data. */
    public void stop() throws InterruptedException
    {
        if (process != null)
        {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS))
            {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Kills the broker with SIGKILL, keeping its data. */
    public void kill() throws InterruptedException
    {
        if (process != null)
        {
            process.destroyForcibly().waitFor();
        }
    }

    /** An admin client of this broker; the caller closes it. */
    public Admin admin()
    {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
    }

    /** Creates {@code topic} with {@code partitions} partitions (one replica: there is one broker). */
    public void createTopic(final String topic, final int partitions) throws Exception
    {
        try (Admin admin = admin())
        {
            admin.createTopics(Set.of(new NewTopic(topic, partitions, (short)1))).all().get(60, TimeUnit.SECONDS);
        }
    }

    /** Kills the broker (its data stays in the test's directory). */
    @Override
    public void close()
    {
        try
        {
            kill();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void format() throws Exception
    {
        Files.createDirectories(dir);
        final List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
            "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "kafka.tools.StorageTool", "format",
            "-t", Uuid.randomUuid().toString(), "-c", properties().toString());
        final Process format = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("format.log").toFile())).start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0)
        {
            format.destroyForcibly();
            throw new IOException("kafka storage format failed:\n" + Files.readString(dir.resolve("format.log")));
        }
    }

    private Path properties() throws IOException
    {
        final Path file = dir.resolve("server.properties");
        if (Files.exists(file))
        {
            return file;
        }
        final Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("log.dirs", dir.resolve("data").toString());
        properties.put("num.partitions", "3");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "3");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("auto.create.topics.enable", "true");
        try (var out = Files.newBufferedWriter(file))
        {
            properties.store(out, "a test broker (KafkaBroker)");
        }
        return file;
    }

    private void awaitReady() throws Exception
    {
        final long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        Exception last = null;
        while (System.currentTimeMillis() < deadline)
        {
            if (!process.isAlive())
            {
                throw new IOException("the broker exited with " + process.exitValue() + ":\n" + tail());
            }
            try (Admin admin = admin())
            {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty())
                {
                    return;
                }
            }
            catch (final Exception ex)
            {
                last = ex;
            }
            Thread.sleep(200);
        }
        kill();
        throw new IOException("the broker did not answer within " + READY_TIMEOUT_MS + " ms:\n" + tail(), last);
    }

    private String tail() throws IOException
    {
        final List<String> lines = Files.readAllLines(dir.resolve("broker.log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
