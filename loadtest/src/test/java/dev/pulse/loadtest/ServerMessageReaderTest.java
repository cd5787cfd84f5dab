package dev.pulse.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** One loop's reader: frames split in place, each text frame scanned into the one reused message. */
class ServerMessageReaderTest
{
    @Test
    void shouldReadEachTextFrameOfAReadIntoTheReusedMessage()
    {
        final ServerMessageReader reader = new ServerMessageReader();
        final ByteBuf in = Unpooled.buffer();
        textFrame(in, "{\"t\":\"ack\",\"seq\":7}");
        textFrame(in, "{\"t\":\"response\",\"iid\":\"q1\"}");

        assertThat(reader.frames().next(in)).isEqualTo(ServerFrameReader.Result.FRAME);
        final ServerMessage ack = reader.text(in);
        assertThat(ack.type).isEqualTo(ServerMessage.Type.ACK);
        assertThat(ack.seq).isEqualTo(7);

        assertThat(reader.frames().next(in)).isEqualTo(ServerFrameReader.Result.FRAME);
        final ServerMessage response = reader.text(in);
        assertThat(response).isSameAs(ack);
        assertThat(response.type).isEqualTo(ServerMessage.Type.RESPONSE);
        assertThat(response.hasSeq).isFalse();
        assertThat(reader.frames().next(in)).isEqualTo(ServerFrameReader.Result.INCOMPLETE);
        in.release();
    }

    /** An unmasked, final text frame as the server writes it (payloads under 126 bytes). */
    private static void textFrame(final ByteBuf out, final String json)
    {
        final byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        out.writeByte(0x80 | ServerFrameReader.OPCODE_TEXT);
        out.writeByte(payload.length);
        out.writeBytes(payload);
    }
}
