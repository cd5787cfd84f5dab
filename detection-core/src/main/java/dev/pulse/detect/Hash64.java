package dev.pulse.detect;

/**
 * The 64-bit hash Pulse uses for identities that arrive as strings (page paths, click targets,
 * form names, context values): FNV-1a over the UTF-16 chars, finished with MurmurHash3's fmix64 so
 * that nearby inputs spread over all bits. Stable across runs and machines: hashes are stored in
 * session records and journals. Allocation-free.
 */
public final class Hash64
{
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Hash64()
    {
    }

    public static long of(final CharSequence text)
    {
        long hash = FNV_OFFSET_BASIS;
        for (int i = 0, length = text.length(); i < length; i++)
        {
            hash = (hash ^ text.charAt(i)) * FNV_PRIME;
        }
        return fmix64(hash);
    }

    public static long of(final char[] chars, final int offset, final int length)
    {
        long hash = FNV_OFFSET_BASIS;
        for (int i = offset, end = offset + length; i < end; i++)
        {
            hash = (hash ^ chars[i]) * FNV_PRIME;
        }
        return fmix64(hash);
    }

    /**
     * The hash of a visitor id, as the session record and the journal's SESSION_START keep it:
     * {@link #of(CharSequence)} of its characters (ASCII, so its bytes), never 0, since 0 means
     * "no visitor id".
     */
    public static long visitor(final CharSequence id)
    {
        return nonZero(of(id));
    }

    /** {@link #visitor(CharSequence)} of {@code length} chars of {@code chars} from {@code offset}. */
    public static long visitor(final char[] chars, final int offset, final int length)
    {
        return nonZero(of(chars, offset, length));
    }

    private static long nonZero(final long hash)
    {
        return hash == 0 ? 1 : hash;
    }

    /** Combines two hashes into one; order matters. */
    public static long combine(final long first, final long second)
    {
        return fmix64(first * 31 + fmix64(second ^ FNV_PRIME));
    }

    /** A hash of an unordered pair: {@code unorderedPair(a, b) == unorderedPair(b, a)}. */
    public static long unorderedPair(final long a, final long b)
    {
        return a < b ? combine(a, b) : combine(b, a);
    }

    /** A stable 32-bit key of a catalog id, used where a session record must outlive a reload. */
    public static int key32(final CharSequence id)
    {
        final long hash = of(id);
        return (int)(hash ^ (hash >>> 32));
    }

    /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
    public static long fmix64(final long value)
    {
        long k = value;
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb93e185a34ebL;
        k ^= k >>> 33;
        return k;
    }
}
