package dev.pulse.server.session;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import dev.pulse.bench.HotPathBenchmark;

/**
 * A new session's id ({@link SessionId#generate}), as a hello without one costs its loop, from each generator:
 * {@code NativePRNG} is what {@code new SecureRandom()} gives on Linux (locks shared by every instance in the process,
 * bytes mixed in from /dev/urandom), {@code DRBG} what {@link SessionId#newRandom()} gives each loop. Run it with
 * {@code -t 2} too: the state is per thread, so two threads share only what the JDK shares.
 */
public class SessionIdBenchmark extends HotPathBenchmark
{
    @Param({"NativePRNG", "DRBG"})
    public String algorithm;

    private SecureRandom random;
    private final SessionId id = new SessionId();

    @Setup
    public void setUp() throws NoSuchAlgorithmException
    {
        random = SecureRandom.getInstance(algorithm);
    }

    @Benchmark
    public long generate()
    {
        return id.generate(random).lo();
    }
}
