package org.evidencearchive.search;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Numbers as readers write them: thousands separators dropped ("1,100" is 1100, "£800,000" is 800000), digit
 * groups apart by one space joined ("1 100" is 1100, "1 000 000" is 1000000), and every '%' between tokens is the
 * word "percent" (so "27%" and "27 per cent" meet through the vocabulary), and a magnitude letter is applied ("£12k" is
 * 12000, "£1.2m" 1200000, "£2bn" 2000000000: how readers write the "£12,000" and "£1,200,000" of a text), and a number
 * spelled out is its digits ("fifteen" is 15, {@link #SPELLED}). Needs the field's text, for the
 * characters between tokens. The same rules are in assets/js/search/analysis.js (numberStep).
 *
 * <p>Tokens stream through: the index runs this on every token of the archive, and almost none is a number or
 * follows a '%'. A token's attributes are captured only when it must wait (a number whose next group is read
 * ahead, a token that '%' words come before) or may lend them to '%' words after the last token; the patterns
 * run only on tokens that start with a digit.
 */
final class NumberFilter extends TokenFilter {
    static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    static final Pattern HEAD = Pattern.compile("\\d{1,3}");
    static final Pattern GROUP = Pattern.compile("\\d{3}(\\.\\d+)?");
    /** A number with a magnitude letter, as readers write money ("£12k", "£1.2m", "£2bn"). */
    static final Pattern SCALED = Pattern.compile("(\\d+(?:\\.\\d+)?)(k|m|bn)");
    /** One space of any of these joins digit groups. */
    static final String GROUP_SPACES = " \u00A0\u202F\u2009";
    /**
     * Numbers readers spell out, two to twenty and the tens ("fifteen people" is "15 people"); not "one", a pronoun
     * as often as a number, nor the multipliers (hundred, thousand).
     */
    static final List<String> SPELLED = List.of("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");
    /** The digits of each spelled number, read from the term's buffer without a copy. */
    private static final CharArrayMap<String> DIGITS = new CharArrayMap<>(SPELLED.size(), false);

    static {
        for (int i = 0; i < SPELLED.size(); i++) {
            DIGITS.put(SPELLED.get(i), Integer.toString(i < 18 ? i + 2 : (i - 16) * 10));
        }
    }

    private final Supplier<String> text;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final StringBuilder joined = new StringBuilder();

    /** The value's text, read at its first token. */
    private String s;
    /** The first '%' at or after {@link #prevEnd}, or -1 when there is none. */
    private int nextPercent;
    /** Where the last token given ended (its joined groups included). */
    private int prevEnd;
    /** A token read ahead (a group that did not join the number before it), given next. */
    private State held;
    /** The attributes the pending '%' words take (the token after them, or the last token), or null. */
    private State percentLike;
    /** The range in which '%' words are still pending. */
    private int percentFrom, percentTo;
    /** The token to give after the pending '%' words, or null when they end the value. */
    private State after;
    /** The last token's attributes, kept only while a '%' follows it (the words of a trailing '%' take them). */
    private State last;
    private boolean inputDone, ended;

    NumberFilter(TokenStream input, Supplier<String> text) {
        super(input);
        this.text = text;
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (true) {
            if (percentLike != null) {
                int k = s.indexOf('%', percentFrom);
                if (k >= 0 && k < percentTo) {
                    restoreState(percentLike);
                    term.setEmpty().append("percent");
                    offset.setOffset(k, k + 1);
                    posInc.setPositionIncrement(1);
                    percentFrom = k + 1;
                    return true;
                }
                percentLike = null;
                if (after == null) return false; // the words of a trailing '%' were the last tokens
                restoreState(after);
                after = null;
                return give();
            }
            if (held != null) {
                restoreState(held);
                held = null;
            } else if (inputDone || !input.incrementToken()) {
                inputDone = true;
                if (!ended) {
                    ended = true;
                    if (last != null && nextPercent >= 0) { // a '%' after the last token
                        percentLike = last;
                        percentFrom = prevEnd;
                        percentTo = s.length();
                        continue;
                    }
                }
                return false;
            }
            if (s == null) {
                s = text.get();
                nextPercent = s.indexOf('%');
            }
            int start = offset.startOffset();
            if (nextPercent >= 0 && nextPercent < start) { // '%' words come first, with this token's attributes
                percentLike = after = captureState();
                percentFrom = prevEnd;
                percentTo = Math.min(start, s.length());
                continue;
            }
            return give();
        }
    }

    /** Gives the current token: a number with separators loses them, digit groups join. */
    private boolean give() throws IOException {
        int end = offset.endOffset();
        if (startsWithDigit()) {
            if (GROUPED.matcher(term).matches()) {
                char[] b = term.buffer();
                int n = 0;
                for (int i = 0; i < term.length(); i++) {
                    if (b[i] != ',') b[n++] = b[i];
                }
                term.setLength(n);
            } else if (HEAD.matcher(term).matches()) {
                end = join(end);
            } else {
                java.util.regex.Matcher m = SCALED.matcher(term);
                if (m.matches()) {
                    String value = scaled(m.group(1), m.group(2));
                    term.setEmpty().append(value);
                }
            }
        } else {
            String digits = DIGITS.get(term.buffer(), 0, term.length());
            if (digits != null) term.setEmpty().append(digits);
        }
        prevEnd = end;
        if (nextPercent >= 0 && nextPercent < prevEnd) nextPercent = s.indexOf('%', prevEnd);
        last = nextPercent >= 0 ? captureState() : null;
        return true;
    }

    /**
     * Joins to the current token (1-3 digits ending at {@code end}) each next group of 3 digits one group space
     * after it, until a group with a decimal part; returns where the number ends.
     */
    private int join(int end) throws IOException {
        State head = null;
        while (end < s.length() && GROUP_SPACES.indexOf(s.charAt(end)) >= 0) {
            if (head == null) {
                head = captureState();
                joined.setLength(0);
                joined.append(term);
            }
            if (!input.incrementToken()) {
                inputDone = true;
                break;
            }
            if (offset.startOffset() != end + 1 || !startsWithDigit() || !GROUP.matcher(term).matches()) {
                held = captureState();
                break;
            }
            joined.append(term);
            end = offset.endOffset();
            if (term.toString().indexOf('.') >= 0) break;
        }
        if (head != null) {
            restoreState(head);
            term.setEmpty().append(joined);
            offset.setOffset(offset.startOffset(), end);
        }
        return end;
    }

    /** The value of a number with a magnitude letter, in plain digits: "12k" is 12000, "1.25m" is 1250000. */
    static String scaled(String number, String letter) {
        int shift = switch (letter) {
            case "k" -> 3;
            case "m" -> 6;
            default -> 9;
        };
        return new java.math.BigDecimal(number).movePointRight(shift).stripTrailingZeros().toPlainString();
    }

    private boolean startsWithDigit() {
        return term.length() > 0 && term.charAt(0) >= '0' && term.charAt(0) <= '9';
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        s = null;
        nextPercent = -1;
        prevEnd = 0;
        held = null;
        percentLike = null;
        after = null;
        last = null;
        inputDone = false;
        ended = false;
    }
}
