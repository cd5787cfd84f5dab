package dev.pulse.server.e2e.proxy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.pulse.server.e2e.proxy.RoutedVisit.Welcome;
import dev.pulse.server.net.ClientAddressSource;
import dev.pulse.server.tools.ExternalTool;
import dev.pulse.server.webhook.WebhookSigner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sticky routing through a real balancer running the shipped cluster file unmodified but for the
 * nodes' addresses ({@code deploy/nginx/pulse-cluster.conf}, {@code deploy/haproxy/pulse-cluster.cfg})
 * in front of three real Pulse nodes, seen from the outside (which node served is in each welcome,
 * {@link ClusterNodes}): every reconnect with the same routing key lands on the same node and resumes
 * its session; many keys spread over all three nodes; with one node stopped only its keys move and its
 * visitors are served by the others (and stay where they moved); with it back only its own keys return.
 */
@Timeout(300)
class ClusterRoutingEndToEndTest
{
    private static final int KEYS = 240;
    /** The node stopped and brought back. */
    private static final int LOST = 2;
    /** Each node's least share of the keys: a third, less a wide margin for the ring's unevenness. */
    private static final int LEAST_PER_NODE = KEYS / 8;

    @TempDir
    Path dir;

    @Test
    void shouldKeepEveryVisitorOnOneNodeThroughNginxAndMoveOnlyTheLostNodesKeys() throws Exception
    {
        final Path binary = ExternalTool.require("nginx", "/usr/sbin/nginx");
        try (ClusterNodes nodes = new ClusterNodes(dir.resolve("nodes"), ClientAddressSource.FORWARDED);
             Nginx nginx = Nginx.cluster(binary, dir.resolve("nginx"), nodes.ports()))
        {
            // nginx notices a node is back when it tries it again, fail_timeout (10 s) after it failed.
            scenario(nodes, nginx.address(), () -> { }, () -> { });
        }
    }

    /**
     * A site's backend posts each event with the session's routing key ({@code ?route=}, docs/protocol.md
     * "Backend events"): nginx hashes it as it hashed the session's socket, so every event reaches the node
     * that holds its session (taken, 202 kept: the visit closed its socket) and none is answered 404 by a
     * node that does not know the session, as two in three would be without the key.
     */
    @Test
    void shouldTakeEveryBackendEventToTheNodeOfItsSessionThroughNginx() throws Exception
    {
        final Path binary = ExternalTool.require("nginx", "/usr/sbin/nginx");
        try (ClusterNodes nodes = new ClusterNodes(dir.resolve("nodes"), ClientAddressSource.FORWARDED);
             Nginx nginx = Nginx.cluster(binary, dir.resolve("nginx"), nodes.ports()))
        {
            final HttpClient http = HttpClient.newHttpClient();
            final Map<String, Long> byNode = new TreeMap<>();
            for (int i = 0; i < 30; i++)
            {
                final String key = "backend-visitor-" + i;
                final Welcome welcome = RoutedVisit.visit(nginx.address(), key, null);
                byNode.merge(welcome.node(), 1L, Long::sum);
                final byte[] body = ("{\"sid\":\"" + welcome.sid() + "\",\"name\":\"order_failed\"}").getBytes(StandardCharsets.UTF_8);
                final HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://" + nginx.address().getHostString() + ":"
                        + nginx.address().getPort() + "/v1/sites/test/events?route=" + key))
                    .header("Pulse-Key", ClusterNodes.INGEST_KEY_ID)
                    .header("Pulse-Signature", new WebhookSigner(ClusterNodes.INGEST_SECRET.getBytes(StandardCharsets.UTF_8))
                        .header(System.currentTimeMillis() / 1000, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("%s's event, its session on %s: %s", key, welcome.node(), answer.body()).isEqualTo(202);
            }
            assertThat(byNode).as("sessions on every node").hasSize(ClusterNodes.COUNT);
        }
    }

    @Test
    void shouldKeepEveryVisitorOnOneNodeThroughHaProxyAndMoveOnlyTheLostNodesKeys() throws Exception
    {
        final Path binary = ExternalTool.require("haproxy", "/usr/sbin/haproxy");
        try (ClusterNodes nodes = new ClusterNodes(dir.resolve("nodes"), ClientAddressSource.PROXY_PROTOCOL);
             HaProxy haproxy = HaProxy.cluster(binary, dir.resolve("haproxy"), nodes.ports()))
        {
            for (int node = 1; node <= ClusterNodes.COUNT; node++)
            {
                awaitHealth(haproxy, node, "UP");
            }
            // HAProxy takes a node off the ring once its checks fail, and back once they pass.
            scenario(nodes, haproxy.address(), () -> awaitHealth(haproxy, LOST, "DOWN"), () -> awaitHealth(haproxy, LOST, "UP"));
        }
    }

    /** Something to wait for between the steps. */
    @FunctionalInterface
    private interface Step
    {
        void run() throws Exception;
    }

    private static void scenario(final ClusterNodes nodes, final InetSocketAddress balancer, final Step afterStop, final Step afterStart)
        throws Exception
    {
        final String lost = ClusterNodes.name(LOST);
        final Map<String, Welcome> home = new LinkedHashMap<>();
        long startNs = System.nanoTime();
        for (int i = 0; i < KEYS; i++)
        {
            final String key = "visitor-" + i;
            final Welcome first = RoutedVisit.visit(balancer, key, null);
            assertThat(first.resumed()).as(key).isFalse();
            home.put(key, first);
        }
        // (a) Every reconnect with the same key reaches the same node: its session resumes there.
        for (int round = 0; round < 2; round++)
        {
            for (final Map.Entry<String, Welcome> visitor : home.entrySet())
            {
                final Welcome again = RoutedVisit.visit(balancer, visitor.getKey(), visitor.getValue().sid());
                assertThat(again).as("reconnect %d of %s", round + 1, visitor.getKey())
                    .isEqualTo(new Welcome(visitor.getValue().sid(), true, visitor.getValue().node()));
            }
        }
        // (b) Many keys spread over all three nodes.
        final Map<String, Long> spread = new TreeMap<>(home.values().stream().collect(Collectors.groupingBy(Welcome::node, Collectors.counting())));
        System.out.printf("%d keys over three nodes: %s; %d visits in %d ms%n", KEYS, spread, 3 * KEYS, (System.nanoTime() - startNs) / 1_000_000);
        assertThat(spread).containsOnlyKeys(ClusterNodes.name(1), ClusterNodes.name(2), ClusterNodes.name(3));
        assertThat(spread.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(LEAST_PER_NODE));

        // (c) One node stopped: its keys move, every other key stays, and its visitors are served (new
        // sessions: without the carry their state stayed behind) where they then stay.
        nodes.stop(LOST);
        afterStop.run();
        startNs = System.nanoTime();
        final Map<String, Welcome> moved = new LinkedHashMap<>();
        for (final Map.Entry<String, Welcome> visitor : home.entrySet())
        {
            final Welcome before = visitor.getValue();
            final Welcome now = RoutedVisit.visit(balancer, visitor.getKey(), before.sid());
            if (before.node().equals(lost))
            {
                assertThat(now.node()).as("%s of the stopped node", visitor.getKey()).isNotEqualTo(lost);
                moved.put(visitor.getKey(), now);
            }
            else
            {
                assertThat(now).as("%s of a node still up", visitor.getKey()).isEqualTo(new Welcome(before.sid(), true, before.node()));
            }
        }
        for (final Map.Entry<String, Welcome> visitor : moved.entrySet())
        {
            assertThat(RoutedVisit.visit(balancer, visitor.getKey(), visitor.getValue().sid())).as("%s after its move", visitor.getKey())
                .isEqualTo(new Welcome(visitor.getValue().sid(), true, visitor.getValue().node()));
        }
        System.out.printf("%s stopped: its %d keys moved (%s), the other %d stayed; %d visits in %d ms%n", lost, moved.size(),
            moved.values().stream().collect(Collectors.groupingBy(Welcome::node, TreeMap::new, Collectors.counting())),
            KEYS - moved.size(), KEYS + moved.size(), (System.nanoTime() - startNs) / 1_000_000);
        assertThat(moved).hasSize(spread.get(lost).intValue());

        // (d) The node back: only its own keys return to it, every other key stays where it was.
        nodes.start(LOST);
        afterStart.run();
        startNs = System.nanoTime();
        final String probe = moved.keySet().iterator().next();
        awaitNode(balancer, probe, lost);
        System.out.printf("%s back: its keys reached it again after %d ms%n", lost, (System.nanoTime() - startNs) / 1_000_000);
        for (final Map.Entry<String, Welcome> visitor : home.entrySet())
        {
            final Welcome before = visitor.getValue();
            final Welcome now = RoutedVisit.visit(balancer, visitor.getKey(), before.sid());
            if (before.node().equals(lost))
            {
                assertThat(now.node()).as("%s of the returning node", visitor.getKey()).isEqualTo(lost);
            }
            else
            {
                assertThat(now).as("%s of a node that stayed up", visitor.getKey()).isEqualTo(new Welcome(before.sid(), true, before.node()));
            }
        }
    }

    /** Visits with {@code key} until {@code node} serves it (a balancer retries a failed node after a while); fails after 60 s. */
    private static void awaitNode(final InetSocketAddress balancer, final String key, final String node) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String served = RoutedVisit.visit(balancer, key, null).node();
        while (!served.equals(node) && System.nanoTime() < deadline)
        {
            Thread.sleep(250);
            served = RoutedVisit.visit(balancer, key, null).node();
        }
        assertThat(served).as("the node serving %s", key).isEqualTo(node);
    }

    private static void awaitHealth(final HaProxy haproxy, final int node, final String status) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String health = haproxy.health("pulse-cluster", ClusterNodes.name(node));
        while (!health.startsWith(status + " ") && System.nanoTime() < deadline)
        {
            Thread.sleep(200);
            health = haproxy.health("pulse-cluster", ClusterNodes.name(node));
        }
        assertThat(health).as("pulse-cluster/%s in HAProxy's stats; its output:%n%s", ClusterNodes.name(node), haproxy.output())
            .startsWith(status + " ");
    }
}
