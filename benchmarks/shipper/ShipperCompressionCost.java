import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.utils.ByteBufferOutputStream;

/**
 * CPU per journal frame for Kafka's lz4 and zstd (Kafka's own Compression, its default levels), on a
 * 256 KiB batch (the shipper's batch.size) of frames shaped like the journal's (48-byte header,
 * answer, signal and raw-event strings). A single-file program outside the Maven build, run as
 * BENCHMARKS.md, "The shipper: compression", shows. Thread CPU time, second of two rounds.
 */
public class ShipperCompressionCost {
    public static void main(String[] a) throws Exception {
        ByteBuffer batch = ByteBuffer.allocate(256 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        java.util.Random r = new java.util.Random(1);
        int frames = 0;
        String[][] strings = {{"q-hard-to-decide", "yes"}, {"back-and-forth", "stuck_compare", "shown", "q-hard-to-decide"}, {"{\"t\":\"page\",\"url\":\"/pricing\",\"nav\":\"back\",\"seq\":17}"}};
        while (batch.remaining() > 400) {
            String[] s = strings[r.nextInt(3)];
            int start = batch.position();
            batch.putInt(0).putShort((short) (1 + r.nextInt(8))).putShort((short) 0);
            batch.putLong(1_700_000_000_000L + frames * 3L).putLong(0x1234_5678_9abcL).putLong(r.nextInt(2000)).putLong(7).putLong(r.nextInt(100)).putInt(frames).putShort((short) 1).putShort((short) s.length);
            for (String x : s) { byte[] b = x.getBytes(); batch.putShort((short) b.length).put(b); }
            batch.putInt(r.nextInt());
            batch.putInt(start, batch.position() - start);
            frames++;
        }
        byte[] input = java.util.Arrays.copyOf(batch.array(), batch.position());
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (Compression c : new Compression[] {Compression.lz4().build(), Compression.zstd().build()}) {
            int out = 0;
            for (int round = 0; round < 2; round++) {
                long cpu0 = bean.getCurrentThreadCpuTime();
                int iterations = 400;
                for (int i = 0; i < iterations; i++) {
                    ByteBufferOutputStream buffer = new ByteBufferOutputStream(input.length);
                    try (OutputStream os = c.wrapForOutput(buffer, (byte) 2)) { os.write(input); }
                    out = buffer.position();
                }
                long cpu = bean.getCurrentThreadCpuTime() - cpu0;
                if (round == 1) System.out.printf("%s: %d frames, %d -> %d bytes (ratio %.2f), %.0f ns CPU per frame%n", c.type(), frames, input.length, out, (double) input.length / out, (double) cpu / iterations / frames);
            }
        }
    }
}
