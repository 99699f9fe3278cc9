package org.evidencearchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Numbers as readers write them: thousands separators dropped ("1,100" is 1100, "£800,000" is 800000), digit
 * groups apart by one space joined ("1 100" is 1100, "1 000 000" is 1000000), and every '%' between tokens is the
 * word "percent" (so "27%" and "27 per cent" meet through the vocabulary). Needs the field's text, for the
 * characters between tokens. The same rules are in assets/js/search/analysis.js (numberStep).
 */
final class NumberFilter extends TokenFilter {
    static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    static final Pattern HEAD = Pattern.compile("\\d{1,3}");
    static final Pattern GROUP = Pattern.compile("\\d{3}(\\.\\d+)?");
    /** One space of any of these joins digit groups. */
    static final String GROUP_SPACES = " \u00A0\u202F\u2009";

    private final Supplier<String> text;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);

    private record Tok(State state, String term, int start, int end, int posInc) {}

    private List<Tok> out;
    private int next;

    NumberFilter(TokenStream input, Supplier<String> text) {
        super(input);
        this.text = text;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (out == null) {
            out = rewrite();
            next = 0;
        }
        if (next >= out.size()) return false;
        Tok t = out.get(next++);
        restoreState(t.state());
        term.setEmpty().append(t.term());
        offset.setOffset(t.start(), t.end());
        posInc.setPositionIncrement(t.posInc());
        return true;
    }

    private List<Tok> rewrite() throws IOException {
        List<Tok> in = new ArrayList<>();
        while (input.incrementToken()) {
            in.add(new Tok(captureState(), term.toString(), offset.startOffset(), offset.endOffset(), posInc.getPositionIncrement()));
        }
        String s = text.get();
        List<Tok> res = new ArrayList<>();
        int prevEnd = 0;
        State last = null;
        for (int i = 0; i < in.size(); i++) {
            Tok t = in.get(i);
            percents(s, prevEnd, t.start(), t.state(), res);
            String v = t.term();
            int end = t.end();
            if (GROUPED.matcher(v).matches()) v = v.replace(",", "");
            else if (HEAD.matcher(v).matches()) {
                while (i + 1 < in.size() && GROUP.matcher(in.get(i + 1).term()).matches()
                        && in.get(i + 1).start() == end + 1 && end < s.length() && GROUP_SPACES.indexOf(s.charAt(end)) >= 0) {
                    v += in.get(++i).term();
                    end = in.get(i).end();
                    if (v.contains(".")) break;
                }
            }
            res.add(new Tok(t.state(), v, t.start(), end, t.posInc()));
            prevEnd = end;
            last = t.state();
        }
        if (last != null) percents(s, prevEnd, s.length(), last, res);
        return res;
    }

    /** Adds a "percent" token for each '%' in s[from, to). */
    private static void percents(String s, int from, int to, State like, List<Tok> res) {
        if (like == null) return;
        for (int k = from; k < Math.min(to, s.length()); k++) {
            if (s.charAt(k) == '%') res.add(new Tok(like, "percent", k, k + 1, 1));
        }
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        out = null;
    }
}
