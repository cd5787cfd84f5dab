package dev.pulse.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;

/** The upgrade request a virtual user sends: the URL's query plus {@code route=} its key, the rest as the kill loop sends it. */
class UpgradeRequestTest
{
    private static String withKey(final String url, final String key)
    {
        final ByteBuf request = new UpgradeRequest(LoopbackUrl.parse(url), "http://localhost")
            .withRouteKey(UnpooledByteBufAllocator.DEFAULT, key.getBytes(StandardCharsets.US_ASCII));
        try
        {
            return request.toString(StandardCharsets.US_ASCII);
        }
        finally
        {
            request.release();
        }
    }

    @Test
    void appendsTheRouteKeyToTheQueryAndKeepsTheRestOfTheRequest()
    {
        final String url = "ws://127.0.0.1:8080/ws?site=loadtest";
        final String plain = new String(new UpgradeRequest(LoopbackUrl.parse(url), "http://localhost").bytes(), StandardCharsets.US_ASCII);

        assertThat(withKey(url, "0123456789abcdef0123456789abcdef"))
            .isEqualTo(plain.replace("GET /ws?site=loadtest ", "GET /ws?site=loadtest&route=0123456789abcdef0123456789abcdef "));
        assertThat(withKey("ws://127.0.0.1:8080/ws", "k")).startsWith("GET /ws?route=k HTTP/1.1\r\n");
    }

    @Test
    void mintsKeysOf128RandomBitsAsHex()
    {
        final Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1_000; i++)
        {
            keys.add(new String(UpgradeRequest.newRouteKey(), StandardCharsets.US_ASCII));
        }
        assertThat(keys).hasSize(1_000).allMatch(key -> key.matches("[0-9a-f]{32}"));
    }
}
