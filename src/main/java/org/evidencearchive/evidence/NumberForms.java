package org.evidencearchive.evidence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evidencearchive.content.Qualifier;

/**
 * Finds the numbers a text gives, in the forms news reports write them, and the qualifier written just before
 * each: "1100" and "1,100", "£12,000", "27%" and "27 per cent", "1.2 million", words from "one" to "twenty" and
 * the tens ("fifteen", "thirty"), "a record 1,187", "more than 1100".
 */
public final class NumberForms {
    private NumberForms() {}

    /**
     * A number in a text: its value, where it stands, the qualifier before it, and the words from the qualifier
     * to the number's end as written ("more than 1100").
     */
    record Occurrence(BigDecimal value, int start, int end, Qualifier qualifier, String written) {}

    private static final List<String> WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty");
    private static final Map<String, Integer> TENS = Map.of("thirty", 30, "forty", 40, "fifty", 50, "sixty", 60,
            "seventy", 70, "eighty", 80, "ninety", 90);
    private static final Map<String, BigDecimal> SCALES = Map.of("hundred", BigDecimal.valueOf(100),
            "thousand", BigDecimal.valueOf(1_000), "million", BigDecimal.valueOf(1_000_000), "m", BigDecimal.valueOf(1_000_000),
            "billion", BigDecimal.valueOf(1_000_000_000), "bn", BigDecimal.valueOf(1_000_000_000));

    /** Digits (with thousands separators and decimals) or a number word, then an optional scale word. */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,])(?:(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?|(" + String.join("|", WORDS) + "|"
            + String.join("|", TENS.keySet()) + "))(?:\\s?(hundred|thousand|million|billion|bn|m)(?!\\p{L}))?(?![\\p{L}\\p{N}]|[.,]\\d)");

    /** Qualifier phrases as written just before a number (a currency sign may stand between), longest first. */
    private static final Map<String, Qualifier> PHRASES = Map.ofEntries(
            Map.entry("more than", Qualifier.MORE_THAN), Map.entry("over", Qualifier.MORE_THAN),
            Map.entry("in excess of", Qualifier.MORE_THAN), Map.entry("upwards of", Qualifier.MORE_THAN),
            Map.entry("almost", Qualifier.ALMOST), Map.entry("nearly", Qualifier.ALMOST), Map.entry("just under", Qualifier.ALMOST),
            Map.entry("about", Qualifier.ABOUT), Map.entry("around", Qualifier.ABOUT), Map.entry("approximately", Qualifier.ABOUT),
            Map.entry("roughly", Qualifier.ABOUT), Map.entry("some", Qualifier.ABOUT),
            Map.entry("up to", Qualifier.UP_TO), Map.entry("at least", Qualifier.AT_LEAST), Map.entry("no fewer than", Qualifier.AT_LEAST),
            Map.entry("no less than", Qualifier.AT_LEAST), Map.entry("fewer than", Qualifier.LESS_THAN),
            Map.entry("less than", Qualifier.LESS_THAN), Map.entry("record", Qualifier.RECORD));
    private static final Pattern BEFORE = Pattern.compile("(?<![\\p{L}])(" + String.join("|",
            PHRASES.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList()) + ")\\s+(?:[£$€]\\s?)?$");

    /** Returns whether a word is a number as sources write one ("1,100", "£12,000", "seven", "thirty"). */
    public static boolean isNumber(String word) {
        return !find(word, 0, word.length()).isEmpty();
    }

    /**
     * Returns the numbers written in {@code text[from, to)}, each with the qualifier written before it (which may
     * stand before {@code from}: a quote cannot leave out the "more than" that precedes its number).
     */
    static List<Occurrence> find(String text, int from, int to) {
        // Only the region and a margin (the 24 characters a qualifier may take before it, the lookarounds' one or
        // two after) are read: lower-cased char by char, so offsets stay those of the text less the window's start.
        int base = Math.max(0, from - 32);
        char[] chars = text.substring(base, Math.min(text.length(), to + 16)).toCharArray();
        for (int i = 0; i < chars.length; i++) chars[i] = Character.toLowerCase(chars[i]);
        String lower = new String(chars);
        List<Occurrence> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(lower);
        m.region(from - base, to - base);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        while (m.find()) {
            BigDecimal v;
            if (m.group(1) != null) {
                v = new BigDecimal(m.group(1).replace(",", "") + (m.group(2) == null ? "" : "." + m.group(2)));
            } else {
                String w = m.group(3);
                v = BigDecimal.valueOf(WORDS.contains(w) ? WORDS.indexOf(w) : TENS.get(w));
            }
            if (m.group(4) != null) v = v.multiply(SCALES.get(m.group(4)));
            int local = m.start();
            Matcher q = BEFORE.matcher(lower.substring(Math.max(0, local - 24), local));
            boolean qualified = q.find();
            int at = base + local, end = base + m.end();
            int qualifierStart = qualified ? at - (q.regionEnd() - q.start())
                    : at > 0 && "£$€".indexOf(text.charAt(at - 1)) >= 0 ? at - 1 : at;
            out.add(new Occurrence(v, at, end, qualified ? PHRASES.get(q.group(1)) : Qualifier.EXACT,
                    text.substring(qualifierStart, end).replaceAll("\\s+", " ")));
        }
        return out;
    }
}
