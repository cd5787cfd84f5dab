package dev.pulse.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded {@code pulse.jar} (run after the package phase, by failsafe) carries Netty's native
 * epoll library for both Linux architectures a server runs on, each built for its machine: an ELF
 * shared object whose {@code e_machine} is x86-64 (62) and AArch64 (183). Netty picks the one for
 * the JVM's {@code os.arch} at start; without it, it falls back to NIO (NativeTransport logs why).
 */
class ShadedJarNativeLibrariesIT
{
    private static final Path JAR = Path.of("target", "pulse.jar");
    private static final String NATIVE = "META-INF/native/libnetty_transport_native_epoll_";
    private static final int EM_X86_64 = 62;
    private static final int EM_AARCH64 = 183;
    private static final int E_MACHINE_OFFSET = 18;

    @Test
    void shouldCarryTheEpollLibraryOfX8664AndOfAarch64() throws IOException
    {
        assertThat(JAR).as("the shaded jar the package phase built").exists();
        try (ZipFile jar = new ZipFile(JAR.toFile()))
        {
            assertThat(elfMachine(jar, NATIVE + "x86_64.so")).as("x86_64 library's ELF machine").isEqualTo(EM_X86_64);
            assertThat(elfMachine(jar, NATIVE + "aarch_64.so")).as("aarch_64 library's ELF machine").isEqualTo(EM_AARCH64);
        }
    }

    /** The {@code e_machine} field of the ELF header of {@code name} in {@code jar}. */
    private static int elfMachine(final ZipFile jar, final String name) throws IOException
    {
        final ZipEntry entry = jar.getEntry(name);
        assertThat(entry).as(name + " in " + JAR).isNotNull();
        try (InputStream in = jar.getInputStream(entry))
        {
            final byte[] header = in.readNBytes(E_MACHINE_OFFSET + 2);
            assertThat(header).as(name + " is an ELF file").startsWith(0x7f, 'E', 'L', 'F');
            // Byte 5 is the data encoding: 1 little-endian (both architectures here), 2 big-endian.
            final ByteOrder order = header[5] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            return ByteBuffer.wrap(header).order(order).getShort(E_MACHINE_OFFSET) & 0xFFFF;
        }
    }
}
