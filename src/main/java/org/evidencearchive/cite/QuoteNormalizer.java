package org.evidencearchive.cite;

/**
 * Normalises text for quote matching: whitespace runs become one space, typographic quotes become straight
 * quotes, dashes become hyphens. Nothing else is forgiven. Keeps a map from each normalised character back to
 * its offset in the original, so a match can be reported in the original's coordinates.
 */
public final class QuoteNormalizer {
    private QuoteNormalizer() {}

    /** A normalised text and, for each of its characters, the offset of the original character. */
    public record Normalized(String text, int[] origin) {
        /** Returns the original offset where normalised character {@code i} came from (or the end). */
        public int originalStart(int i) {
            return origin[i];
        }
    }

    /** Returns one character's normalised form. */
    public static char fold(char c) {
        return switch (c) {
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> '"';
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> '\'';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
            default -> c;
        };
    }

    /** Normalises a whole text, trimming it. */
    public static String normalize(String s) {
        return map(s).text().strip();
    }

    /** Normalises a text keeping the offset map. */
    public static Normalized map(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int[] origin = new int[s.length() + 1];
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                if (!space) {
                    origin[out.length()] = i;
                    out.append(' ');
                    space = true;
                }
                continue;
            }
            space = false;
            origin[out.length()] = i;
            out.append(fold(c));
        }
        origin[out.length()] = s.length();
        int[] trimmed = java.util.Arrays.copyOf(origin, out.length() + 1);
        return new Normalized(out.toString(), trimmed);
    }
}
