package dev.pulse.server.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntUnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for tests: the JDK's HTTP server on 127.0.0.1, answering each request with the
 * status its {@link #behaviour} gives the request's number (from 1), or stalling {@link #STALL} (no
 * answer for {@link #stallMs}). It keeps every request; the ones it answered 2xx are the delivered.
 * It can stop (connections refused) and start again on the same port.
 */
public final class WebhookReceiver implements AutoCloseable
{
    /** A behaviour's answer for "answer late". */
    public static final int STALL = -1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived. */
    public record Request(int number, int status, String signature, String id, String event, byte[] body)
    {
        public JsonNode json()
        {
            try
            {
                return JSON.readTree(body);
            }
            catch (final IOException ex)
            {
                throw new AssertionError("not JSON: " + new String(body), ex);
            }
        }
    }

    private final int port;
    private final AtomicInteger count = new AtomicInteger();
    private final List<Request> requests = new ArrayList<>();
    private volatile IntUnaryOperator behaviour = number -> 200;
    private volatile long stallMs = 2_000;
    private HttpServer server;
    private ExecutorService executor;

    private WebhookReceiver(final int port)
    {
        this.port = port;
    }

    /** A receiver on a free port, not started (its URL refuses connections until {@link #start()}). */
    public static WebhookReceiver onFreePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return new WebhookReceiver(socket.getLocalPort());
        }
    }

    public WebhookReceiver behaviour(final IntUnaryOperator statusByRequest)
    {
        this.behaviour = statusByRequest;
        return this;
    }

    public WebhookReceiver stallMs(final long stallMs)
    {
        this.stallMs = stallMs;
        return this;
    }

    public URI url()
    {
        return URI.create("http://127.0.0.1:" + port + "/hooks/pulse");
    }

    public synchronized WebhookReceiver start() throws IOException
    {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    /** Stops listening: connections are refused until started again. */
    public synchronized void stop()
    {
        if (server != null)
        {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    public synchronized List<Request> requests()
    {
        return new ArrayList<>(requests);
    }

    /** The requests answered 2xx, in the order they came. */
    public synchronized List<Request> delivered()
    {
        return requests.stream().filter(request -> request.status() >= 200 && request.status() < 300).toList();
    }

    private void handle(final HttpExchange exchange) throws IOException
    {
        final byte[] body = exchange.getRequestBody().readAllBytes();
        final int number = count.incrementAndGet();
        final int status = behaviour.applyAsInt(number);
        final Request request = new Request(number, status, exchange.getRequestHeaders().getFirst("Pulse-Signature"),
            exchange.getRequestHeaders().getFirst("Pulse-Id"), exchange.getRequestHeaders().getFirst("Pulse-Event"), body);
        if (status == STALL)
        {
            try
            {
                Thread.sleep(stallMs);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this)
        {
            requests.add(request);
        }
        exchange.sendResponseHeaders(status == STALL ? 200 : status, -1);
        exchange.close();
    }

    @Override
    public void close()
    {
        stop();
    }

    /** Waits, for up to a generous 60 s, until {@code condition} holds. */
    public static void await(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("waited 60 s for " + what);
            }
            Thread.sleep(20);
        }
    }
}
