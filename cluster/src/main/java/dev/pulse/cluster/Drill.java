package dev.pulse.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The drill (issue 18, item 7): {@code scripts/cluster.sh} starts Kafka, three nodes on the load
 * generator's catalog and nginx; the generator puts bounded load through the balancer; the node
 * holding the most connections is killed with -9 mid-run and started again a few seconds later;
 * when the load has ended, every promise is checked:
 * <ol>
 *   <li>every visitor of the dead node served again within {@link #SERVED_AGAIN_MS} (the
 *   generator's reconnect gap, per lost connection: its maximum), none left unserved;</li>
 *   <li>no session asked the same question twice or beyond the cap ({@link QuestionCheck}, over
 *   the merged journals);</li>
 *   <li>every record of every journal in Kafka exactly once by record id, once the restarted
 *   node's shipper has caught up ({@link ShippedCheck});</li>
 *   <li>{@code pulse report} over the three data directories and over Kafka equal to the report
 *   over the merged journals ({@link ReportCheck}).</li>
 * </ol>
 * The cluster is stopped at the end, whatever happened.
 */
final class Drill
{
    /** The promise: a visitor of a dead node is served again by another within this. */
    static final long SERVED_AGAIN_MS = 10_000;
    static final String TOPIC = "pulse-journal";
    /** loadtest-catalog.yaml's {@code max_per_session}. */
    static final int SESSION_CAP = 8;
    /** How long the journals and the topic may take to agree once the load has ended. */
    private static final long SETTLE_MS = 120_000;
    /** How many times the check reads the journals again when they grew while it compared. */
    private static final int SETTLE_ROUNDS = 5;

    /**
     * @param root        the repository (scripts, binaries, catalogs).
     * @param work        the drill's directory (the cluster's, the generator's and the reports' files).
     * @param visitors    concurrent visitors.
     * @param rate        events per second, all visitors together.
     * @param loadSeconds how long the load runs.
     * @param killAfterS  seconds into the load when the node is killed.
     * @param downSeconds how long it stays dead.
     * @param checkKafka  whether the nodes ship to Kafka (the Kafka check and the Kafka report run).
     * @param clusterReport whether {@code pulse report} reads several data directories (that way runs).
     */
    record Settings(Path root, Path work, int visitors, int rate, long loadSeconds, long killAfterS, long downSeconds,
        boolean checkKafka, boolean clusterReport)
    {
    }

    /** What a drill found. */
    record Outcome(String victim, long victimConnections, int generatorStatus, LoadFigures load, QuestionCheck questions,
        ShippedCheck.Comparison shipped, List<ReportCheck.Outcome> reports)
    {
        boolean servedAgain()
        {
            return load.servedAgain() > 0 && load.neverBack() == 0 && load.gapMaxMs() <= SERVED_AGAIN_MS;
        }

        boolean ok()
        {
            return servedAgain() && questions.ok() && (shipped == null || shipped.ok())
                && reports.stream().allMatch(report -> report.status() == 0 && report.equal());
        }
    }

    private final Settings settings;
    private final PrintStream out;

    Drill(final Settings settings, final PrintStream out)
    {
        this.settings = settings;
        this.out = out;
    }

    Outcome run() throws IOException, InterruptedException
    {
        try (ClusterScript cluster = new ClusterScript(settings.root(), settings.work().resolve("cluster")))
        {
            final int port = freePort();
            out.printf("drill: starting the cluster (Kafka, %s, nginx on %d)%n", ClusterScript.NODES, port);
            cluster.start(port, settings.root().resolve("loadtest/loadtest-catalog.yaml"));
            final LoadFigures load;
            final int generatorStatus;
            final String victim;
            final long victimConnections;
            out.printf("drill: %d visitors, %d events/s for %d s through nginx%n", settings.visitors(), settings.rate(), settings.loadSeconds());
            try (LoadRun run = new LoadRun(settings.root().resolve("loadtest/target/pulse-loadtest.jar"), settings.work().resolve("load"),
                port, settings.visitors(), settings.rate(), settings.loadSeconds()))
            {
                TimeUnit.SECONDS.sleep(settings.killAfterS());
                victim = busiestNode(cluster);
                victimConnections = connectionsOpen(cluster.port(victim));
                cluster.kill(victim);
                out.printf("drill: killed %s (kill -9) holding %d connections; down for %d s%n", victim, victimConnections, settings.downSeconds());
                TimeUnit.SECONDS.sleep(settings.downSeconds());
                cluster.restart(victim);
                out.printf("drill: %s started again%n", victim);
                generatorStatus = run.await(settings.loadSeconds() + 180);
                load = run.figures();
            }
            out.printf("drill: load ended (generator exit %d): %d events, %d questions; %d reconnects (%d resumed); " +
                "%d lost connections served again, gap p50 %d ms, p99 %d ms, max %d ms; %d visitors never served again%n", generatorStatus,
                load.eventsSent(), load.questions(), load.reconnects(), load.resumed(), load.servedAgain(), load.gapP50Ms(), load.gapP99Ms(),
                load.gapMaxMs(), load.neverBack());
            return check(cluster, victim, victimConnections, generatorStatus, load);
        }
    }

    /** Reads the journals until they hold still while the topic and the reports are held against them. */
    private Outcome check(final ClusterScript cluster, final String victim, final long victimConnections, final int generatorStatus,
        final LoadFigures load) throws IOException, InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MS);
        try (ShippedCheck shipped = settings.checkKafka() ? new ShippedCheck(cluster.bootstrap(), TOPIC) : null)
        {
            for (int round = 1; ; round++)
            {
                final List<JournalEntry> entries = readAll(cluster);
                final ShippedCheck.Comparison comparison = shipped == null ? null : awaitShipped(shipped, entries, deadlineNs);
                final QuestionCheck questions = new QuestionCheck(SESSION_CAP);
                entries.forEach(questions::add);
                final List<ReportCheck.Outcome> reports = new ReportCheck(settings.root().resolve("server/target/pulse.jar"),
                    settings.work().resolve("reports-" + round)).run(entries, ClusterScript.NODES.stream().map(cluster::dataDir).toList(),
                    reportWays(cluster));
                final Outcome outcome = new Outcome(victim, victimConnections, generatorStatus, load, questions, comparison, reports);
                if (readAll(cluster).size() == entries.size() || round == SETTLE_ROUNDS)
                {
                    return outcome;
                }
                out.printf("drill: the journals grew while they were checked; again (round %d)%n", round + 1);
            }
        }
    }

    private ShippedCheck.Comparison awaitShipped(final ShippedCheck shipped, final List<JournalEntry> entries, final long deadlineNs)
        throws InterruptedException
    {
        final Set<String> ids = new HashSet<>();
        entries.forEach(entry -> ids.add(entry.id().toString()));
        while (true)
        {
            shipped.catchUp();
            final ShippedCheck.Comparison comparison = shipped.compare(ids);
            if (comparison.missing() == 0 || System.nanoTime() > deadlineNs)
            {
                return comparison;
            }
            TimeUnit.SECONDS.sleep(1);
        }
    }

    private List<ReportCheck.Way> reportWays(final ClusterScript cluster) throws IOException
    {
        final List<ReportCheck.Way> ways = new ArrayList<>();
        if (settings.clusterReport())
        {
            final List<String> dirs = new ArrayList<>();
            // The topic carries the journal only: the catalog versions (each version's outcome windows) come from the nodes.
            final List<String> topic = new ArrayList<>(List.of("--kafka", cluster.bootstrap(), "--topic", TOPIC));
            for (final String node : ClusterScript.NODES)
            {
                dirs.addAll(List.of("--data", cluster.dataDir(node).toString()));
                topic.addAll(List.of("--catalogs", cluster.dataDir(node).resolve("catalogs").toString()));
            }
            ways.add(new ReportCheck.Way("three data directories", dirs));
            if (settings.checkKafka())
            {
                ways.add(new ReportCheck.Way("kafka", topic));
            }
        }
        return ways;
    }

    private static List<JournalEntry> readAll(final ClusterScript cluster) throws IOException
    {
        final List<JournalEntry> entries = new ArrayList<>();
        for (final String node : ClusterScript.NODES)
        {
            entries.addAll(NodeJournal.read(node, cluster.dataDir(node)));
        }
        return entries;
    }

    /** The node with the most WebSocket connections open now: the kill must hit visitors. */
    private static String busiestNode(final ClusterScript cluster) throws IOException, InterruptedException
    {
        String busiest = ClusterScript.NODES.get(1);
        long most = -1;
        for (final String node : ClusterScript.NODES)
        {
            final long open = connectionsOpen(cluster.port(node));
            if (open > most)
            {
                most = open;
                busiest = node;
            }
        }
        return busiest;
    }

    /** {@code pulse_connections_open} from a node's {@code /metrics}. */
    static long connectionsOpen(final int port) throws IOException, InterruptedException
    {
        final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        final String body = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
        for (final String line : body.split("\n"))
        {
            if (line.startsWith("pulse_connections_open "))
            {
                return (long)Double.parseDouble(line.substring("pulse_connections_open ".length()).trim());
            }
        }
        throw new IOException("no pulse_connections_open on 127.0.0.1:" + port + "/metrics");
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }
}
