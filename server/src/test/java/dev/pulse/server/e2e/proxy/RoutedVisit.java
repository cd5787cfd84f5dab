package dev.pulse.server.e2e.proxy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One visit through a balancer, as a reconnecting visitor makes it: a WebSocket to
 * {@code /ws?site=test&route=KEY}, a hello resuming {@code sid} (none for a first visit), the
 * welcome, a normal close. The welcome tells the session and which node served it
 * ({@link ClusterNodes}: the node's marker in {@code keep_query}).
 */
final class RoutedVisit implements WebSocket.Listener
{
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_S = 20;

    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<String> firstMessage = new CompletableFuture<>();

    /** What a welcome said: the session, whether it was resumed, and the node that served it. */
    record Welcome(String sid, boolean resumed, String node)
    {
    }

    private RoutedVisit()
    {
    }

    /** @param sid the session to resume; null for a first visit. */
    static Welcome visit(final InetSocketAddress balancer, final String route, final String sid) throws Exception
    {
        final RoutedVisit visit = new RoutedVisit();
        final URI uri = URI.create("ws://127.0.0.1:" + balancer.getPort() + "/ws?site=test&route=" + route);
        final WebSocket socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(WAIT_S)).header("Origin", "http://localhost")
            .buildAsync(uri, visit).get(WAIT_S, TimeUnit.SECONDS);
        try
        {
            final ObjectNode hello = JSON.createObjectNode().put("t", "hello").put("v", 1).put("url", "/");
            if (sid != null)
            {
                hello.put("sid", sid);
            }
            socket.sendText(hello.toString(), true).get(WAIT_S, TimeUnit.SECONDS);
            final JsonNode welcome = JSON.readTree(visit.firstMessage.get(WAIT_S, TimeUnit.SECONDS));
            if (!"welcome".equals(welcome.path("t").asText()))
            {
                throw new AssertionError("not a welcome: " + welcome);
            }
            final JsonNode keep = welcome.path("keep_query");
            return new Welcome(welcome.get("sid").asText(), welcome.get("resumed").asBoolean(), keep.size() == 1 ? keep.get(0).asText() : keep.toString());
        }
        finally
        {
            // A normal close, so the node counts it as one; then the socket goes whatever happened.
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(failed -> null).get(WAIT_S, TimeUnit.SECONDS);
            socket.abort();
        }
    }

    @Override
    public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
    {
        partial.append(data);
        if (last)
        {
            firstMessage.complete(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void onError(final WebSocket webSocket, final Throwable error)
    {
        firstMessage.completeExceptionally(error);
    }
}
