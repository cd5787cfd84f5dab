package dev.pulse.detect;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static dev.pulse.detect.SessionStateDescriptor.CONTEXT_TEXTS_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.CONTEXT_TEXT_ENTRY_LENGTH;
import static dev.pulse.detect.SessionStateDescriptor.CONTEXT_TEXT_KEY_HASH_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.CONTEXT_TEXT_LENGTH_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.CONTEXT_TEXT_UTF8_OFFSET;
import static dev.pulse.detect.SessionStateDescriptor.CONTEXT_TEXT_TRUSTED_MASK_OFFSET;

/**
 * The context texts of a session's state record: the values response templates insert
 * ({@code {{first_name}}}), as UTF-8 cut at a character boundary to {@link #TEXT_MAX_BYTES}, in
 * {@link #TEXT_CAPACITY} slots keyed by the hash of the context key. Only the keys a catalog's
 * templates use are kept, so three slots do (the validator refuses a catalog whose templates use
 * more). A trusted text (the site's backend's) is never overwritten by an untrusted one.
 *
 * <p>Not thread-safe, like the record. Allocation-free.
 */
public abstract class ContextTextsFlyweight extends RecordFlyweight
{
    /** How many context texts a session keeps. */
    public static final int TEXT_CAPACITY = 3;
    /** The most UTF-8 bytes a kept text has. */
    public static final int TEXT_MAX_BYTES = CONTEXT_TEXT_ENTRY_LENGTH - CONTEXT_TEXT_UTF8_OFFSET;

    /**
     * Keeps the text of a context key: in its slot, else the first free one.
     *
     * @return false when every slot holds another key, or the key's text is trusted and this one is not.
     */
    public final boolean putContextText(final long keyHash, final CharSequence text, final boolean trusted)
    {
        final int entry = claimText(keyHash, trusted);
        if (entry < 0)
        {
            return false;
        }
        buffer.putByte(entry + CONTEXT_TEXT_LENGTH_OFFSET, (byte)encode(text, entry + CONTEXT_TEXT_UTF8_OFFSET));
        return true;
    }

    /**
     * Keeps a text already in UTF-8 (as {@link #copyContextTextAt} gave it: whole characters, at
     * most {@link #TEXT_MAX_BYTES}), by the same rules as {@link #putContextText}.
     */
    public final boolean putContextTextUtf8(final long keyHash, final DirectBuffer utf8, final int at, final int length,
        final boolean trusted)
    {
        final int entry = length > TEXT_MAX_BYTES ? -1 : claimText(keyHash, trusted);
        if (entry < 0)
        {
            return false;
        }
        buffer.putBytes(entry + CONTEXT_TEXT_UTF8_OFFSET, utf8, at, length);
        buffer.putByte(entry + CONTEXT_TEXT_LENGTH_OFFSET, (byte)length);
        return true;
    }

    /** The key hash of text slot {@code slot} (below {@link #TEXT_CAPACITY}; 0: free). */
    public final long contextTextKeyHashAt(final int slot)
    {
        return buffer.getLong(offset + CONTEXT_TEXTS_OFFSET + CONTEXT_TEXT_ENTRY_LENGTH * slot + CONTEXT_TEXT_KEY_HASH_OFFSET);
    }

    /** Whether text slot {@code slot} came from the site's backend. */
    public final boolean contextTextTrustedAt(final int slot)
    {
        return (buffer.getByte(offset + CONTEXT_TEXT_TRUSTED_MASK_OFFSET) & 1 << slot) != 0;
    }

    /** Copies the UTF-8 of text slot {@code slot} into {@code into} at {@code at}; answers its length in bytes. */
    public final int copyContextTextAt(final int slot, final MutableDirectBuffer into, final int at)
    {
        final int entry = offset + CONTEXT_TEXTS_OFFSET + CONTEXT_TEXT_ENTRY_LENGTH * slot;
        final int length = buffer.getByte(entry + CONTEXT_TEXT_LENGTH_OFFSET) & 0xFF;
        into.putBytes(at, buffer, entry + CONTEXT_TEXT_UTF8_OFFSET, length);
        return length;
    }

    /**
     * The entry a text of {@code keyHash} goes in (its slot, else the first free one), its key and
     * trust written; -1 when every slot holds another key, or the key's text is trusted and this one is not.
     */
    private int claimText(final long keyHash, final boolean trusted)
    {
        int slot = textSlot(keyHash);
        if (slot < 0)
        {
            slot = textSlot(0);
            if (slot < 0 || keyHash == 0)
            {
                return -1;
            }
        }
        final int mask = buffer.getByte(offset + CONTEXT_TEXT_TRUSTED_MASK_OFFSET) & 0xFF;
        if (!trusted && (mask & 1 << slot) != 0)
        {
            return -1;
        }
        final int entry = offset + CONTEXT_TEXTS_OFFSET + CONTEXT_TEXT_ENTRY_LENGTH * slot;
        buffer.putLong(entry + CONTEXT_TEXT_KEY_HASH_OFFSET, keyHash);
        buffer.putByte(offset + CONTEXT_TEXT_TRUSTED_MASK_OFFSET, (byte)(trusted ? mask | 1 << slot : mask & ~(1 << slot)));
        return entry;
    }

    /**
     * Appends the text of a context key to {@code into}.
     *
     * @return false, appending nothing, when the session has no text for the key.
     */
    public final boolean appendContextText(final long keyHash, final StringBuilder into)
    {
        final int slot = keyHash == 0 ? -1 : textSlot(keyHash);
        if (slot < 0)
        {
            return false;
        }
        final int entry = offset + CONTEXT_TEXTS_OFFSET + CONTEXT_TEXT_ENTRY_LENGTH * slot;
        final int end = entry + CONTEXT_TEXT_UTF8_OFFSET + (buffer.getByte(entry + CONTEXT_TEXT_LENGTH_OFFSET) & 0xFF);
        int at = entry + CONTEXT_TEXT_UTF8_OFFSET;
        while (at < end)
        {
            final int b = buffer.getByte(at) & 0xFF;
            final int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
            int codePoint = extra == 0 ? b : b & (0x3F >> extra);
            for (int i = 1; i <= extra; i++)
            {
                codePoint = codePoint << 6 | buffer.getByte(at + i) & 0x3F;
            }
            into.appendCodePoint(codePoint);
            at += extra + 1;
        }
        return true;
    }

    /** Whether the key's text came from the site's backend. */
    public final boolean contextTextTrusted(final long keyHash)
    {
        final int slot = keyHash == 0 ? -1 : textSlot(keyHash);
        return slot >= 0 && (buffer.getByte(offset + CONTEXT_TEXT_TRUSTED_MASK_OFFSET) & 1 << slot) != 0;
    }

    private int textSlot(final long keyHash)
    {
        for (int slot = 0; slot < TEXT_CAPACITY; slot++)
        {
            if (buffer.getLong(offset + CONTEXT_TEXTS_OFFSET + CONTEXT_TEXT_ENTRY_LENGTH * slot + CONTEXT_TEXT_KEY_HASH_OFFSET) == keyHash)
            {
                return slot;
            }
        }
        return -1;
    }

    /** Writes {@code text} as UTF-8 from {@code at}, whole characters up to {@link #TEXT_MAX_BYTES}; answers the bytes written. */
    private int encode(final CharSequence text, final int at)
    {
        int written = 0;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            final boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            final int codePoint = pair ? Character.toCodePoint(c, text.charAt(i + 1)) : Character.isSurrogate(c) ? 0xFFFD : c;
            final int bytes = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (written + bytes > TEXT_MAX_BYTES)
            {
                break;
            }
            if (bytes == 1)
            {
                buffer.putByte(at + written, (byte)codePoint);
            }
            else
            {
                buffer.putByte(at + written, (byte)((0xF00 >> bytes) & 0xFF | codePoint >> 6 * (bytes - 1)));
                for (int k = 1; k < bytes; k++)
                {
                    buffer.putByte(at + written + k, (byte)(0x80 | codePoint >> 6 * (bytes - 1 - k) & 0x3F));
                }
            }
            written += bytes;
            i += pair ? 1 : 0;
        }
        return written;
    }
}
