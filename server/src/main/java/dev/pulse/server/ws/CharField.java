package dev.pulse.server.ws;

/**
 * A reused buffer for one string field of a message, kept as chars (a JSON string can carry
 * escapes, so the parser's decoded chars are the truth, not the frame's bytes). A
 * {@link CharSequence}, so hashing and journaling read it without a String.
 */
public final class CharField implements CharSequence
{
    private final char[] chars;
    private int length;
    private boolean present;

    public CharField(final int capacity)
    {
        this.chars = new char[capacity];
    }

    void clear()
    {
        length = 0;
        present = false;
    }

    /** Copies {@code length} chars, cut at the capacity. */
    void set(final char[] source, final int offset, final int sourceLength)
    {
        length = Math.min(sourceLength, chars.length);
        System.arraycopy(source, offset, chars, 0, length);
        present = true;
    }

    /** Copies a String's chars, cut at the capacity. */
    void set(final String source)
    {
        length = Math.min(source.length(), chars.length);
        source.getChars(0, length, chars, 0);
        present = true;
    }

    /** Sets the length after the chars were edited in place through {@link #array()}; bounded by the capacity. */
    void length(final int newLength)
    {
        length = Math.max(0, Math.min(newLength, chars.length));
    }

    /** Writes a decimal number, without allocating; returns this. */
    CharField setDecimal(final long value)
    {
        length = 0;
        if (value < 0 && length < chars.length)
        {
            chars[length++] = '-';
        }
        final int digits = Decimal.digits(value);
        for (int i = 0; i < digits && length < chars.length; i++)
        {
            chars[length++] = Decimal.digit(value, i, digits);
        }
        present = true;
        return this;
    }

    public boolean present()
    {
        return present;
    }

    public char[] array()
    {
        return chars;
    }

    @Override
    public int length()
    {
        return length;
    }

    @Override
    public char charAt(final int index)
    {
        return chars[index];
    }

    /** Allocates: for cold paths and tests. */
    @Override
    public CharSequence subSequence(final int start, final int end)
    {
        return new String(chars, start, end - start);
    }

    /** Allocates: for cold paths and tests. */
    @Override
    public String toString()
    {
        return new String(chars, 0, length);
    }
}
