package dev.pulse.catalog.compile;

import java.text.Normalizer;

/**
 * How search text and intent terms are read alike: each char folded to lower case without its
 * accents ("Rückgabe" and "RUCKGABE" read "ruckgabe", "garantía" reads "garantia"), letters and
 * digits kept, combining marks dropped (text typed decomposed reads as text typed composed), and
 * everything else a separator between words ("send-it back!" is three words).
 *
 * <p>The chars below {@value #TABLE_SIZE} (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, ...
 * and Latin Extended Additional) are folded through a table built once from Unicode's canonical
 * decomposition; the rest only through {@link Character#toLowerCase(char)}. Allocation-free after
 * class initialisation.
 */
public final class SearchFold
{
    /** Not part of a word: ends one. */
    public static final char SEPARATOR = 0;
    /** A combining mark: dropped, neither a letter nor a separator. */
    public static final char SKIP = 0xFFFF;

    private static final int TABLE_SIZE = 0x2000;
    private static final char[] TABLE = table();

    private SearchFold()
    {
    }

    /** The folded char: a lower-case letter or digit without accents, {@link #SEPARATOR} or {@link #SKIP}. */
    public static char fold(final char c)
    {
        if (c < TABLE_SIZE)
        {
            return TABLE[c];
        }
        if (isMark(c))
        {
            return SKIP;
        }
        return Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : SEPARATOR;
    }

    private static boolean isMark(final char c)
    {
        final int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static char[] table()
    {
        final char[] table = new char[TABLE_SIZE];
        for (char c = 0; c < TABLE_SIZE; c++)
        {
            if (isMark(c))
            {
                table[c] = SKIP;
            }
            else if (Character.isLetterOrDigit(c))
            {
                table[c] = base(Character.toLowerCase(c));
            }
            else
            {
                table[c] = SEPARATOR;
            }
        }
        return table;
    }

    /** The letter without its marks; the letters Unicode does not decompose (ø, ł, đ, ħ, ı) by hand. */
    private static char base(final char lower)
    {
        switch (lower)
        {
            case '\u00f8':
                return 'o';
            case '\u0142':
                return 'l';
            case '\u0111':
                return 'd';
            case '\u0127':
                return 'h';
            case '\u0131':
                return 'i';
            default:
                break;
        }
        final String decomposed = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
        for (int i = 0; i < decomposed.length(); i++)
        {
            final char part = decomposed.charAt(i);
            if (!isMark(part))
            {
                return Character.toLowerCase(part);
            }
        }
        return lower;
    }
}
